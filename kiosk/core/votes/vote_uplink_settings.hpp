#pragma once
// VoteUplinkSettings: where and how the kiosk delivers votes. The defaults are the
// production ones; tests shorten the timings so a whole outage fits in a second.
#include <chrono>
#include <string>

#include "kiosk/core/config.hpp"

namespace kiosk {

struct VoteUplinkSettings {
    std::string server_url;  // base URL; votes go to {server_url}/api/v1/votes. Empty: no delivery
    std::string token;       // bearer token of this kiosk
    std::string ca_file;     // extra CA bundle; empty: the system's. Verification is always on.
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{30'000};
    std::chrono::milliseconds backoff_initial{1'000};
    std::chrono::milliseconds backoff_maximum{300'000};
    std::chrono::milliseconds idle_check{5'000};  // how often an idle uplink looks for votes it was not told about
    int batch_size = 100;

    static VoteUplinkSettings FromConfig(const Config& config);
    std::string VotesEndpoint() const;
};

}  // namespace kiosk
