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
-- Staff actions kiosks report with their heartbeats (the kiosk's audit log), each kept once.
CREATE TABLE IF NOT EXISTS kiosk_staff_actions (
    kiosk_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,        -- the kiosk's audit sequence
    at_ms INTEGER NOT NULL,           -- the kiosk's clock
    action TEXT NOT NULL,
    result TEXT NOT NULL,
    detail TEXT NOT NULL,
    version_before INTEGER NOT NULL,
    version_after INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    PRIMARY KEY (kiosk_id, sequence)
);
)sql";

// The fleet shows this many of each kiosk's latest staff actions.
constexpr int kStaffActionsShown = 10;

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
    if (auto stored = upsert->Run(); !stored) return stored;
    for (const auto& action : heartbeat.staff_actions) {
        // A heartbeat sent again after a lost answer repeats its actions: kept once.
        auto insert = database_->Prepare(
            "INSERT OR IGNORE INTO kiosk_staff_actions (kiosk_id, sequence, at_ms, action, result, detail, version_before, "
            "version_after, received_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) return insert.error();
        insert->Bind(1, heartbeat.kiosk_id)
            .Bind(2, action.sequence)
            .Bind(3, action.at_ms)
            .Bind(4, action.action)
            .Bind(5, action.result)
            .Bind(6, action.detail)
            .Bind(7, action.version_before)
            .Bind(8, action.version_after)
            .Bind(9, received_at_ms);
        if (auto stored = insert->Run(); !stored) return stored;
    }
    return Success();
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
    // Each kiosk's latest staff actions, newest first, from every heartbeat so far (the last
    // heartbeat alone usually carries none).
    for (auto& record : records) {
        auto actions = database_->Prepare(
            "SELECT sequence, at_ms, action, result, detail, version_before, version_after FROM kiosk_staff_actions "
            "WHERE kiosk_id = ? ORDER BY sequence DESC LIMIT ?");
        if (!actions) return actions.error();
        actions->Bind(1, record.heartbeat.kiosk_id).Bind(2, std::int64_t{kStaffActionsShown});
        record.heartbeat.staff_actions.clear();
        while (true) {
            auto row = actions->Step();
            if (!row) return row.error();
            if (!*row) break;
            record.heartbeat.staff_actions.push_back({actions->Integer(0), actions->Integer(1), actions->Text(2),
                                                      actions->Text(3), actions->Text(4), actions->Integer(5),
                                                      actions->Integer(6)});
        }
    }
    return records;
}

}  // namespace kiosk::server
