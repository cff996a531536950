#pragma once
// "Cập nhật từ máy chủ": what the commune server offers and when it was last asked,
// "Kiểm tra ngay" and "Cài đặt". The work is ServerContentUpdater's, on its own thread; this
// screen reads its state and audits each install it sees finish.
#include <string>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct StaffServerScreen {
    std::string asked;          // what staff pressed last ("check" / "install"), for the audit
    std::string last_installed; // release name of the install already audited
    // The updater's finished count when staff pressed; -1 once that run's result is audited.
    // Only a run that ended after the press answers it (an older error is not its result).
    int finished_seen = -1;

    void Draw(const PageArea& area);
};

}  // namespace kiosk::ui
