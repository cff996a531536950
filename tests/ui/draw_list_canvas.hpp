#pragma once
// A bare ImGui frame, drawn by a test into the background draw list and rasterized by
// SDL's software renderer into memory, with ImGui's own SDL_Renderer backend or with the
// kiosk's renderer (platform/draw_data_renderer). For tests of drawing primitives.
#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "kiosk/platform/draw_data_renderer.hpp"

namespace kiosk::testing {

enum class Rasterizer { ImGuiBackend, Kiosk };

struct Canvas {
    int width = 0, height = 0;
    std::vector<ImDrawVert> vertices;  // what `draw` added, indices relative to them
    std::vector<ImDrawIdx> indices;
    std::vector<unsigned char> pixels;  // RGBA, row-major

    ImU32 PixelAt(int x, int y) const {
        const unsigned char* pixel = &pixels[static_cast<std::size_t>((y * width + x) * 4)];
        return IM_COL32(pixel[0], pixel[1], pixel[2], 255);
    }
};

inline Canvas DrawOnCanvas(int width, int height, ImU32 background, const std::function<void(ImDrawList*)>& draw,
                           Rasterizer rasterizer = Rasterizer::Kiosk) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer);
    REQUIRE(ImGui_ImplSDLRenderer_Init(renderer));
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
    draw_list->AddRectFilled(ImVec2(0, 0), io.DisplaySize, background);
    int first_vertex = draw_list->VtxBuffer.Size, first_index = draw_list->IdxBuffer.Size;
    draw(draw_list);
    Canvas canvas;
    canvas.width = width;
    canvas.height = height;
    canvas.vertices.assign(draw_list->VtxBuffer.begin() + first_vertex, draw_list->VtxBuffer.end());
    for (int index = first_index; index < draw_list->IdxBuffer.Size; ++index)
        canvas.indices.push_back(static_cast<ImDrawIdx>(draw_list->IdxBuffer[index] - first_vertex));
    ImGui::Render();
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    if (rasterizer == Rasterizer::Kiosk)
        platform::RenderDrawData(renderer, ImGui::GetDrawData());
    else
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderFlush(renderer);
    canvas.pixels.resize(static_cast<std::size_t>(width * height * 4));
    SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, canvas.pixels.data(), width * 4);
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    return canvas;
}

}  // namespace kiosk::testing
