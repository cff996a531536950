// FillRoundedRect against ImGui's own rounded rectangle, drawn by SDL's software renderer:
// the same shape, no seam between its pieces, and no triangle that makes the rasterizer
// walk the whole rectangle.
#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "kiosk/ui/widgets/shapes.hpp"

namespace {

constexpr int kWidth = 400, kHeight = 240;
constexpr ImU32 kBackground = IM_COL32(238, 241, 248, 255);
constexpr ImU32 kFill = IM_COL32(12, 79, 162, 255);

// One ImGui frame drawn by `draw` into a fresh context, and its vertices and indices.
struct Drawn {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<unsigned char> pixels;  // RGBA, rasterized by SDL's software renderer
};

Drawn Draw(const std::function<void(ImDrawList*)>& draw) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kWidth, kHeight);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer);
    REQUIRE(ImGui_ImplSDLRenderer_Init(renderer));
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
    std::size_t first_vertex = 0, first_index = 0;
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(kWidth, kHeight), kBackground);
    first_vertex = static_cast<std::size_t>(draw_list->VtxBuffer.Size);
    first_index = static_cast<std::size_t>(draw_list->IdxBuffer.Size);
    draw(draw_list);
    Drawn drawn;
    drawn.vertices.assign(draw_list->VtxBuffer.begin() + first_vertex, draw_list->VtxBuffer.end());
    for (int index = static_cast<int>(first_index); index < draw_list->IdxBuffer.Size; ++index)
        drawn.indices.push_back(static_cast<ImDrawIdx>(draw_list->IdxBuffer[index] - first_vertex));
    ImGui::Render();
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(renderer);
    drawn.pixels.resize(static_cast<std::size_t>(kWidth * kHeight * 4));
    SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, drawn.pixels.data(), kWidth * 4);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return drawn;
}

ImU32 PixelAt(const Drawn& drawn, int x, int y) {
    const unsigned char* pixel = &drawn.pixels[static_cast<std::size_t>((y * kWidth + x) * 4)];
    return IM_COL32(pixel[0], pixel[1], pixel[2], 255);
}

// Distance from (x, y) outside the rounded rectangle's outline (negative inside).
float SignedDistance(float x, float y, ImVec2 min, ImVec2 max, float radius) {
    float cx = std::clamp(x, min.x + radius, max.x - radius);
    float cy = std::clamp(y, min.y + radius, max.y - radius);
    return std::hypot(x - cx, y - cy) - radius;
}

}  // namespace

TEST_CASE("shapes: a rounded rectangle is filled without seams and matches ImGui's shape") {
    // Edges a fraction of a pixel off the grid, where pieces that met unsnapped left a
    // hairline gap; the helper snaps them to whole pixels, as the reference does here.
    const ImVec2 min(20.3f, 30.6f), max(380.4f, 210.2f);
    const ImVec2 snapped_min(20, 31), snapped_max(380, 210);
    const float rounding = 24;
    Drawn ours = Draw([&](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, min, max, kFill, rounding); });
    Drawn imgui = Draw([&](ImDrawList* list) { list->AddRectFilled(snapped_min, snapped_max, kFill, rounding); });

    int interior_wrong = 0, exterior_wrong = 0, differ_from_imgui = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            float distance = SignedDistance(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f, snapped_min,
                                            snapped_max, rounding);
            ImU32 pixel = PixelAt(ours, x, y);
            // A pixel and a half inside the outline is solid fill: a seam would show here.
            if (distance < -1.5f && pixel != kFill) ++interior_wrong;
            if (distance > 1.5f && pixel != kBackground) ++exterior_wrong;
            if (std::abs(distance) > 1.5f && pixel != PixelAt(imgui, x, y)) ++differ_from_imgui;
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
    Drawn ours = Draw([&](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, min, max, kFill, rounding); });
    Drawn imgui = Draw([&](ImDrawList* list) { list->AddRectFilled(min, max, kFill, rounding); });

    // Area of the boxes of every triangle that is not half of an axis-aligned rectangle
    // (SDL draws those as rectangle copies).
    auto walked_area = [](const Drawn& drawn) {
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
    };
    double rectangle = 1000.0 * 230.0;
    MESSAGE("walked: ours ", walked_area(ours) / rectangle, " rectangles, ImGui's ", walked_area(imgui) / rectangle);
    CHECK(walked_area(ours) < 0.05 * rectangle);
    CHECK(walked_area(imgui) > 5 * rectangle);  // what the helper exists to avoid
}

TEST_CASE("shapes: a translucent or unrounded fill is left to ImGui") {
    Drawn translucent = Draw([](ImDrawList* list) {
        kiosk::ui::FillRoundedRect(list, ImVec2(10, 10), ImVec2(200, 100), IM_COL32(0, 0, 0, 150), 12);
    });
    Drawn imgui = Draw([](ImDrawList* list) { list->AddRectFilled(ImVec2(10, 10), ImVec2(200, 100), IM_COL32(0, 0, 0, 150), 12); });
    CHECK(translucent.pixels == imgui.pixels);
    Drawn square = Draw([](ImDrawList* list) { kiosk::ui::FillRoundedRect(list, ImVec2(10, 10), ImVec2(200, 100), kFill, 0); });
    CHECK(square.indices.size() == 6);
}
