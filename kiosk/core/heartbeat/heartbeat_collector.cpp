#include "kiosk/core/heartbeat/heartbeat_collector.hpp"

#include <sys/statvfs.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/staff/audit_log.hpp"
#include "kiosk/core/version.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"

namespace kiosk {

std::string KioskSoftwareVersion() { return std::string(SoftwareVersion()); }

std::string ContentVersionOfDirectory(const std::filesystem::path& content_dir) {
    std::ifstream file(content_dir / "manifest.json", std::ios::binary);
    if (!file) return "";
    std::stringstream text;
    text << file.rdbuf();
    auto manifest = nlohmann::json::parse(text.str(), nullptr, false);
    if (!manifest.is_object() || !manifest.contains("content_id") || !manifest["content_id"].is_string() ||
        !manifest.contains("version") || !manifest["version"].is_number_integer())
        return "";
    return ContentVersionText(manifest["content_id"].get<std::string>(), manifest["version"].get<long long>());
}

namespace {

// One line of at most kHeartbeatMaximumTextBytes, never cut inside a UTF-8 sequence.
std::string OneLine(std::string text) {
    if (text.size() > kHeartbeatMaximumTextBytes) {
        std::size_t cut = kHeartbeatMaximumTextBytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
    }
    for (auto& character : text)
        if (static_cast<unsigned char>(character) < 0x20 || character == 0x7f) character = ' ';
    return text;
}

}  // namespace

Heartbeat CollectHeartbeat(const HeartbeatSources& sources) {
    Heartbeat heartbeat;
    heartbeat.kiosk_id = sources.kiosk_id;
    heartbeat.sent_at_ms = sources.clock->WallNowMilliseconds();
    heartbeat.clock_synchronised = sources.clock->IsWallClockSynchronised();
    heartbeat.software_version = KioskSoftwareVersion();
    KioskVitals::Snapshot vitals;
    if (sources.vitals) vitals = sources.vitals->Read();
    heartbeat.screen = vitals.screen;
    heartbeat.content_version = vitals.content_version;
    heartbeat.uptime_s = vitals.uptime_s;
    heartbeat.last_error = vitals.last_error;
    heartbeat.last_error_at_ms = vitals.last_error_at_ms;
    auto note = [&](std::string problem) {
        if (heartbeat.last_error.empty()) {
            heartbeat.last_error = std::move(problem);
            heartbeat.last_error_at_ms = heartbeat.sent_at_ms;
        }
    };

    std::error_code error;
    if (sources.outbox_file.empty() || !std::filesystem::exists(sources.outbox_file, error)) {
        if (error) note("the vote outbox cannot be reached: " + error.message());
        else heartbeat.votes_pending = 0;  // no vote recorded yet
    } else if (auto outbox = VoteOutbox::Open(sources.outbox_file, CorruptOutbox::Fail); !outbox) {
        note("the vote outbox cannot be read: " + outbox.error().message);
    } else if (auto status = (*outbox)->ReadStatus(heartbeat.sent_at_ms); !status) {
        note("the vote outbox cannot be read: " + status.error().message);
    } else {
        heartbeat.votes_pending = status->pending;
        // A delivery problem is newer news than an older one the vitals hold.
        if (!status->last_delivery_error.empty() &&
            (heartbeat.last_error.empty() ||
             status->last_delivery_error_at_ms.value_or(0) > heartbeat.last_error_at_ms.value_or(0))) {
            heartbeat.last_error = "vote delivery: " + status->last_delivery_error;
            heartbeat.last_error_at_ms = status->last_delivery_error_at_ms;
        }
    }

    struct statvfs disk {};
    if (!sources.data_dir.empty() && statvfs(sources.data_dir.c_str(), &disk) == 0)
        heartbeat.free_disk_bytes = static_cast<std::int64_t>(disk.f_bavail) * static_cast<std::int64_t>(disk.f_frsize);
    else
        note("the free space of the data directory " + sources.data_dir.string() + " cannot be read");
    if (heartbeat.last_error.size() > kHeartbeatMaximumTextBytes) {
        std::size_t cut = kHeartbeatMaximumTextBytes;  // never inside a UTF-8 sequence
        while (cut > 0 && (static_cast<unsigned char>(heartbeat.last_error[cut]) & 0xC0) == 0x80) --cut;
        heartbeat.last_error.resize(cut);
    }
    for (auto& character : heartbeat.last_error)  // one line for the fleet page's cell
        if (static_cast<unsigned char>(character) < 0x20) character = ' ';

    if (!sources.audit_log_file.empty()) {
        staff::AuditLog audit(sources.audit_log_file);
        for (auto& entry : audit.After(sources.audit_reported_through, kHeartbeatMaximumStaffActions)) {
            StaffActionReport action{entry.sequence, static_cast<std::int64_t>(entry.time) * 1000, entry.action,
                                     entry.result, OneLine(entry.detail), entry.version_before, entry.version_after};
            heartbeat.staff_actions.push_back(std::move(action));
        }
    }
    return heartbeat;
}

}  // namespace kiosk
