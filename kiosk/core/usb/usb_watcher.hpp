#pragma once
// UsbWatcher: a worker thread that looks at the mount roots every couple of seconds
// (ScanUsbSticks) and, whenever the sticks or the bundles on them change — a stick plugged
// in or pulled out, a bundle copied onto one — posts the new list to the run queue, so the
// listener runs on the UI thread (the staff screen's "Cập nhật từ USB" list, a "USB stick
// seen" note). The first scan is always posted, so the listener learns the starting state.
//
//   usb::UsbWatcher watcher(usb::UsbSettings::FromConfig(config), run_queue,
//                           [&](const std::vector<usb::UsbStick>& sticks) { staff.sticks = sticks; });
//   watcher.Start();      // when the staff screen opens (or at start)
//   watcher.ScanNow();    // "Tìm lại" button: look now instead of at the next tick
//   watcher.Stop();       // also done by the destructor
//
// Scanning only lists names and sizes (no bundle is opened), so it is cheap enough to
// keep running; nothing here ever reads a bundle's bytes.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/core/run_queue.hpp"
#include "kiosk/core/usb/usb_sticks.hpp"

namespace kiosk::usb {

class UsbWatcher {
public:
    using Listener = std::function<void(const std::vector<UsbStick>&)>;

    UsbWatcher(UsbSettings settings, RunQueue& queue, Listener listener,
               std::chrono::milliseconds interval = std::chrono::seconds(2));
    ~UsbWatcher();
    UsbWatcher(const UsbWatcher&) = delete;
    UsbWatcher& operator=(const UsbWatcher&) = delete;

    void Start();  // no-op when running
    void Stop();   // joins; nothing is posted after it returns
    void ScanNow();
    bool running() const { return worker_.joinable(); }

private:
    void Run();

    UsbSettings settings_;
    RunQueue& queue_;
    Listener listener_;
    std::chrono::milliseconds interval_;
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable signal_;
    bool stopping_ = false;
    bool scan_now_ = false;
};

}  // namespace kiosk::usb
