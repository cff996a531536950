#pragma once
// HeartbeatSettings: where and how often the kiosk reports its health. The server, token
// and CA file are the vote uplink's: one commune server, one token per kiosk.
#include <chrono>
#include <string>

#include "kiosk/core/config.hpp"

namespace kiosk {

struct HeartbeatSettings {
    std::string server_url;  // base URL; heartbeats go to {server_url}/api/v1/heartbeat. Empty: none
    std::string token;
    std::string ca_file;
    std::chrono::milliseconds interval{300'000};  // 0: no periodic heartbeat
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{30'000};

    static HeartbeatSettings FromConfig(const Config& config);
    std::string Endpoint() const;
};

}  // namespace kiosk
