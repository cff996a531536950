#pragma once
// Heartbeat: what a kiosk tells the commune server every few minutes about its health
// (docs/protocol.md, "POST /api/v1/heartbeat"), so the district sees on one page which
// kiosk is down, out of disk, behind on votes or on old content. No personal data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.hpp"

namespace kiosk {

enum class ScreenState { On, Off };

// One staff action from the kiosk's audit log (kiosk/core/staff/audit_log.hpp), sent once
// with the next heartbeat that gets through. Never a PIN.
struct StaffActionReport {
    std::int64_t sequence = 0;  // the kiosk's audit sequence: the server keeps each once
    std::int64_t at_ms = 0;
    std::string action;         // "install_usb", "rollback", "pin_refused" …
    std::string result;         // "ok", "refused", "failed", "locked" …
    std::string detail;         // the staff's sentence (Vietnamese)
    std::int64_t version_before = 0;
    std::int64_t version_after = 0;
};

inline constexpr std::size_t kHeartbeatMaximumStaffActions = 50;

struct Heartbeat {
    std::string kiosk_id;
    std::int64_t sent_at_ms = 0;     // the kiosk's wall clock (may be wrong: clock_synchronised says)
    bool clock_synchronised = false;
    std::string software_version;    // of the kiosk program
    std::string content_version;     // "<content id> v<version>" of the content being shown; "" unknown
    std::int64_t uptime_s = 0;       // since the kiosk program started
    std::optional<std::int64_t> votes_pending;  // unknown when the outbox cannot be read
    std::string last_error;          // latest problem worth a person's look; "" none
    std::optional<std::int64_t> last_error_at_ms;
    std::optional<std::int64_t> free_disk_bytes;  // of the data directory; unknown when statvfs fails
    ScreenState screen = ScreenState::On;
    // Staff actions not yet reported, oldest first; absent on the wire means none (a kiosk
    // from before staff mode).
    std::vector<StaffActionReport> staff_actions;
};

inline constexpr std::size_t kHeartbeatMaximumTextBytes = 500;

std::string_view ScreenStateName(ScreenState screen);
nlohmann::json HeartbeatToJson(const Heartbeat& heartbeat);
// The server's reading: every field checked, the error names the field.
Result<Heartbeat> HeartbeatFromJson(const nlohmann::json& object);

}  // namespace kiosk
