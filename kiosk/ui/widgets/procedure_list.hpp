#pragma once
// A long list of procedure rows inside a scroll view, laid out in full but drawn only
// where the view shows it: a field of 10,000 procedures costs the rows on the glass, not
// 10,000 rows a frame. Row heights are measured once per list, width, text size and
// language, and kept here.
#include <vector>

#include "kiosk/core/catalog/procedure_summary.hpp"
#include "kiosk/core/config.hpp"

namespace kiosk::ui {

struct ProcedureList {
    // Call between BeginScrollView and EndScrollView. Returns the row tapped, or null.
    const catalog::ProcedureSummary* Draw(const std::vector<catalog::ProcedureSummary>& procedures);
    // The list's rows changed: measure again.
    void Forget() { row_tops.clear(); }

    // Measured layout: row_tops[i] is the offset of row i, row_tops.back() the total height.
    std::vector<float> row_tops;
    float measured_width = 0;
    float measured_font_size = 0;
    Language measured_language = Language::Vietnamese;
    int rows_drawn = 0;  // in the last frame (for tests and benches)
};

}  // namespace kiosk::ui
