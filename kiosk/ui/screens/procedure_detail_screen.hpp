#pragma once
// One procedure as its ProcedurePage says (kiosk/core/page): the summary card, the papers
// as a checklist, notes, the QR code, then the portal's full text and legal information.
// The page chooses every word; this screen only lays it out (the QR beside the text in
// landscape) and keeps the citizen's ticks.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/page/procedure_page.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct ProcedureDetailScreen {
    void Draw(const PageArea& area, const std::string& code);

    // The page last opened, built once when the screen opens it (again when the language changes).
    std::string loaded_code;
    Language loaded_language = Language::Vietnamese;
    std::optional<page::ProcedurePage> page;
    std::vector<bool> papers_checked;  // the citizen's ticks, one per paper in page order
};

}  // namespace kiosk::ui
