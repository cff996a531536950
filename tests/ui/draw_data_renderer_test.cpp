// The kiosk's renderer against ImGui's SDL_Renderer backend: the same pixels, with opaque
// one-colour rectangles filled rather than blended.
#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/ui/draw_list_canvas.hpp"

using kiosk::testing::Canvas;
using kiosk::testing::DrawOnCanvas;
using kiosk::testing::Rasterizer;

namespace {

constexpr int kWidth = 320, kHeight = 200;
constexpr ImU32 kBackground = IM_COL32(238, 241, 248, 255);

// A little of everything a kiosk screen draws: opaque and translucent rectangles, a
// rounded card, an outline, a circle, a line and text, some under a clip rectangle.
void DrawMixedScene(ImDrawList* list) {
    list->AddRectFilled(ImVec2(10, 10), ImVec2(150, 90), IM_COL32(12, 79, 162, 255));
    list->AddRectFilled(ImVec2(60, 40), ImVec2(200, 120), IM_COL32(200, 30, 30, 128));  // blends over the first
    list->AddRectFilled(ImVec2(170, 20), ImVec2(300, 100), IM_COL32(255, 255, 255, 255), 16);
    list->AddRect(ImVec2(170, 20), ImVec2(300, 100), IM_COL32(180, 190, 205, 255), 16, 0, 3);
    list->AddCircleFilled(ImVec2(60, 150), 30, IM_COL32(20, 130, 60, 255));
    list->AddLine(ImVec2(100, 180), ImVec2(300, 130), IM_COL32(0, 0, 0, 255), 2);
    list->AddText(ImVec2(110, 140), IM_COL32(20, 20, 20, 255), "Thu tuc hanh chinh");
    list->PushClipRect(ImVec2(0, 100), ImVec2(100, 200));
    list->AddRectFilled(ImVec2(0, 95), ImVec2(320, 110), IM_COL32(255, 200, 0, 255));  // clipped to x < 100
    list->PopClipRect();
}

int DifferingPixels(const Canvas& a, const Canvas& b, int tolerance = 0) {
    int differing = 0;
    for (std::size_t index = 0; index < a.pixels.size(); ++index)
        if (std::abs(static_cast<int>(a.pixels[index]) - static_cast<int>(b.pixels[index])) > tolerance) ++differing;
    return differing;
}

}  // namespace

TEST_CASE("renderer: a mixed scene on whole pixels looks as ImGui's backend draws it") {
    Canvas kiosk = DrawOnCanvas(kWidth, kHeight, kBackground, DrawMixedScene, Rasterizer::Kiosk);
    Canvas imgui = DrawOnCanvas(kWidth, kHeight, kBackground, DrawMixedScene, Rasterizer::ImGuiBackend);
    // Blending an opaque colour still rounds, so a filled pixel may differ by one level.
    CHECK(DifferingPixels(kiosk, imgui, 1) == 0);
    // The clip rectangle holds for filled rectangles too.
    CHECK(kiosk.PixelAt(99, 102) == IM_COL32(255, 200, 0, 255));
    CHECK(kiosk.PixelAt(101, 102) != IM_COL32(255, 200, 0, 255));
    // The translucent rectangle blended over the opaque one rather than replacing it.
    ImU32 overlap = kiosk.PixelAt(100, 60);
    CHECK(overlap != IM_COL32(200, 30, 30, 255));
    CHECK(overlap == imgui.PixelAt(100, 60));
}

TEST_CASE("renderer: a rectangle off the pixel grid covers the pixels whose centres it covers") {
    auto draw = [](ImDrawList* list) { list->AddRectFilled(ImVec2(10.3f, 20.7f), ImVec2(40.6f, 30.2f), IM_COL32(0, 0, 0, 255)); };
    Canvas kiosk = DrawOnCanvas(64, 48, kBackground, draw, Rasterizer::Kiosk);
    const ImU32 black = IM_COL32(0, 0, 0, 255);
    // Centres x + 0.5 in [10.3, 40.6): columns 10..40; y + 0.5 in [20.7, 30.2): rows 21..29.
    CHECK(kiosk.PixelAt(10, 21) == black);
    CHECK(kiosk.PixelAt(40, 29) == black);
    CHECK(kiosk.PixelAt(9, 25) == kBackground);
    CHECK(kiosk.PixelAt(41, 25) == kBackground);
    CHECK(kiosk.PixelAt(20, 20) == kBackground);
    CHECK(kiosk.PixelAt(20, 30) == kBackground);
}
