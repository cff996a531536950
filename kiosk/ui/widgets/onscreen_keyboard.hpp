#pragma once
// The on-screen keyboard: big keys for letters, digits, space, delete and clear, and a
// second page for Vietnamese letters and tone marks (typing without them is enough to
// search; with them, exact matches rank first).
#include <string>

namespace kiosk::ui {

struct OnscreenKeyboard {
    bool vietnamese_page = false;

    // Keys shrink (never below a fingertip) so the keyboard fits in `available_height`;
    // call before Height and Draw each frame. Both pages keep the same key size.
    void FitInto(float available_height);
    // Draws at the cursor, `width` wide; edits text. Returns true when text changed.
    bool Draw(std::string& text, float width);
    // The height Draw will take (for laying out what sits above it).
    float Height() const;

    float key_height = 0;  // set by FitInto; 0: the comfortable size
};

// Keyboard editing rules, kept apart from drawing so they can be tested alone.
namespace keyboard_editing {
void RemoveLastCharacter(std::string& text);
// Puts a tone mark (U+0300 huyền, U+0301 sắc, U+0303 ngã, U+0309 hỏi, U+0323 nặng) on the
// last vowel typed, replacing any tone it had; the text stays NFC.
void ApplyTone(std::string& text, char32_t combining_tone);
}  // namespace keyboard_editing

}  // namespace kiosk::ui
