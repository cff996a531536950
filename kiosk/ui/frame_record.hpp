#pragma once
// What the last frame drew, for tests and screenshots: every string with its box and any
// character the font could not draw, and every tappable item with its label. Tests tap
// buttons by label and fail on a "?" glyph or on text that spills out of its window.
#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

struct DrawnText {
    std::string text;
    ImVec2 min, max;               // the text's box on screen
    ImVec2 window_min, window_max;  // the box of the window (or scroll view) holding it
    bool horizontally_outside = false;  // spills past the window's left or right edge
    std::vector<ImWchar> missing_characters;  // drawn as the fallback "?" glyph
};

struct TappableItem {
    std::string label;
    ImVec2 min, max;
    ImVec2 Center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

struct FrameRecord {
    bool enabled = false;  // off in production: recording costs copies every frame
    std::vector<DrawnText> texts;
    std::vector<TappableItem> tappables;
    void Clear() {
        texts.clear();
        tappables.clear();
    }
};

FrameRecord& CurrentFrameRecord();

}  // namespace kiosk::ui
