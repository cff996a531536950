#include "kiosk/ui/widgets/scroll_view.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

namespace kiosk::ui {
namespace {

struct ScrollState {
    float velocity = 0;     // pixels per second, positive scrolls down
    bool dragging = false;
    bool overflowed = false;  // last frame's content was taller than the view
    ImVec2 outer_min, outer_max;
};

std::unordered_map<ImGuiID, ScrollState> states;
ImGuiID current_id = 0;

float IndicatorWidth() { return CurrentContext().metrics.Px(16); }

}  // namespace

void BeginScrollView(const char* id, ImVec2 size, bool scroll_to_top) {
    current_id = ImGui::GetID(id);
    ScrollState& state = states[current_id];
    state.outer_min = ImGui::GetCursorScreenPos();
    state.outer_max = ImVec2(state.outer_min.x + size.x, state.outer_min.y + size.y);
    if (scroll_to_top) {
        state.velocity = 0;
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    }
    // Room for the indicator only when there is something to scroll (known from last frame).
    float reserved = state.overflowed ? IndicatorWidth() + CurrentContext().metrics.Px(12) : 0;
    ImGui::BeginChild(id, ImVec2(size.x - reserved, size.y), false, ImGuiWindowFlags_NoScrollbar);
}

void EndScrollView() {
    Context& context = CurrentContext();
    ScrollState& state = states[current_id];
    const ImGuiIO& io = ImGui::GetIO();
    float threshold = context.metrics.Px(24);
    ImVec2 window_min = ImGui::GetWindowPos();
    ImVec2 window_max(window_min.x + ImGui::GetWindowWidth(), window_min.y + ImGui::GetWindowHeight());
    ImVec2 pressed_at = io.MouseClickedPos[0];
    bool pressed_inside = pressed_at.x >= window_min.x && pressed_at.x < window_max.x && pressed_at.y >= window_min.y &&
                          pressed_at.y < window_max.y;
    float max_scroll = ImGui::GetScrollMaxY();
    float scroll = ImGui::GetScrollY();
    float delta_time = std::max(io.DeltaTime, 1.0f / 240.0f);

    if (io.MouseDown[0] && pressed_inside && io.MouseDragMaxDistanceSqr[0] >= threshold * threshold) {
        state.dragging = true;
        float moved = -io.MouseDelta.y;
        scroll += moved;
        // Smooth the release speed so one jittery frame does not fling the list.
        state.velocity = state.velocity * 0.6f + (moved / delta_time) * 0.4f;
    } else if (state.dragging && !io.MouseDown[0]) {
        state.dragging = false;  // the finger lifted: momentum takes over
    } else if (!state.dragging && std::abs(state.velocity) > 1.0f) {
        scroll += state.velocity * delta_time;
        state.velocity *= std::pow(0.04f, delta_time);  // loses 96 % of its speed per second
        if (std::abs(state.velocity) < context.metrics.Px(30) || scroll <= 0 || scroll >= max_scroll) state.velocity = 0;
        context.animating = true;
    }
    if (state.dragging && io.MouseDown[0]) context.animating = true;
    scroll = std::clamp(scroll, 0.0f, max_scroll);
    if (scroll != ImGui::GetScrollY()) ImGui::SetScrollY(scroll);

    float content_height = ImGui::GetWindowHeight() + max_scroll;
    ImGui::EndChild();
    if (state.overflowed != (max_scroll > 0.5f)) context.animating = true;  // lay out again with/without the indicator
    state.overflowed = max_scroll > 0.5f;

    // The wide indicator: where the reader is in the text, and that there is more below.
    if (max_scroll > 0.5f) {
        ImDrawList* draw_list = ImGui::GetWindowDrawList();
        float width = IndicatorWidth();
        ImVec2 track_min(state.outer_max.x - width, state.outer_min.y);
        ImVec2 track_max(state.outer_max.x, state.outer_max.y);
        float track_height = track_max.y - track_min.y;
        float thumb_height = std::max(context.metrics.Px(80), track_height * track_height / content_height);
        float thumb_top = track_min.y + (track_height - thumb_height) * (scroll / max_scroll);
        FillRoundedRect(draw_list, track_min, track_max, context.palette.surface_pressed, width * 0.5f);
        FillRoundedRect(draw_list, ImVec2(track_min.x, thumb_top), ImVec2(track_max.x, thumb_top + thumb_height),
                        context.palette.accent, width * 0.5f);
    }
}

}  // namespace kiosk::ui
