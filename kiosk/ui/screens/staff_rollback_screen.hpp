#pragma once
// "Quay lại phiên bản trước": the content shown now and the one before it, with its date;
// one tap asks to confirm, the second goes back (ContentInstaller, on its worker). The
// citizens' screens show the old version at the next return home.
#include <memory>
#include <optional>

#include "kiosk/core/bundle/content_status.hpp"

#include "kiosk/ui/page_frame.hpp"
#include "kiosk/ui/screens/staff_update_parts.hpp"

namespace kiosk::ui {

struct StaffRollbackScreen {
    bool confirming = false;
    std::shared_ptr<StaffJob> job = std::make_shared<StaffJob>();
    // The store as last read: at the first frame and whenever the job's phase changes, not
    // every frame (it is files on disk).
    std::optional<bundle::ContentStatus> status;
    StaffJob::Phase status_read_at_phase = StaffJob::Phase::None;

    void Draw(const PageArea& area);

private:
    void RollBack();
    void DrawVersions();  // the version shown and the one before it
    void DrawAction();    // the button, the question and its two answers, the job

};

}  // namespace kiosk::ui
