#pragma once
// CollectHeartbeat: gathers one heartbeat from where each value lives — the vitals the UI
// keeps, the vote outbox (pending votes, the latest delivery error), the data
// directory's file system (free space) and the clocks. Nothing here fails: a value that
// cannot be read is sent as unknown (null), and the reason goes into last_error.
#include <filesystem>
#include <string>

#include "kiosk/core/heartbeat/heartbeat.hpp"
#include "kiosk/core/heartbeat/kiosk_vitals.hpp"
#include "kiosk/core/votes/vote_clock.hpp"

namespace kiosk {

struct HeartbeatSources {
    std::string kiosk_id;
    std::filesystem::path outbox_file;  // the vote outbox; absent file: no vote recorded yet
    std::filesystem::path data_dir;     // free disk is measured here
    const KioskVitals* vitals = nullptr;
    const VoteClock* clock = &SystemVoteClock::Instance();
    std::filesystem::path audit_log_file;  // the staff audit log; empty: none
    std::int64_t audit_reported_through = 0;  // staff actions up to this sequence were reported
};

Heartbeat CollectHeartbeat(const HeartbeatSources& sources);

// "<content id> v<version>" from a content directory's manifest.json; "" when unreadable.
std::string ContentVersionOfDirectory(const std::filesystem::path& content_dir);

// The version of this kiosk program (kiosk/core/version.hpp).
std::string KioskSoftwareVersion();

}  // namespace kiosk
