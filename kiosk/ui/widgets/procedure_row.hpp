#pragma once
// One procedure in a list (a field's procedures, search results): the name wrapped in
// full, time and fee at a glance, and a badge when it can be done online.
#include <imgui.h>

#include "kiosk/core/catalog/procedure_summary.hpp"

namespace kiosk::ui {

// Draws the row at the cursor, as wide as the region; true when tapped.
bool ProcedureRow(const catalog::ProcedureSummary& procedure);
// The height ProcedureRow takes at this width.
float ProcedureRowHeight(const catalog::ProcedureSummary& procedure, float width);

}  // namespace kiosk::ui
