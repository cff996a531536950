#pragma once
// The font atlas: Noto Sans (regular and bold) at the few pixel sizes the current text
// size uses, with glyph ranges covering Vietnamese and the punctuation content uses.
// Only those sizes are baked (the atlas is the biggest piece of memory); changing the
// text size or the window size rebuilds it.
#include <imgui.h>

#include <set>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/font_files.hpp"

namespace kiosk::ui {

enum class FontRole { Small, Body, Bold, Tile, Heading, Count };

class Fonts {
public:
    explicit Fonts(FontFiles files) : files_(std::move(files)) {}

    // Builds the atlas into ImGui's current context for this text size and layout scale.
    // Returns false (and keeps the old atlas) if a font file cannot be loaded.
    bool Build(TextSize text_size, float layout_scale);
    bool NeedsBuild(TextSize text_size, float layout_scale) const;

    ImFont* Get(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    float PixelSize(FontRole role) const;

    // Characters seen in drawn text that the atlas lacks: the next build adds them if
    // a font file has them, so rare punctuation in content still draws.
    void NoteMissingCharacter(ImWchar character);
    bool HasPendingCharacters() const { return !pending_.empty(); }

    // The texture must be re-uploaded after Build (the platform layer does it).
    bool TakeTextureDirty();

private:
    FontFiles files_;
    ImFont* fonts_[static_cast<int>(FontRole::Count)] = {};
    TextSize built_text_size_ = TextSize::Normal;
    float built_scale_ = 0;
    std::set<ImWchar> extra_characters_;
    std::set<ImWchar> pending_;
    std::set<ImWchar> given_up_;  // no installed font has these
    bool use_fallback_ = false;
    std::vector<ImWchar> ranges_storage_;  // must outlive the atlas build
    bool texture_dirty_ = false;
};

// Base pixel size of each role at normal text size on the 1080 px reference.
float BaseFontPixels(FontRole role);

}  // namespace kiosk::ui
