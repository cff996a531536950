#include "kiosk/ui/widgets/procedure_row.hpp"

#include <string>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

const char* BadgeKey(content::OnlineLevel level) {
    switch (level) {
        case content::OnlineLevel::FullyOnline: return "procedure.badge.full";
        case content::OnlineLevel::Partly: return "procedure.badge.partly";
        default: return nullptr;
    }
}

}  // namespace

namespace {

// What a row shows and how tall it is at a width: one measure for drawing and for lists
// that lay out only the rows in view.
struct RowLayout {
    std::string glance, badge;
    ImVec2 name_size, glance_size;
    float padding = 0, badge_height = 0, height = 0;

    RowLayout(const catalog::ProcedureSummary& procedure, float width) {
        Context& context = CurrentContext();
        const Metrics& metrics = context.metrics;
        padding = metrics.Px(24);
        float inner = width - 2 * padding;
        glance = std::string(context.T("procedure.time")) + ": " + procedure.glance_time + "   ·   " +
                 std::string(context.T("procedure.fee")) + ": " + procedure.glance_fee;
        const char* badge_key = BadgeKey(procedure.online_level);
        if (badge_key) badge = std::string(context.T(badge_key));
        name_size = MeasureText(FontRole::Bold, procedure.name, inner);
        glance_size = MeasureText(FontRole::Body, glance, inner);
        badge_height = badge.empty() ? 0 : MeasureText(FontRole::Small, badge).y + metrics.Px(12);
        height = std::max(metrics.touch_minimum, padding * 2 + name_size.y + metrics.Px(6) + glance_size.y +
                                                     (badge.empty() ? 0 : badge_height + metrics.Px(10)));
    }
};

}  // namespace

float ProcedureRowHeight(const catalog::ProcedureSummary& procedure, float width) {
    return RowLayout(procedure, width).height;
}

bool ProcedureRow(const catalog::ProcedureSummary& procedure) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const Palette& palette = context.palette;
    float width = ImGui::GetContentRegionAvail().x;
    RowLayout row(procedure, width);
    float padding = row.padding;
    float inner = width - 2 * padding;
    const std::string& glance = row.glance;
    const std::string& badge = row.badge;
    ImVec2 name_size = row.name_size, glance_size = row.glance_size;
    float badge_height = row.badge_height, height = row.height;

    ImVec2 min = ImGui::GetCursorScreenPos();
    std::string id = "##procedure-" + procedure.code;
    bool released_inside = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    bool pressed = ImGui::IsItemActive() &&
                   ImGui::GetIO().MouseDragMaxDistanceSqr[0] < metrics.Px(24) * metrics.Px(24);
    ImVec2 max(min.x + width, min.y + height);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    FillRoundedRect(draw_list, min, max, pressed ? palette.surface_pressed : palette.surface, metrics.rounding);
    draw_list->AddRect(min, max, palette.border, metrics.rounding, 0, palette.border_width * metrics.scale * 1.5f);

    float y = min.y + padding;
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(min.x + padding, y), palette.text, procedure.name, inner);
    y += name_size.y + metrics.Px(6);
    DrawTextAt(draw_list, FontRole::Body, ImVec2(min.x + padding, y), palette.text_muted, glance, inner);
    y += glance_size.y + metrics.Px(10);
    if (!badge.empty()) {
        ImVec2 badge_size = MeasureText(FontRole::Small, badge);
        ImVec2 badge_min(min.x + padding, y);
        ImVec2 badge_max(badge_min.x + badge_size.x + metrics.Px(28), badge_min.y + badge_height);
        FillRoundedRect(draw_list, badge_min, badge_max, palette.accent_soft, badge_height * 0.5f);
        DrawTextAt(draw_list, FontRole::Small, ImVec2(badge_min.x + metrics.Px(14), badge_min.y + metrics.Px(6)),
                   palette.accent, badge);
    }
    RecordTappable(procedure.name, min, max);
    return TappedWithoutDrag(released_inside);
}

}  // namespace kiosk::ui
