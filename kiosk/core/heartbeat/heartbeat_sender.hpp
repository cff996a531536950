#pragma once
// HeartbeatSender: one POST of a heartbeat to the commune server on libcurl, with the vote
// uplink's rules: TLS certificate and host name always verified (an extra CA file may be
// configured), no redirects, proxies from the usual environment variables.
#include <atomic>
#include <string>

#include "kiosk/core/heartbeat/heartbeat.hpp"
#include "kiosk/core/heartbeat/heartbeat_settings.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk {

class HeartbeatSender {
public:
    // cancel (optional) aborts a transfer in progress when it becomes true.
    explicit HeartbeatSender(HeartbeatSettings settings, const std::atomic<bool>* cancel = nullptr);
    ~HeartbeatSender();
    HeartbeatSender(const HeartbeatSender&) = delete;
    HeartbeatSender& operator=(const HeartbeatSender&) = delete;

    // Success only for a 200 answer {"status": "stored"}; otherwise a sentence saying what happened.
    Status Send(const Heartbeat& heartbeat);

private:
    HeartbeatSettings settings_;
    const std::atomic<bool>* cancel_;
    void* curl_ = nullptr;  // CURL*, kept for connection reuse
};

}  // namespace kiosk
