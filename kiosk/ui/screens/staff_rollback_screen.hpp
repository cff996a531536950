#pragma once
// "Quay lại phiên bản trước": the content shown now and the one before it, with its date;
// one tap asks to confirm, the second goes back (ContentInstaller, on its worker). The
// citizens' screens show the old version at the next return home.
#include <memory>

#include "kiosk/ui/page_frame.hpp"
#include "kiosk/ui/screens/staff_update_parts.hpp"

namespace kiosk::ui {

struct StaffRollbackScreen {
    bool confirming = false;
    std::shared_ptr<StaffJob> job = std::make_shared<StaffJob>();

    void Draw(const PageArea& area);

private:
    void RollBack();
};

}  // namespace kiosk::ui
