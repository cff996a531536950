#include "kiosk/ui/screens/search_screen.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/procedure_row.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

constexpr size_t kResultLimit = 30;

// The box showing what was typed, with a caret; the hint when nothing is typed yet.
float DrawQueryBox(Context& context, ImVec2 min, float width, const std::string& query) {
    const Metrics& metrics = context.metrics;
    float padding = metrics.Px(24);
    std::string_view shown = query.empty() ? context.T("search.prompt") : std::string_view(query);
    FontRole role = query.empty() ? FontRole::Body : FontRole::Tile;
    ImVec2 text_size = MeasureText(role, shown, width - 2 * padding - metrics.Px(60));
    float height = std::max(metrics.button_height, text_size.y + 2 * padding);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 max(min.x + width, min.y + height);
    FillRoundedRect(draw_list, min, max, context.palette.surface, metrics.rounding);
    draw_list->AddRect(min, max, context.palette.accent, metrics.rounding, 0, metrics.Px(4));
    float icon = metrics.Px(44);
    DrawIcon(draw_list, Icon::Search, ImVec2(min.x + padding + icon * 0.5f, (min.y + max.y) * 0.5f), icon, context.palette.accent);
    ImVec2 text_position(min.x + padding + icon + metrics.Px(16), min.y + (height - text_size.y) * 0.5f);
    DrawTextAt(draw_list, role, text_position, query.empty() ? context.palette.text_muted : context.palette.text, shown,
               width - 2 * padding - metrics.Px(60));
    if (!query.empty()) {
        // A steady caret (a blinking one would wake the CPU twice a second).
        ImVec2 end = MeasureText(role, query, width - 2 * padding - metrics.Px(60));
        float caret_x = text_position.x + (text_size.y > context.fonts->PixelSize(role) * 1.5f ? 0 : end.x) + metrics.Px(4);
        if (text_size.y <= context.fonts->PixelSize(role) * 1.5f)
            draw_list->AddLine(ImVec2(caret_x, text_position.y), ImVec2(caret_x, text_position.y + text_size.y),
                               context.palette.accent, metrics.Px(4));
    }
    return height;
}

}  // namespace

void SearchScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    const Metrics& metrics = context.metrics;

    if (query != searched_query) {
        searched_query = query;
        results.clear();
        for (const auto& hit : catalog->Search(query, kResultLimit))
            if (auto summary = catalog->FindSummary(hit.code)) results.push_back(*summary);
        results_changed = true;
    }

    // Portrait: the box, the results, the keyboard at the bottom within reach.
    // Landscape: results on the left, the box and keyboard on the right.
    bool landscape = context.Landscape();
    float keyboard_width = landscape ? area.Width() * 0.5f - metrics.gap * 0.5f : area.Width();
    ImVec2 keyboard_origin;
    ImVec2 results_min, results_max;
    if (landscape) {
        float left_width = area.Width() - keyboard_width - metrics.gap;
        ImVec2 box_min(area.min.x + left_width + metrics.gap, area.min.y);
        float box_height = DrawQueryBox(context, box_min, keyboard_width, query);
        float keyboard_top = box_min.y + box_height + metrics.gap;
        keyboard.FitInto(area.max.y - keyboard_top);
        keyboard_origin = ImVec2(box_min.x, std::max(keyboard_top, area.max.y - keyboard.Height()));
        results_min = area.min;
        results_max = ImVec2(area.min.x + left_width, area.max.y);
    } else {
        float box_height = DrawQueryBox(context, area.min, area.Width(), query);
        // The keyboard takes what the box and two result rows leave, at most its comfortable size.
        keyboard.FitInto(area.Height() - box_height - 2 * metrics.gap - 2 * metrics.touch_minimum);
        keyboard_origin = ImVec2(area.min.x, area.max.y - keyboard.Height());
        results_min = ImVec2(area.min.x, area.min.y + box_height + metrics.gap);
        results_max = ImVec2(area.max.x, keyboard_origin.y - metrics.gap);
    }

    ImGui::SetCursorScreenPos(results_min);
    BeginScrollView("search-results", ImVec2(results_max.x - results_min.x, results_max.y - results_min.y), results_changed);
    results_changed = false;
    if (query.empty()) {
        Paragraph(FontRole::Body, context.palette.text_muted, context.T("search.hint_start"));
    } else if (results.empty()) {
        Paragraph(FontRole::Heading, context.palette.text, context.T("search.none.title"));
        Paragraph(FontRole::Body, context.palette.text, context.T("search.none.body"));
        if (Button(context.T("frame.hotline"), ImVec2(ImGui::GetContentRegionAvail().x, metrics.button_height),
                   ButtonKind::Primary, Icon::Phone, "search-hotline"))
            context.navigator.Push({ScreenId::Hotline, {}});
    } else {
        Paragraph(FontRole::Small, context.palette.text_muted,
                  i18n::Format(context.T("search.results"), {std::to_string(results.size())}));
        for (const auto& result : results)
            if (ProcedureRow(result)) context.navigator.Push({ScreenId::ProcedureDetail, result.code});
    }
    EndScrollView();

    ImGui::SetCursorScreenPos(keyboard_origin);
    ImGui::BeginGroup();
    keyboard.Draw(query, keyboard_width);
    ImGui::EndGroup();
}

}  // namespace kiosk::ui
