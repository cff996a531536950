#pragma once
// FleetStore: the latest heartbeat of every kiosk, kept in the server's database (its own
// table, its own connection) so the fleet page survives a restart. One row per kiosk,
// replaced by each heartbeat; how many heartbeats arrived is counted beside it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/heartbeat/heartbeat.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::server {

struct FleetRecord {
    Heartbeat heartbeat;
    std::int64_t received_at_ms = 0;  // the server's clock
    std::int64_t heartbeats = 0;      // received from this kiosk since the database was made
    std::string remote_address;       // where the latest one came from
};

class FleetStore {
public:
    static Result<std::unique_ptr<FleetStore>> Open(const std::filesystem::path& file);

    Status Record(const Heartbeat& heartbeat, std::int64_t received_at_ms, const std::string& remote_address);
    // Every kiosk that ever sent a heartbeat, by kiosk id; its heartbeat's staff_actions are
    // the kiosk's latest staff actions the server holds (newest first), not only the last one's.
    Result<std::vector<FleetRecord>> Latest();

private:
    explicit FleetStore(std::unique_ptr<SqliteDatabase> database) : database_(std::move(database)) {}
    std::unique_ptr<SqliteDatabase> database_;
    std::mutex mutex_;
};

}  // namespace kiosk::server
