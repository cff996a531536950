#include "kiosk/core/heartbeat/kiosk_vitals.hpp"

namespace kiosk {

void KioskVitals::SetScreen(ScreenState screen) {
    std::lock_guard lock(mutex_);
    screen_ = screen;
}

void KioskVitals::SetContentVersion(std::string version) {
    std::lock_guard lock(mutex_);
    content_version_ = std::move(version);
}

void KioskVitals::ReportError(std::string message, std::int64_t at_ms) {
    std::lock_guard lock(mutex_);
    last_error_ = std::move(message);
    last_error_at_ms_ = at_ms;
}

void KioskVitals::ClearError(std::string_view prefix) {
    std::lock_guard lock(mutex_);
    if (last_error_.compare(0, prefix.size(), prefix) != 0) return;
    last_error_.clear();
    last_error_at_ms_.reset();
}

KioskVitals::Snapshot KioskVitals::Read() const {
    std::lock_guard lock(mutex_);
    auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
    return {screen_, content_version_, last_error_, last_error_at_ms_, uptime.count()};
}

std::string ContentVersionText(const std::string& content_id, long long version) {
    if (content_id.empty()) return "";
    return content_id + " v" + std::to_string(version);
}

}  // namespace kiosk
