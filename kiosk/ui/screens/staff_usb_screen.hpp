#pragma once
// "Cập nhật từ USB": the sticks the kiosk sees and the bundles on each; the chosen bundle's
// preview (checked whole, nothing switched); "Cài đặt" installs it with a progress bar. A
// refused bundle shows ContentStore's sentence in Vietnamese and the kiosk keeps its content.
// Looking for sticks runs on a UsbWatcher's worker (every 2 s, while this screen exists);
// copying, checking and installing on ContentInstaller's: the frame never waits for a stick.
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/core/bundle/content_preview.hpp"
#include "kiosk/core/usb/usb_sticks.hpp"
#include "kiosk/core/usb/usb_watcher.hpp"
#include "kiosk/ui/page_frame.hpp"
#include "kiosk/ui/screens/staff_update_parts.hpp"

namespace kiosk::ui {

struct StaffUsbScreen {
    // What the watcher found last; null until its first scan arrives. Shared with the
    // watcher's posted callbacks, which may run after this screen was reset.
    std::shared_ptr<std::optional<std::vector<usb::UsbStick>>> sticks =
        std::make_shared<std::optional<std::vector<usb::UsbStick>>>();
    std::unique_ptr<usb::UsbWatcher> watcher;  // made at the first frame, stopped with the screen
    std::optional<usb::StickBundle> chosen;    // the bundle staff tapped
    std::shared_ptr<std::optional<bundle::ContentPreview>> preview = std::make_shared<std::optional<bundle::ContentPreview>>();
    std::shared_ptr<StaffJob> job = std::make_shared<StaffJob>();  // the preview's check, then the install
    bool installing = false;                   // the job is the install (not the preview)

    void Draw(const PageArea& area);

private:
    void Choose(const usb::StickBundle& bundle);
    void Install();
    void DrawSticks();
    void DrawChosen();
};

}  // namespace kiosk::ui
