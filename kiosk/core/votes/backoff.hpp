#pragma once
// Backoff: exponential delays with jitter between failed deliveries. Jitter spreads a
// commune's kiosks apart when their server comes back, instead of all retrying at once.
#include <chrono>

namespace kiosk {

class Backoff {
public:
    Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum)
        : initial_(initial), maximum_(maximum) {}

    // The delay before the next attempt: a random point in [d/2, d] where d doubles from
    // `initial` after each failure up to `maximum`.
    std::chrono::milliseconds NextDelay();
    void Reset() { failures_ = 0; }
    int failures() const { return failures_; }

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds maximum_;
    int failures_ = 0;
};

}  // namespace kiosk
