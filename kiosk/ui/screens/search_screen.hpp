#pragma once
// Search: what the citizen typed, the results updating with every key, and the on-screen
// keyboard. Typing without diacritics is enough. No result: say so kindly and offer the
// hotline.
#include <string>
#include <vector>

#include "kiosk/core/catalog/procedure_summary.hpp"
#include "kiosk/ui/page_frame.hpp"
#include "kiosk/ui/widgets/onscreen_keyboard.hpp"

namespace kiosk::ui {

struct SearchScreen {
    void Draw(const PageArea& area);

    std::string query;
    std::string searched_query;  // the query the results below belong to
    std::vector<catalog::ProcedureSummary> results;
    OnscreenKeyboard keyboard;
    bool results_changed = false;  // scroll the results back to the top
};

}  // namespace kiosk::ui
