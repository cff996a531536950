#pragma once
// Home: a greeting, shortcuts to the procedures the commune pinned (overrides.json), and
// one big tile per section of the kiosk.
#include <string>
#include <vector>

#include "kiosk/core/catalog/procedure_summary.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct HomeScreen {
    void Draw(const PageArea& area);

    std::string loaded_content_key;  // the catalog the shortcuts were read from
    std::vector<catalog::ProcedureSummary> shortcuts;
};

}  // namespace kiosk::ui
