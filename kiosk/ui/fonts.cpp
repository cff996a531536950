#include "kiosk/ui/fonts.hpp"

#include <cmath>

#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {
namespace {

// Punctuation the portal's text and our own strings use beyond ImGui's Vietnamese ranges:
// – — … “ ” ‘ ’ ₫ · • → ≤ ≥ × ° № and the no-break space.
constexpr ImWchar kExtraPunctuation[] = {0x2013, 0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x20AB,
                                         0x00B7, 0x2022, 0x2192, 0x2264, 0x2265, 0x00D7, 0x00B0, 0x2116,
                                         0x00A0, 0x00AB, 0x00BB, 0x2010, 0x2011, 0x2212, 0x00A7, 0x00BA,
                                         0x00B2, 0x00B3, 0x00BD, 0x2030, 0x00A9, 0x00AE, 0xFFFD};

bool IsBold(FontRole role) { return role == FontRole::Bold || role == FontRole::Tile || role == FontRole::Heading; }

}  // namespace

float BaseFontPixels(FontRole role) {
    switch (role) {
        case FontRole::Small: return 26;
        case FontRole::Body: return 32;
        case FontRole::Bold: return 32;
        case FontRole::Tile: return 38;
        case FontRole::Heading: return 46;
        default: return 32;
    }
}

float Fonts::PixelSize(FontRole role) const {
    return std::round(BaseFontPixels(role) * TextScaleFor(built_text_size_) * built_scale_);
}

bool Fonts::NeedsBuild(TextSize text_size, float layout_scale) const {
    return fonts_[0] == nullptr || text_size != built_text_size_ || std::abs(layout_scale - built_scale_) > 0.01f ||
           !pending_.empty();
}

void Fonts::NoteMissingCharacter(ImWchar character) {
    if (character < 0x20 || given_up_.contains(character)) return;
    pending_.insert(character);
}

bool Fonts::Build(TextSize text_size, float layout_scale) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;

    // A character drawn without a glyph is first added to the ranges; if it is still
    // missing after that, the main font lacks it and the fallback font is merged in; if it
    // is missing even then, no installed font has it and we stop asking.
    for (ImWchar character : pending_) {
        if (extra_characters_.insert(character).second) continue;
        if (!use_fallback_ && !files_.fallback.empty())
            use_fallback_ = true;
        else
            given_up_.insert(character);
    }
    pending_.clear();

    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesVietnamese());
    for (ImWchar character : kExtraPunctuation) builder.AddChar(character);
    for (ImWchar character : extra_characters_) builder.AddChar(character);
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    ranges_storage_.assign(ranges.begin(), ranges.end());

    atlas->Clear();
    ImFontConfig config;
    config.OversampleH = 1;  // large sizes need no horizontal oversampling; halves the atlas
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* built[static_cast<int>(FontRole::Count)] = {};
    float text_scale = TextScaleFor(text_size);
    for (int index = 0; index < static_cast<int>(FontRole::Count); ++index) {
        auto role = static_cast<FontRole>(index);
        float pixels = std::round(BaseFontPixels(role) * text_scale * layout_scale);
        const auto& file = IsBold(role) ? files_.bold : files_.regular;
        built[index] = atlas->AddFontFromFileTTF(file.c_str(), pixels, &config, ranges_storage_.data());
        if (!built[index]) return false;
        if (use_fallback_ && files_.fallback != file) {
            // Only once a character turned out missing from the main font is the fallback
            // merged in for it: parsing it at every start would cost time for nothing.
            ImFontConfig merge = config;
            merge.MergeMode = true;
            atlas->AddFontFromFileTTF(files_.fallback.c_str(), pixels, &merge, ranges_storage_.data());
        }
    }
    if (!atlas->Build()) return false;
    for (int index = 0; index < static_cast<int>(FontRole::Count); ++index) fonts_[index] = built[index];
    built_text_size_ = text_size;
    built_scale_ = layout_scale;
    texture_dirty_ = true;
    return true;
}

bool Fonts::TakeTextureDirty() {
    bool dirty = texture_dirty_;
    texture_dirty_ = false;
    return dirty;
}

}  // namespace kiosk::ui
