#include "kiosk/ui/screens/fields_screen.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

void DrawContentUnavailable(const PageArea& area) {
    Context& context = CurrentContext();
    ImGui::SetCursorScreenPos(area.min);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(area.Width());
    Heading(context.T("content.missing.title"));
    Paragraph(FontRole::Body, context.palette.text, context.T("content.missing.body"));
    ImGui::PopItemWidth();
    ImGui::EndGroup();
}

void FieldsScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    const Metrics& metrics = context.metrics;

    float top = DrawPageTitle(area, context.T("fields.title")) + metrics.gap;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    if (Button(context.T("fields.search_button"), ImVec2(area.Width(), metrics.button_height), ButtonKind::Secondary,
               Icon::Search))
        context.navigator.Push({ScreenId::Search, {}});
    top += metrics.button_height + metrics.gap;

    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("fields", ImVec2(area.Width(), area.max.y - top));
    auto fields = catalog->Fields();
    int columns = context.Landscape() ? 2 : 1;
    float width = (ImGui::GetContentRegionAvail().x - metrics.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float height = metrics.Px(150) * (1.0f + (metrics.text_scale - 1.0f) * 0.8f);
    for (size_t index = 0; index < fields.size(); ++index) {
        const auto& field = fields[index];
        if (index % static_cast<size_t>(columns) != 0) ImGui::SameLine(0, metrics.gap);
        std::string count = i18n::Format(context.T("fields.count"), {std::to_string(field.procedure_count)});
        if (Tile(field.name, count, Icon::Document, ImVec2(width, height)))
            context.navigator.Push({ScreenId::FieldProcedures, field.id});
    }
    EndScrollView();
}

}  // namespace kiosk::ui
