#pragma once
// A field's procedures: big rows with the name in full, time and fee at a glance, and a
// badge for those that can be done online.
#include <string>
#include <vector>

#include "kiosk/core/catalog/procedure_summary.hpp"
#include "kiosk/ui/page_frame.hpp"
#include "kiosk/ui/widgets/procedure_list.hpp"

namespace kiosk::ui {

struct FieldProceduresScreen {
    void Draw(const PageArea& area, const std::string& field_id);

    // The list of the field last shown: read from the catalog once per field, not per frame.
    std::string loaded_field_id;
    std::string field_name;
    std::vector<catalog::ProcedureSummary> procedures;
    ProcedureList list;  // draws only the rows in view
};

}  // namespace kiosk::ui
