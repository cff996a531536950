#pragma once
// One procedure, in the order a citizen asks: how long, how much, where, can I do it
// online (a summary card first), then the papers to bring as a checklist, the steps,
// requirements, result and legal basis, and a QR code to carry it away on a phone.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/procedure.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct ProcedureDetailScreen {
    void Draw(const PageArea& area, const std::string& code);

    // The procedure last opened, parsed once when the screen opens it.
    std::string loaded_code;
    std::optional<content::Procedure> procedure;
    std::string qr_url;
    std::vector<bool> documents_checked;  // the citizen's ticks on the checklist
};

}  // namespace kiosk::ui
