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
    std::string last_error;     // error already audited
    int checks_seen = -1;       // the updater's check count when staff pressed "Kiểm tra ngay"

    void Draw(const PageArea& area);
};

}  // namespace kiosk::ui
