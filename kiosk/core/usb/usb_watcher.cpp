#include "kiosk/core/usb/usb_watcher.hpp"

#include <memory>
#include <optional>
#include <string>

namespace kiosk::usb {

UsbWatcher::UsbWatcher(UsbSettings settings, RunQueue& queue, Listener listener, std::chrono::milliseconds interval)
    : settings_(std::move(settings)), queue_(queue), listener_(std::move(listener)), interval_(interval) {}

UsbWatcher::~UsbWatcher() { Stop(); }

void UsbWatcher::Start() {
    if (worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    worker_ = std::thread([this] { Run(); });
}

void UsbWatcher::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    signal_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void UsbWatcher::ScanNow() {
    {
        std::lock_guard lock(mutex_);
        scan_now_ = true;
    }
    signal_.notify_all();
}

void UsbWatcher::Run() {
    std::optional<std::string> last;
    while (true) {
        auto sticks = std::make_shared<std::vector<UsbStick>>(ScanUsbSticks(settings_));
        std::string now = DescribeForChange(*sticks);
        if (now != last) {
            last = std::move(now);
            // The listener may be gone by the time the UI drains the queue only if the caller
            // destroyed it before draining; the watcher's owner keeps both for the screen's life.
            queue_.Post([listener = listener_, sticks] { listener(*sticks); });
        }
        std::unique_lock lock(mutex_);
        signal_.wait_for(lock, interval_, [this] { return stopping_ || scan_now_; });
        if (stopping_) return;
        scan_now_ = false;
    }
}

}  // namespace kiosk::usb
