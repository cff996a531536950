#pragma once
// KioskVitals: what the running kiosk knows about itself that a heartbeat reports and no
// file holds — whether the screen is on, which content it shows, its latest problem. The
// UI thread writes it (the night schedule sets the screen, a content switch the
// version), the heartbeat worker reads it; every access is under one mutex.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/core/heartbeat/heartbeat.hpp"

namespace kiosk {

class KioskVitals {
public:
    KioskVitals() : started_(std::chrono::steady_clock::now()) {}

    void SetScreen(ScreenState screen);
    void SetContentVersion(std::string version);
    // The latest problem a person should look at (English, one line); replaces the previous one.
    void ReportError(std::string message, std::int64_t at_ms);
    // Forgets the last error when it starts with `prefix` (all of them for an empty prefix).
    void ClearError(std::string_view prefix = {});

    struct Snapshot {
        ScreenState screen = ScreenState::On;
        std::string content_version;
        std::string last_error;
        std::optional<std::int64_t> last_error_at_ms;
        std::int64_t uptime_s = 0;
    };
    Snapshot Read() const;

private:
    mutable std::mutex mutex_;
    std::chrono::steady_clock::time_point started_;
    ScreenState screen_ = ScreenState::On;  // until a night schedule exists, the screen is always on
    std::string content_version_;
    std::string last_error_;
    std::optional<std::int64_t> last_error_at_ms_;
};

// "<content id> v<version>", the form heartbeats and the fleet page use.
std::string ContentVersionText(const std::string& content_id, long long version);

}  // namespace kiosk
