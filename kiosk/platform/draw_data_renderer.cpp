#include "kiosk/platform/draw_data_renderer.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::platform {
namespace {

// ImGui's PrimRect: corners a, (c.x, a.y), c, (a.x, c.y) as the triangles 0 1 2 and 0 2 3,
// or the same turned a quarter or a half (RotatedCanvas),
// every corner of one colour and on the atlas's white pixel. True (with the rectangle in
// whole pixels and its colour) when the six indices at `index` are such a rectangle, opaque.
bool IsOpaqueSolidRect(const ImDrawVert* vertices, const ImDrawIdx* index, ImVec2 white, SDL_Rect& rect, ImU32& color) {
    ImDrawIdx first = index[0];
    if (index[1] != first + 1 || index[2] != first + 2 || index[3] != first || index[4] != first + 2 ||
        index[5] != first + 3)
        return false;
    const ImDrawVert* corner = vertices + first;
    color = corner[0].col;
    if ((color >> IM_COL32_A_SHIFT & 0xFF) != 0xFF) return false;
    for (int k = 0; k < 4; ++k)
        if (corner[k].col != color || corner[k].uv.x != white.x || corner[k].uv.y != white.y) return false;
    // Corners 0 and 2 face each other, and so do 1 and 3, in either turn (a rectangle the
    // rotated canvas turned a quarter starts at another corner).
    ImVec2 p0 = corner[0].pos, p1 = corner[1].pos, p2 = corner[2].pos, p3 = corner[3].pos;
    bool upright = p1.x == p2.x && p1.y == p0.y && p3.x == p0.x && p3.y == p2.y;
    bool turned = p1.x == p0.x && p1.y == p2.y && p3.x == p2.x && p3.y == p0.y;
    if (!upright && !turned) return false;
    ImVec2 a(std::min(p0.x, p2.x), std::min(p0.y, p2.y)), c(std::max(p0.x, p2.x), std::max(p0.y, p2.y));
    // The pixels whose centres the two triangles cover.
    int left = static_cast<int>(std::lround(a.x)), top = static_cast<int>(std::lround(a.y));
    int right = static_cast<int>(std::lround(c.x)), bottom = static_cast<int>(std::lround(c.y));
    rect = {left, top, right - left, bottom - top};
    return true;
}

}  // namespace

void RenderDrawData(SDL_Renderer* renderer, const ImDrawData* draw_data) {
    int width = static_cast<int>(draw_data->DisplaySize.x * draw_data->FramebufferScale.x);
    int height = static_cast<int>(draw_data->DisplaySize.y * draw_data->FramebufferScale.y);
    if (width <= 0 || height <= 0) return;
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const ImVec2 offset = draw_data->DisplayPos, scale = draw_data->FramebufferScale;
    SDL_BlendMode previous_blend = SDL_BLENDMODE_NONE;
    SDL_GetRenderDrawBlendMode(renderer, &previous_blend);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_RenderSetViewport(renderer, nullptr);

    for (int list_index = 0; list_index < draw_data->CmdListsCount; ++list_index) {
        const ImDrawList* list = draw_data->CmdLists[list_index];
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback) {
                if (command.UserCallback != ImDrawCallback_ResetRenderState) command.UserCallback(list, &command);
                continue;
            }
            float clip_left = std::max(0.0f, (command.ClipRect.x - offset.x) * scale.x);
            float clip_top = std::max(0.0f, (command.ClipRect.y - offset.y) * scale.y);
            float clip_right = std::min(static_cast<float>(width), (command.ClipRect.z - offset.x) * scale.x);
            float clip_bottom = std::min(static_cast<float>(height), (command.ClipRect.w - offset.y) * scale.y);
            if (clip_right <= clip_left || clip_bottom <= clip_top) continue;
            SDL_Rect clip = {static_cast<int>(clip_left), static_cast<int>(clip_top), static_cast<int>(clip_right - clip_left),
                             static_cast<int>(clip_bottom - clip_top)};
            SDL_RenderSetClipRect(renderer, &clip);

            const ImDrawVert* vertices = list->VtxBuffer.Data + command.VtxOffset;
            const ImDrawIdx* indices = list->IdxBuffer.Data + command.IdxOffset;
            int vertex_count = list->VtxBuffer.Size - static_cast<int>(command.VtxOffset);
            auto* texture = static_cast<SDL_Texture*>(command.GetTexID());
            // Triangles go to SDL in runs; each opaque rectangle between them is a plain fill.
            auto draw_triangles = [&](unsigned from, unsigned to) {
                if (to <= from) return;
                SDL_RenderGeometryRaw(renderer, texture, &vertices->pos.x, sizeof(ImDrawVert),
                                      reinterpret_cast<const SDL_Color*>(&vertices->col), sizeof(ImDrawVert), &vertices->uv.x,
                                      sizeof(ImDrawVert), vertex_count, indices + from, static_cast<int>(to - from),
                                      sizeof(ImDrawIdx));
            };
            unsigned run_start = 0, index = 0;
            while (index + 3 <= command.ElemCount) {
                SDL_Rect rect;
                ImU32 color;
                if (index + 6 <= command.ElemCount && IsOpaqueSolidRect(vertices, indices + index, white, rect, color)) {
                    draw_triangles(run_start, index);
                    if (rect.w > 0 && rect.h > 0) {
                        SDL_SetRenderDrawColor(renderer, color >> IM_COL32_R_SHIFT & 0xFF, color >> IM_COL32_G_SHIFT & 0xFF,
                                               color >> IM_COL32_B_SHIFT & 0xFF, 0xFF);
                        SDL_RenderFillRect(renderer, &rect);
                    }
                    index += 6;
                    run_start = index;
                } else {
                    index += 3;
                }
            }
            draw_triangles(run_start, command.ElemCount);
        }
    }
    SDL_RenderSetClipRect(renderer, nullptr);
    SDL_SetRenderDrawBlendMode(renderer, previous_blend);
}

}  // namespace kiosk::platform
