#include "server/fleet_store.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::server {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kiosk_heartbeats (
    kiosk_id TEXT PRIMARY KEY,
    heartbeat TEXT NOT NULL,          -- the heartbeat as received (docs/protocol.md), JSON
    received_at_ms INTEGER NOT NULL,  -- the server's clock
    remote_address TEXT NOT NULL,
    heartbeats INTEGER NOT NULL
);
)sql";

}  // namespace

Result<std::unique_ptr<FleetStore>> FleetStore::Open(const std::filesystem::path& file) {
    auto database = SqliteDatabase::Open(file, SqliteDatabase::Mode::Create);
    if (!database) return database.error();
    (*database)->SetBusyTimeout(5000);
    for (const char* setup : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", kSchema})
        if (auto done = (*database)->Execute(setup); !done)
            return Error{"fleet table in " + file.string() + ": " + done.error().message, ""};
    return std::unique_ptr<FleetStore>(new FleetStore(std::move(*database)));
}

Status FleetStore::Record(const Heartbeat& heartbeat, std::int64_t received_at_ms, const std::string& remote_address) {
    std::lock_guard lock(mutex_);
    auto upsert = database_->Prepare(
        "INSERT INTO kiosk_heartbeats (kiosk_id, heartbeat, received_at_ms, remote_address, heartbeats) "
        "VALUES (?1, ?2, ?3, ?4, 1) ON CONFLICT (kiosk_id) DO UPDATE SET heartbeat = ?2, received_at_ms = ?3, "
        "remote_address = ?4, heartbeats = heartbeats + 1");
    if (!upsert) return upsert.error();
    upsert->Bind(1, heartbeat.kiosk_id)
        .Bind(2, HeartbeatToJson(heartbeat).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
        .Bind(3, received_at_ms)
        .Bind(4, remote_address);
    return upsert->Run();
}

Result<std::vector<FleetRecord>> FleetStore::Latest() {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(
        "SELECT heartbeat, received_at_ms, heartbeats, remote_address FROM kiosk_heartbeats ORDER BY kiosk_id");
    if (!select) return select.error();
    std::vector<FleetRecord> records;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        auto heartbeat = HeartbeatFromJson(nlohmann::json::parse(select->Text(0), nullptr, false));
        if (!heartbeat) continue;  // written by this server from a checked heartbeat: cannot happen, never fatal
        records.push_back({std::move(*heartbeat), select->Integer(1), select->Integer(2), select->Text(3)});
    }
    return records;
}

}  // namespace kiosk::server
