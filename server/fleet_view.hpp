#pragma once
// FleetView: every kiosk the server knows — each one its tokens file names, and any other
// that once sent a heartbeat — with its latest heartbeat and whether it is stale (no
// heartbeat for longer than the configured time, or none ever). `/fleet` draws it for
// people and `/api/v1/fleet` gives it as JSON.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/fleet_store.hpp"

namespace kiosk::server {

struct FleetRow {
    std::string kiosk_id;
    bool in_tokens_file = false;
    std::optional<FleetRecord> latest;         // none: never heard from
    std::optional<std::int64_t> seconds_since;  // since the latest heartbeat arrived
    bool stale = true;
};

struct FleetView {
    std::int64_t generated_at_ms = 0;
    std::chrono::seconds stale_after{900};
    std::vector<FleetRow> rows;  // stale ones first, then by kiosk id
    std::size_t stale_count() const;
};

FleetView BuildFleetView(const std::vector<std::string>& token_kiosks, const std::vector<FleetRecord>& records,
                         std::int64_t now_ms, std::chrono::seconds stale_after);
nlohmann::json FleetJson(const FleetView& view);
std::string RenderFleetPage(const FleetView& view);

}  // namespace kiosk::server
