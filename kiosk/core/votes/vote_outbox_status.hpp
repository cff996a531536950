#pragma once
// VoteOutboxStatus: what `kiosk votes status` prints and what staff screens show.
#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct VoteOutboxStatus {
    std::int64_t pending = 0;          // not yet acknowledged by the server
    std::int64_t delivered = 0;        // acknowledged as accepted or duplicate
    std::int64_t rejected = 0;         // refused by the server; kept with its reason, not retried
    std::int64_t suppressed = 0;       // kept but not counted (cooldown, dossier already rated), any state
    std::int64_t awaiting_reason = 0;  // negative votes held back while the citizen may still pick a reason
    std::optional<std::int64_t> oldest_pending_recorded_at_ms;
    std::optional<std::int64_t> oldest_pending_age_s;  // by the wall clock; never negative
    std::string last_delivery_error;                   // empty after a successful delivery
    std::optional<std::int64_t> last_delivery_error_at_ms;
    std::optional<std::int64_t> last_delivery_at_ms;
    std::string last_rejection;                        // "uuid: reason" of the latest rejected vote
    std::string moved_aside;                           // where a corrupt outbox was moved, when it happened
    std::int64_t salvaged = 0;                         // pending votes read back from it into this outbox
};

}  // namespace kiosk
