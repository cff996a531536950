#pragma once
// Every string the kiosk draws goes through these functions: they wrap, never clip, note
// characters the atlas lacks (so the next atlas build adds them), and feed the frame
// record that tests read.
#include <imgui.h>

#include <string_view>

#include "kiosk/ui/fonts.hpp"

namespace kiosk::ui {

ImVec2 MeasureText(FontRole role, std::string_view text, float wrap_width = 0);

// The widest single word (a run between spaces or line breaks): a box narrower than this
// cannot hold the text without cutting a word in two.
float LongestWordWidth(FontRole role, std::string_view text);

// Draws at an absolute position; wrap_width 0 means one line.
void DrawTextAt(ImDrawList* draw_list, FontRole role, ImVec2 position, ImU32 color, std::string_view text,
                float wrap_width = 0);

// Draws centred in a box (wrapping to the box's width), e.g. a button label.
void DrawTextCentered(ImDrawList* draw_list, FontRole role, ImVec2 min, ImVec2 max, ImU32 color,
                      std::string_view text);

// Lays text out at the cursor, wrapped to the available width, and moves the cursor below it.
void Paragraph(FontRole role, ImU32 color, std::string_view text);

// A heading line followed by a little space.
void Heading(std::string_view text);

}  // namespace kiosk::ui
