// FillRoundedRect against ImGui's own rounded rectangle, drawn by the kiosk's renderer:
// the same shape, no seam between its pieces, and no triangle that makes the rasterizer
// walk the whole rectangle.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "kiosk/ui/widgets/shapes.hpp"
#include "tests/ui/draw_list_canvas.hpp"

namespace {

constexpr int kWidth = 400, kHeight = 240;
constexpr ImU32 kBackground = IM_COL32(238, 241, 248, 255);
constexpr ImU32 kFill = IM_COL32(12, 79, 162, 255);

using kiosk::testing::Canvas;

Canvas Draw(const std::function<void(ImDrawList*)>& draw) {
    return kiosk::testing::DrawOnCanvas(kWidth, kHeight, kBackground, draw);
}

// Distance from (x, y) outside the rounded rectangle's outline (negative inside).
float SignedDistance(float x, float y, ImVec2 min, ImVec2 max, float radius) {
    float cx = std::clamp(x, min.x + radius, max.x - radius);
    float cy = std::clamp(y, min.y + radius, max.y - radius);
    return std::hypot(x - cx, y - cy) - radius;
}

// Area of the boxes of every triangle that is not half of an axis-aligned rectangle (SDL
// draws those as rectangle copies): the pixels SDL's software rasterizer walks.
double WalkedArea(const Canvas& drawn) {
    double area = 0;
    for (std::size_t index = 0; index + 2 < drawn.indices.size(); index += 3) {
        const ImDrawVert* corner[3] = {&drawn.vertices[drawn.indices[index]], &drawn.vertices[drawn.indices[index + 1]],
                                       &drawn.vertices[drawn.indices[index + 2]]};
        float left = 1e9f, right = -1e9f, top = 1e9f, bottom = -1e9f;
        int axis_aligned_edges = 0;
        for (int k = 0; k < 3; ++k) {
            left = std::min(left, corner[k]->pos.x);
            right = std::max(right, corner[k]->pos.x);
            top = std::min(top, corner[k]->pos.y);
            bottom = std::max(bottom, corner[k]->pos.y);
            const ImVec2& a = corner[k]->pos;
            const ImVec2& b = corner[(k + 1) % 3]->pos;
            if (a.x == b.x || a.y == b.y) ++axis_aligned_edges;
        }
        if (axis_aligned_edges >= 2) continue;  // a right triangle: half of a rectangle
        area += static_cast<double>(right - left) * static_cast<double>(bottom - top);
    }
    return area;
}

}  // namespace

TEST_CASE("shapes: a rounded rectangle is filled without seams and matches ImGui's shape") {
    // Edges a fraction of a pixel off the grid, where pieces that met unsnapped left a
    // hairline gap; the helper snaps them to whole pixels, as the reference does here.
    const ImVec2 min(20.3f, 30.6f), max(380.4f, 210.2f);
    const ImVec2 snapped_min(20, 31), snapped_max(380, 210);
    const float rounding = 24;
    Canvas ours = Draw([&](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, min, max, kFill, rounding); });
    Canvas imgui = Draw([&](ImDrawList* list) { list->AddRectFilled(snapped_min, snapped_max, kFill, rounding); });

    int interior_wrong = 0, exterior_wrong = 0, differ_from_imgui = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            float distance = SignedDistance(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f, snapped_min,
                                            snapped_max, rounding);
            ImU32 pixel = ours.PixelAt(x, y);
            // A pixel and a half inside the outline is solid fill: a seam would show here.
            if (distance < -1.5f && pixel != kFill) ++interior_wrong;
            if (distance > 1.5f && pixel != kBackground) ++exterior_wrong;
            if (std::abs(distance) > 1.5f && pixel != imgui.PixelAt(x, y)) ++differ_from_imgui;
        }
    }
    CHECK(interior_wrong == 0);
    CHECK(exterior_wrong == 0);
    CHECK(differ_from_imgui == 0);
}

TEST_CASE("shapes: no triangle of a rounded rectangle spans more than one corner's square") {
    // SDL's software rasterizer walks each triangle's bounding box; ImGui's own fan from a
    // corner spans the whole rectangle with most of its triangles.
    const ImVec2 min(0, 0), max(1000, 230);
    const float rounding = 20;
    Canvas ours = Draw([&](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, min, max, kFill, rounding); });
    Canvas imgui = Draw([&](ImDrawList* list) { list->AddRectFilled(min, max, kFill, rounding); });

    double rectangle = 1000.0 * 230.0;
    MESSAGE("walked: ours ", WalkedArea(ours) / rectangle, " rectangles, ImGui's ", WalkedArea(imgui) / rectangle);
    CHECK(WalkedArea(ours) < 0.05 * rectangle);
    CHECK(WalkedArea(imgui) > 5 * rectangle);  // what the helper exists to avoid
}

TEST_CASE("shapes: a translucent or unrounded fill is left to ImGui") {
    Canvas translucent = Draw([](ImDrawList* list) {
        kiosk::ui::FillRoundedRect(list, ImVec2(10, 10), ImVec2(200, 100), IM_COL32(0, 0, 0, 150), 12);
    });
    Canvas imgui = Draw([](ImDrawList* list) { list->AddRectFilled(ImVec2(10, 10), ImVec2(200, 100), IM_COL32(0, 0, 0, 150), 12); });
    CHECK(translucent.pixels == imgui.pixels);
    Canvas square = Draw([](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, ImVec2(10, 10), ImVec2(200, 100), kFill, 0); });
    CHECK(square.indices.size() == 6);
}
