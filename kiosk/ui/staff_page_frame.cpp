#include "kiosk/ui/staff_page_frame.hpp"

#include <algorithm>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

float DrawStaffTopBar(Context& context, const std::string& commune_name) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float bezel = metrics.Px(40);
    float left = metrics.margin;
    float width = context.display_size.x - 2 * metrics.margin;
    std::string subtitle = commune_name + "  ·  " + FormatClock(context.wall_time, Language::Vietnamese);
    ImVec2 banner_size = MeasureText(FontRole::Heading, context.S("staff.banner"), width);
    ImVec2 subtitle_size = MeasureText(FontRole::Small, subtitle, width);
    float bar_height = std::max(metrics.top_bar_height, banner_size.y + subtitle_size.y + metrics.Px(16));
    float bottom = bezel + bar_height;
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(context.display_size.x, bottom), context.palette.accent);
    RecordBar(ImVec2(0, 0), ImVec2(context.display_size.x, bottom));
    float top = bezel + (bar_height - banner_size.y - subtitle_size.y) * 0.5f;
    DrawTextAt(draw_list, FontRole::Heading, ImVec2(left, top), context.palette.on_accent, context.S("staff.banner"), width);
    DrawTextAt(draw_list, FontRole::Small, ImVec2(left, top + banner_size.y), context.palette.on_accent, subtitle, width);
    return bottom;
}

void DrawStaffBottomBar(Context& context) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float bezel = metrics.Px(40);
    float top = context.display_size.y - metrics.bottom_bar_height;
    draw_list->AddRectFilled(ImVec2(0, top), context.display_size, context.palette.surface);
    RecordBar(ImVec2(0, top), context.display_size);
    draw_list->AddLine(ImVec2(0, top), ImVec2(context.display_size.x, top), context.palette.border, metrics.Px(2));
    float button_height = metrics.bottom_bar_height - bezel - metrics.Px(24);
    float button_top = top + metrics.Px(16);
    float width = (context.display_size.x - 2 * metrics.margin - metrics.gap) / 2.0f;
    // Back stays among the staff screens: the screen below the first one is the citizens'.
    const auto& stack = context.navigator.Stack();
    bool staff_below = stack.size() >= 2 && IsStaffScreen(stack[stack.size() - 2].screen);
    if (staff_below) {
        ImGui::SetCursorScreenPos(ImVec2(metrics.margin, button_top));
        if (Button(context.S("staff.back"), ImVec2(width, button_height), ButtonKind::Secondary, Icon::Back, "staff-back"))
            context.navigator.Back();
    }
    ImGui::SetCursorScreenPos(ImVec2(metrics.margin + width + metrics.gap, button_top));
    if (Button(context.S("staff.leave"), ImVec2(width, button_height), ButtonKind::Primary, Icon::Home, "staff-leave"))
        CloseStaffMode();
}

}  // namespace

PageArea DrawStaffPageFrame(const std::string& commune_name) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    float top_bar_bottom = DrawStaffTopBar(context, commune_name);
    DrawStaffBottomBar(context);
    // A band of the staff colour round the glass: the mode shows even at a glance.
    float band = metrics.Px(10);
    ImGui::GetWindowDrawList()->AddRect(ImVec2(band * 0.5f, band * 0.5f),
                                        ImVec2(context.display_size.x - band * 0.5f, context.display_size.y - band * 0.5f),
                                        context.palette.accent, 0, 0, band);
    PageArea area;
    area.min = ImVec2(metrics.margin, top_bar_bottom + metrics.margin * 0.75f);
    area.max = ImVec2(context.display_size.x - metrics.margin,
                      context.display_size.y - metrics.bottom_bar_height - metrics.margin * 0.5f);
    return area;
}

}  // namespace kiosk::ui
