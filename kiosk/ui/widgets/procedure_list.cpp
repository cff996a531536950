#include "kiosk/ui/widgets/procedure_list.hpp"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/procedure_row.hpp"

namespace kiosk::ui {

const catalog::ProcedureSummary* ProcedureList::Draw(const std::vector<catalog::ProcedureSummary>& procedures) {
    Context& context = CurrentContext();
    float width = ImGui::GetContentRegionAvail().x;
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    float font_size = ImGui::GetFontSize();
    if (row_tops.size() != procedures.size() + 1 || measured_width != width || measured_font_size != font_size ||
        measured_language != context.session.language) {
        row_tops.assign(1, 0.0f);
        row_tops.reserve(procedures.size() + 1);
        for (const auto& procedure : procedures) row_tops.push_back(row_tops.back() + ProcedureRowHeight(procedure, width) + spacing);
        measured_width = width;
        measured_font_size = font_size;
        measured_language = context.session.language;
    }
    rows_drawn = 0;
    if (procedures.empty()) return nullptr;

    // The rows that meet the view, plus one either side so a drag never shows a gap.
    float origin = ImGui::GetCursorPosY();
    float view_top = ImGui::GetScrollY() - origin;
    float view_bottom = view_top + ImGui::GetWindowHeight();
    size_t first = static_cast<size_t>(std::upper_bound(row_tops.begin(), row_tops.end(), view_top) - row_tops.begin());
    first = first > 1 ? first - 2 : 0;
    size_t last = static_cast<size_t>(std::lower_bound(row_tops.begin(), row_tops.end(), view_bottom) - row_tops.begin());
    last = std::min(procedures.size(), last + 1);

    const catalog::ProcedureSummary* tapped = nullptr;
    if (first > 0) ImGui::Dummy(ImVec2(width, row_tops[first] - spacing));
    for (size_t index = first; index < last; ++index) {
        if (ProcedureRow(procedures[index])) tapped = &procedures[index];
        ++rows_drawn;
    }
    // The rest keeps its room, so the scroll range and the indicator stay true.
    if (last < procedures.size()) ImGui::Dummy(ImVec2(width, row_tops.back() - row_tops[last] - spacing));
    return tapped;
}

}  // namespace kiosk::ui
