#include "kiosk/platform/rotated_canvas.hpp"

#include <algorithm>

#include "kiosk/platform/draw_data_renderer.hpp"

namespace kiosk::platform {

RotatedCanvas::~RotatedCanvas() {
    for (ImDrawList* list : turned_) IM_DELETE(list);
}

void RotatedCanvas::Draw(SDL_Renderer* renderer, const ImDrawData* draw_data, ScreenSize output) {
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    if (rotation_ == Rotation::None) {
        RenderDrawData(renderer, draw_data);
        return;
    }
    const ScreenSize logical = Logical(output);
    auto turn = [&](ImVec2 point) {
        ScreenPoint turned = ToOutput({point.x - draw_data->DisplayPos.x, point.y - draw_data->DisplayPos.y}, logical, rotation_);
        return ImVec2(turned.x, turned.y);
    };
    while (static_cast<int>(turned_.size()) < draw_data->CmdListsCount)
        turned_.push_back(IM_NEW(ImDrawList)(draw_data->CmdLists[0]->_Data));
    for (int index = 0; index < draw_data->CmdListsCount; ++index) {
        const ImDrawList* list = draw_data->CmdLists[index];
        ImDrawList* copy = turned_[static_cast<size_t>(index)];
        copy->CmdBuffer = list->CmdBuffer;
        copy->IdxBuffer = list->IdxBuffer;
        copy->VtxBuffer = list->VtxBuffer;
        copy->Flags = list->Flags;
        for (ImDrawVert& vertex : copy->VtxBuffer) vertex.pos = turn(vertex.pos);
        for (ImDrawCmd& command : copy->CmdBuffer) {
            ImVec2 a = turn(ImVec2(command.ClipRect.x, command.ClipRect.y));
            ImVec2 b = turn(ImVec2(command.ClipRect.z, command.ClipRect.w));
            command.ClipRect = ImVec4(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y));
        }
    }
    ImDrawData turned_data = *draw_data;
    turned_data.CmdLists = turned_.data();
    turned_data.DisplayPos = ImVec2(0, 0);
    turned_data.DisplaySize = ImVec2(static_cast<float>(output.width), static_cast<float>(output.height));
    RenderDrawData(renderer, &turned_data);
}

}  // namespace kiosk::platform
