#include "kiosk/ui/screens/field_procedures_screen.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/procedure_list.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

void FieldProceduresScreen::Draw(const PageArea& area, const std::string& field_id) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    bool entering = loaded_field_id != field_id;
    if (entering) {
        loaded_field_id = field_id;
        procedures = catalog->ProceduresInField(field_id);
        list.Forget();
        field_name.clear();
        for (const auto& field : catalog->Fields())
            if (field.id == field_id) field_name = field.name;
    }
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float y = DrawPageTitle(area, field_name) + metrics.Px(4);
    std::string count = i18n::Format(context.T("procedures.count"), {std::to_string(procedures.size())});
    DrawTextAt(draw_list, FontRole::Body, ImVec2(area.min.x, y), context.palette.text_muted, count, area.Width());
    y += MeasureText(FontRole::Body, count, area.Width()).y + metrics.gap;

    ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
    std::string view_id = "field-" + field_id;
    BeginScrollView(view_id.c_str(), ImVec2(area.Width(), area.max.y - y), entering);
    if (const auto* tapped = list.Draw(procedures)) context.navigator.Push({ScreenId::ProcedureDetail, tapped->code});
    EndScrollView();
}

}  // namespace kiosk::ui
