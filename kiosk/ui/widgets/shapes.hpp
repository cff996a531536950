#pragma once
// Filled shapes drawn so that a software rasterizer can afford them.
//
// SDL's software renderer walks every pixel of each triangle's bounding box, and ImGui
// fills a rounded rectangle as one fan of thin triangles from a point on its
// edge: a 1000×230 px home tile cost some forty walks over the whole tile, most of a
// first frame. SDL draws an axis-aligned quad as a plain rectangle copy instead, so this
// helper builds the same shape from axis-aligned rectangles and four small corner fans.
// On a GPU they look the same as ImGui's.
#include <imgui.h>

namespace kiosk::ui {

// ImDrawList::AddRectFilled(min, max, color, rounding), in rectangles and four corner fans.
void FillRoundedRect(ImDrawList* draw_list, ImVec2 min, ImVec2 max, ImU32 color, float rounding);

}  // namespace kiosk::ui
