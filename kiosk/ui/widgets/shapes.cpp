#include "kiosk/ui/widgets/shapes.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

bool IsOpaque(ImU32 color) { return ((color >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF; }

// A quarter of a disc as a fan from its centre: its triangles' boxes stay inside r × r.
void FillQuarter(ImDrawList* draw_list, ImVec2 center, float radius, int first_step) {
    draw_list->PathLineTo(center);
    draw_list->PathArcToFast(center, radius, first_step, first_step + 3);  // 12 steps make a circle
}

}  // namespace

void FillRoundedRect(ImDrawList* draw_list, ImVec2 min, ImVec2 max, ImU32 color, float rounding) {
    float width = max.x - min.x, height = max.y - min.y;
    // The same clamp ImGui applies, so both draw the same shape.
    rounding = std::min(rounding, std::min(width, height) * 0.5f - 1.0f);
    // The pieces overlap along their seams, which only an opaque colour hides.
    if (rounding < 1.0f || !IsOpaque(color)) {
        draw_list->AddRectFilled(min, max, color, std::max(rounding, 0.0f));
        return;
    }
    // Whole pixels: the software renderer rounds each rectangle's edges on its own, and
    // pieces that met at a fraction of a pixel would leave a hairline gap between them.
    min = ImVec2(std::round(min.x), std::round(min.y));
    max = ImVec2(std::round(max.x), std::round(max.y));
    float r = std::round(rounding);
    // Corners first; the rectangles drawn over them reach one pixel into each corner's
    // square, hiding the anti-aliased fringe along the corner's straight sides.
    FillQuarter(draw_list, ImVec2(min.x + r, min.y + r), r, 6);
    draw_list->PathFillConvex(color);
    FillQuarter(draw_list, ImVec2(max.x - r, min.y + r), r, 9);
    draw_list->PathFillConvex(color);
    FillQuarter(draw_list, ImVec2(max.x - r, max.y - r), r, 0);
    draw_list->PathFillConvex(color);
    FillQuarter(draw_list, ImVec2(min.x + r, max.y - r), r, 3);
    draw_list->PathFillConvex(color);
    draw_list->AddRectFilled(ImVec2(min.x, min.y + r - 1), ImVec2(max.x, max.y - r + 1), color);
    draw_list->AddRectFilled(ImVec2(min.x + r - 1, min.y), ImVec2(max.x - r + 1, min.y + r), color);
    draw_list->AddRectFilled(ImVec2(min.x + r - 1, max.y - r), ImVec2(max.x - r + 1, max.y), color);
}

}  // namespace kiosk::ui
