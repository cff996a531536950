#pragma once
// What the last frame drew, for tests and screenshots: every string with its box and any
// character the font could not draw, and every tappable item with its label. Tests tap
// buttons by label and fail on a "?" glyph or on text that spills out of its window.
#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

struct DrawnText {
    std::string text;
    ImVec2 min, max;               // the text's box on screen
    ImVec2 window_min, window_max;  // the box of the window (or scroll view) holding it
    bool horizontally_outside = false;  // spills past the window's left or right edge
    bool breaks_inside_word = false;    // a word wider than the wrap width: ImGui cuts it ("Dele/te")
    std::vector<ImWchar> missing_characters;  // drawn as the fallback "?" glyph
};

struct TappableItem {
    std::string label;
    ImVec2 min, max;
    ImVec2 visible_min, visible_max;  // the part a finger can reach: inside the clip rect it was drawn in
    unsigned layer = 0;               // the top-level window it belongs to (an overlay is another layer)
    ImVec2 Center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
    bool FullyVisible() const {
        return visible_min.x <= min.x + 0.5f && visible_min.y <= min.y + 0.5f && visible_max.x >= max.x - 0.5f &&
               visible_max.y >= max.y - 0.5f;
    }
};

struct FrameRecord {
    bool enabled = false;  // off in production: recording costs copies every frame
    std::vector<DrawnText> texts;
    std::vector<TappableItem> tappables;
    std::vector<std::pair<ImVec2, ImVec2>> bars;  // the top and bottom bars (min, max) of the page frame
    void Clear() {
        texts.clear();
        tappables.clear();
        bars.clear();
    }
};

FrameRecord& CurrentFrameRecord();

}  // namespace kiosk::ui
