#include "kiosk/core/votes/vote_outbox.hpp"

#include "kiosk/core/server_url.hpp"

#include <ctime>
#include <map>
#include <system_error>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS votes (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even if rows are ever removed
    uuid TEXT NOT NULL UNIQUE,
    kiosk_id TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    rating INTEGER NOT NULL,
    scale INTEGER NOT NULL,
    procedure_code TEXT,
    field_id TEXT,
    dossier_code TEXT,
    reason_code TEXT,
    recorded_at_ms INTEGER NOT NULL,
    clock_synchronised INTEGER NOT NULL,
    suppression TEXT NOT NULL DEFAULT '',        -- '' = counted
    boot_id TEXT NOT NULL,
    monotonic_ms INTEGER NOT NULL,
    reason_window_ms INTEGER NOT NULL DEFAULT 0, -- 0 = closed, the vote may be delivered
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
    verdict TEXT,                                -- 'accepted' / 'duplicate' / 'rejected'
    rejection_reason TEXT,
    acknowledged_at_ms INTEGER
);
CREATE INDEX IF NOT EXISTS votes_by_state ON votes (state, sequence);
CREATE INDEX IF NOT EXISTS votes_by_dossier ON votes (dossier_code) WHERE dossier_code IS NOT NULL;
CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
PRAGMA user_version = 1;
)sql";

constexpr const char* kVoteColumns =
    "uuid, kiosk_id, desk_id, rating, scale, procedure_code, field_id, dossier_code, reason_code, "
    "recorded_at_ms, clock_synchronised, sequence, suppression";

Vote ReadVote(const SqliteStatement& row) {
    Vote vote;
    vote.uuid = row.Text(0);
    vote.kiosk_id = row.Text(1);
    vote.desk_id = row.Text(2);
    vote.rating = static_cast<int>(row.Integer(3));
    vote.scale = static_cast<int>(row.Integer(4));
    vote.procedure_code = row.Text(5);
    vote.field_id = row.Text(6);
    vote.dossier_code = row.Text(7);
    vote.reason_code = row.Text(8);
    vote.recorded_at_ms = row.Integer(9);
    vote.clock_synchronised = row.Integer(10) != 0;
    vote.sequence = row.Integer(11);
    vote.suppression = ParseSuppression(row.Text(12)).value_or(Suppression::None);
    return vote;
}

// The reason window is measured on the monotonic clock, so a wall clock that jumps can
// neither hold a vote back forever nor reopen a window; a reboot closes every window.
constexpr const char* kWindowOpen =
    "(reason_window_ms > 0 AND boot_id = :boot AND :now >= monotonic_ms AND :now - monotonic_ms < reason_window_ms)";

std::string UtcStamp() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &parts);
    return buffer;
}

// Renames file (and its -wal/-shm companions) to file.corrupt-<UTC stamp>, never deleting.
Result<fs::path> MoveAside(const fs::path& file) {
    std::string stamp = UtcStamp();
    fs::path target;
    for (int attempt = 0; attempt < 1000; ++attempt) {
        target = file.string() + ".corrupt-" + stamp + (attempt ? "-" + std::to_string(attempt) : "");
        std::error_code absent;
        if (!fs::exists(target, absent)) break;
    }
    std::error_code error;
    fs::rename(file, target, error);
    if (error) return Error{"cannot move the corrupt outbox " + file.string() + " aside: " + error.message(), ""};
    for (const char* suffix : {"-wal", "-shm"}) {
        fs::path companion = file.string() + suffix;
        if (fs::exists(companion, error)) fs::rename(companion, target.string() + suffix, error);
    }
    return target;
}

bool IsCorruption(int code) { return code == SQLITE_CORRUPT || code == SQLITE_NOTADB; }

// Sets up pragmas and schema, and checks the file is sane. Returns the SQLite code on failure.
Status Prepare(SqliteDatabase& database, int& failure_code) {
    auto fail = [&](Error error) -> Status {
        failure_code = database.LastErrorCode();
        return error;
    };
    // Another connection (the uplink thread, a `kiosk votes` command) may hold the write
    // lock for a moment; wait for it instead of failing a citizen's vote.
    database.SetBusyTimeout(5000);
    // WAL: readers (status) never block the writer; FULL: the WAL is fsynced at every
    // commit, which is what "durable before thank-you" means.
    auto mode = database.Prepare("PRAGMA journal_mode = WAL");
    if (!mode) return fail(mode.error());
    auto stepped = mode->Step();
    if (!stepped) {
        failure_code = mode->last_code();
        return stepped.error();
    }
    if (!*stepped || mode->Text(0) != "wal")
        return fail(Error{"the outbox could not switch to WAL mode", ""});
    if (auto done = database.Execute("PRAGMA synchronous = FULL"); !done) return fail(done.error());
    auto check = database.Prepare("PRAGMA quick_check");
    if (!check) return fail(check.error());
    auto row = check->Step();
    if (!row) {
        failure_code = check->last_code();
        return row.error();
    }
    if (*row && check->Text(0) != "ok") {
        failure_code = SQLITE_CORRUPT;
        return Error{"integrity check failed: " + check->Text(0), ""};
    }
    if (auto done = database.Execute(kSchema); !done) return fail(done.error());
    return Success();
}

// Copies the pending votes SQLite can still read from a corrupt outbox (moved aside) into the
// fresh one, deduplicated by UUID. Reads the table twice, from the first vote forwards and
// from the last backwards, so a damaged page in the middle loses only the votes on it; the
// indexes (which may be what is damaged) are not used. Returns how many votes were saved.
std::int64_t SalvagePending(const fs::path& corrupt_file, SqliteDatabase& fresh) {
    // Read as it lies, with its moved WAL if it had one, and nothing new created beside it.
    std::error_code error;
    bool had_wal = fs::exists(corrupt_file.string() + "-wal", error);
    auto damaged = SqliteDatabase::Open(
        corrupt_file, had_wal ? SqliteDatabase::Mode::ReadOnly : SqliteDatabase::Mode::ReadOnlyUnshared);
    if (!damaged) return 0;
    struct Readable {
        Vote vote;
        std::string boot_id;
        std::int64_t monotonic_ms = 0;
    };
    std::map<std::int64_t, Readable> by_sequence;  // in the order they were taken
    for (const char* order : {"ORDER BY sequence", "ORDER BY sequence DESC"}) {
        auto select = (*damaged)->Prepare(std::string("SELECT ") + kVoteColumns +
                                          ", boot_id, monotonic_ms FROM votes NOT INDEXED WHERE state = 'pending' " + order);
        if (!select) continue;
        while (true) {
            auto row = select->Step();
            if (!row || !*row) break;  // the end, or the damage: keep what was read
            Readable readable{ReadVote(*select), select->Text(13), select->Integer(14)};
            if (!ValidateVote(readable.vote)) continue;  // a row damaged inside: not a vote to send
            by_sequence.emplace(readable.vote.sequence, std::move(readable));
        }
    }
    auto transaction = SqliteTransaction::BeginImmediate(fresh);
    if (!transaction) return 0;
    auto insert = fresh.Prepare(
        "INSERT OR IGNORE INTO votes (uuid, kiosk_id, desk_id, rating, scale, procedure_code, field_id, dossier_code, "
        "reason_code, recorded_at_ms, clock_synchronised, suppression, boot_id, monotonic_ms, reason_window_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
    if (!insert) return 0;
    std::int64_t saved = 0;
    for (const auto& [sequence, readable] : by_sequence) {
        const Vote& vote = readable.vote;
        insert->Reset();
        insert->Bind(1, vote.uuid).Bind(2, vote.kiosk_id).Bind(3, vote.desk_id).Bind(4, std::int64_t{vote.rating});
        insert->Bind(5, std::int64_t{vote.scale}).BindOptional(6, vote.procedure_code).BindOptional(7, vote.field_id);
        insert->BindOptional(8, vote.dossier_code).BindOptional(9, vote.reason_code).Bind(10, vote.recorded_at_ms);
        insert->Bind(11, std::int64_t{vote.clock_synchronised}).Bind(12, SuppressionName(vote.suppression));
        insert->Bind(13, readable.boot_id).Bind(14, readable.monotonic_ms);
        if (!insert->Run()) return 0;  // the transaction rolls back: nothing half-saved
        saved += fresh.Changes();       // 0 for a UUID already saved (dedup by the UNIQUE uuid)
    }
    if (!transaction->Commit()) return 0;
    return saved;
}

}  // namespace

fs::path VoteOutboxPath(const Config& config) { return config.data_dir / "votes.sqlite"; }

Result<std::unique_ptr<VoteOutbox>> VoteOutbox::Open(const fs::path& file, CorruptOutbox corrupt) {
    std::error_code error;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), error);
    if (error) return Error{"cannot create " + file.parent_path().string() + ": " + error.message(), ""};

    std::optional<fs::path> moved_aside;
    for (int attempt = 0; attempt < 2; ++attempt) {
        auto database = SqliteDatabase::Open(file, SqliteDatabase::Mode::Create);
        int failure_code = SQLITE_OK;
        Status prepared = database ? Prepare(**database, failure_code) : Status(database.error());
        if (prepared) {
            std::unique_ptr<VoteOutbox> outbox(new VoteOutbox(file, std::move(*database)));
            if (moved_aside) {
                outbox->moved_aside_ = moved_aside;
                outbox->salvaged_ = SalvagePending(*moved_aside, *outbox->database_);
                (void)outbox->SetMeta("moved_aside", moved_aside->string());
                (void)outbox->SetMeta("salvaged", std::to_string(outbox->salvaged_));
            }
            return outbox;
        }
        if (attempt > 0 || !IsCorruption(failure_code) || corrupt == CorruptOutbox::Fail)
            return Error{"vote outbox " + file.string() + ": " + prepared.error().message,
                         "Không mở được hộp lưu phiếu đánh giá."};
        database = Error{};  // close before moving the file
        auto moved = MoveAside(file);
        if (!moved) return moved.error();
        moved_aside = *moved;
    }
    return Error{"vote outbox " + file.string() + ": cannot start a fresh database", ""};
}

Result<std::unique_ptr<VoteOutbox>> VoteOutbox::OpenReadOnly(const fs::path& file) {
    std::error_code error;
    if (!fs::exists(file, error)) return Error{"there is no vote outbox at " + file.string() + " yet", ""};
    auto open = [&](SqliteDatabase::Mode mode) -> Result<std::unique_ptr<SqliteDatabase>> {
        auto database = SqliteDatabase::Open(file, mode, "vote outbox");
        if (!database) return database.error();
        (*database)->SetBusyTimeout(5000);
        // Reading the table tells a damaged or foreign file apart now, not at the first count.
        auto probe = (*database)->Prepare("SELECT COUNT(*) FROM votes");
        if (!probe) return Error{"vote outbox " + file.string() + ": " + probe.error().message, ""};
        if (auto row = probe->Step(); !row) return Error{"vote outbox " + file.string() + ": " + row.error().message, ""};
        return database;
    };
    // A read-only WAL reader needs the -shm file, which a full disk may not let it create.
    // When the WAL holds nothing (no kiosk wrote since the last checkpoint), the main file
    // alone is the whole truth and is read as it lies, creating nothing.
    auto shared = open(SqliteDatabase::Mode::ReadOnly);
    if (!shared) {
        auto wal_size = fs::file_size(file.string() + "-wal", error);
        if (!error && wal_size > 0)
            return Error{shared.error().message, "Không mở được hộp lưu phiếu đánh giá."};
        shared = open(SqliteDatabase::Mode::ReadOnlyUnshared);
        if (!shared) return Error{shared.error().message, "Không mở được hộp lưu phiếu đánh giá."};
    }
    return std::unique_ptr<VoteOutbox>(new VoteOutbox(file, std::move(*shared)));
}

Result<Vote> VoteOutbox::Add(Vote vote, const MonotonicReading& taken_at, std::int64_t reason_window_ms,
                             const Decide& decide) {
    std::lock_guard lock(mutex_);
    auto transaction = SqliteTransaction::BeginImmediate(*database_);
    if (!transaction) return transaction.error();

    RecentVotes recent;
    auto last = database_->Prepare(
        "SELECT boot_id, monotonic_ms FROM votes WHERE suppression = '' ORDER BY sequence DESC LIMIT 1");
    if (!last) return last.error();
    auto row = last->Step();
    if (!row) return row.error();
    if (*row) recent.last_counted = MonotonicReading{last->Text(0), last->Integer(1)};
    if (!vote.dossier_code.empty()) {
        auto dossier = database_->Prepare("SELECT 1 FROM votes WHERE dossier_code = ? AND suppression = '' LIMIT 1");
        if (!dossier) return dossier.error();
        auto found = dossier->Bind(1, vote.dossier_code).Step();
        if (!found) return found.error();
        recent.dossier_already_rated = *found;
    }
    if (decide) decide(vote, recent);

    vote.sequence = 1;  // stands in for the number SQLite assigns below, so validation can run first
    if (auto valid = ValidateVote(vote); !valid) return valid.error();
    auto insert = database_->Prepare(
        "INSERT INTO votes (uuid, kiosk_id, desk_id, rating, scale, procedure_code, field_id, dossier_code, "
        "reason_code, recorded_at_ms, clock_synchronised, suppression, boot_id, monotonic_ms, reason_window_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert->Bind(1, vote.uuid).Bind(2, vote.kiosk_id).Bind(3, vote.desk_id).Bind(4, std::int64_t{vote.rating});
    insert->Bind(5, std::int64_t{vote.scale}).BindOptional(6, vote.procedure_code).BindOptional(7, vote.field_id);
    insert->BindOptional(8, vote.dossier_code).BindOptional(9, vote.reason_code).Bind(10, vote.recorded_at_ms);
    insert->Bind(11, std::int64_t{vote.clock_synchronised}).Bind(12, SuppressionName(vote.suppression));
    insert->Bind(13, taken_at.boot_id).Bind(14, taken_at.milliseconds);
    insert->Bind(15, vote.reason_code.empty() ? std::max<std::int64_t>(reason_window_ms, 0) : std::int64_t{0});
    if (auto inserted = insert->Run(); !inserted) return inserted.error();
    vote.sequence = database_->LastInsertRowid();
    if (auto committed = transaction->Commit(); !committed) return committed.error();
    return vote;
}

Status VoteOutbox::AttachReason(const std::string& uuid, const std::string& reason_code, const MonotonicReading& now) {
    if (!IsVoteCode(reason_code)) return Error{"a reason code must be 1-64 of A-Z a-z 0-9 . _ - /", ""};
    std::lock_guard lock(mutex_);
    auto update = database_->Prepare(std::string("UPDATE votes SET reason_code = :reason, reason_window_ms = 0 "
                                                 "WHERE uuid = :uuid AND state = 'pending' AND ") + kWindowOpen);
    if (!update) return update.error();
    // Named parameters share one index each, numbered by first appearance.
    update->Bind(1, reason_code).Bind(2, uuid).Bind(3, now.boot_id).Bind(4, now.milliseconds);
    if (auto done = update->Run(); !done) return done;
    if (database_->Changes() != 1)
        return Error{"the reason window of vote " + uuid + " is closed", "Đã hết thời gian chọn lý do."};
    return Success();
}

Status VoteOutbox::CloseReasonWindow(const std::string& uuid) {
    std::lock_guard lock(mutex_);
    auto update = database_->Prepare("UPDATE votes SET reason_window_ms = 0 WHERE uuid = ?");
    if (!update) return update.error();
    return update->Bind(1, uuid).Run();
}

Result<std::vector<Vote>> VoteOutbox::TakeBatch(int limit, const MonotonicReading& now) {
    std::lock_guard lock(mutex_);
    auto transaction = SqliteTransaction::BeginImmediate(*database_);
    if (!transaction) return transaction.error();
    auto close = database_->Prepare(std::string("UPDATE votes SET reason_window_ms = 0 WHERE state = 'pending' "
                                                "AND reason_window_ms > 0 AND NOT ") + kWindowOpen);
    if (!close) return close.error();
    if (auto closed = close->Bind(1, now.boot_id).Bind(2, now.milliseconds).Run(); !closed) return closed.error();
    auto select = database_->Prepare(std::string("SELECT ") + kVoteColumns +
                                     " FROM votes WHERE state = 'pending' AND reason_window_ms = 0 "
                                     "ORDER BY sequence LIMIT ?");
    if (!select) return select.error();
    select->Bind(1, std::int64_t{limit});
    std::vector<Vote> votes;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        votes.push_back(ReadVote(*select));
    }
    if (auto committed = transaction->Commit(); !committed) return committed.error();
    return votes;
}

Status VoteOutbox::ApplyAcknowledgements(const std::vector<VoteAcknowledgement>& acknowledgements,
                                         std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto transaction = SqliteTransaction::BeginImmediate(*database_);
    if (!transaction) return transaction.error();
    auto update = database_->Prepare(
        "UPDATE votes SET state = ?, verdict = ?, rejection_reason = ?, acknowledged_at_ms = ? "
        "WHERE uuid = ? AND state = 'pending'");
    if (!update) return update.error();
    std::string last_rejection;
    bool any_delivered = false;
    for (const auto& acknowledgement : acknowledgements) {
        if (acknowledgement.verdict == VoteVerdict::RefusedUntilFixed) continue;  // stays pending
        const char* verdict = acknowledgement.verdict == VoteVerdict::Accepted    ? "accepted"
                              : acknowledgement.verdict == VoteVerdict::Duplicate ? "duplicate"
                                                                                   : "rejected";
        bool rejected = acknowledgement.verdict == VoteVerdict::Rejected;
        update->Reset();
        update->Bind(1, rejected ? "rejected" : "delivered").Bind(2, verdict);
        update->BindOptional(3, rejected ? acknowledgement.reason : std::string());
        update->Bind(4, now_ms).Bind(5, acknowledgement.uuid);
        if (auto done = update->Run(); !done) return done;
        if (database_->Changes() == 1) {
            if (rejected) last_rejection = acknowledgement.uuid + ": " + acknowledgement.reason;
            else any_delivered = true;
        }
    }
    auto meta = database_->Prepare("INSERT OR REPLACE INTO outbox_meta (key, value) VALUES (?, ?)");
    if (!meta) return meta.error();
    auto set = [&](const char* key, const std::string& value) {
        meta->Reset();
        return meta->Bind(1, key).Bind(2, value).Run();
    };
    if (any_delivered) {
        if (auto done = set("last_delivery_at_ms", std::to_string(now_ms)); !done) return done;
        if (auto done = set("last_delivery_error", ""); !done) return done;
    }
    if (!last_rejection.empty())
        if (auto done = set("last_rejection", last_rejection); !done) return done;
    return transaction->Commit();
}

Status VoteOutbox::RecordDeliveryError(const std::string& message, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    // Kept in a file and shown by `kiosk votes status`: never with the server's password in it.
    if (auto done = SetMeta("last_delivery_error", RedactUrlsIn(message)); !done) return done;
    return SetMeta("last_delivery_error_at_ms", std::to_string(now_ms));
}

Result<std::int64_t> VoteOutbox::RequeueRejected() {
    std::lock_guard lock(mutex_);
    auto transaction = SqliteTransaction::BeginImmediate(*database_);
    if (!transaction) return transaction.error();
    auto update = database_->Prepare(
        "UPDATE votes SET state = 'pending', verdict = NULL, rejection_reason = NULL, acknowledged_at_ms = NULL, "
        "reason_window_ms = 0 WHERE state = 'rejected'");
    if (!update) return update.error();
    if (auto done = update->Run(); !done) return done.error();
    std::int64_t requeued = database_->Changes();
    if (auto cleared = SetMeta("last_rejection", ""); !cleared) return cleared.error();
    if (auto committed = transaction->Commit(); !committed) return committed.error();
    return requeued;
}

Status VoteOutbox::SetMeta(const std::string& key, const std::string& value) {
    auto statement = database_->Prepare("INSERT OR REPLACE INTO outbox_meta (key, value) VALUES (?, ?)");
    if (!statement) return statement.error();
    return statement->Bind(1, key).Bind(2, value).Run();
}

Result<std::string> VoteOutbox::GetMeta(const std::string& key) {
    auto statement = database_->Prepare("SELECT value FROM outbox_meta WHERE key = ?");
    if (!statement) return statement.error();
    auto row = statement->Bind(1, key).Step();
    if (!row) return row.error();
    return *row ? statement->Text(0) : std::string();
}

Result<VoteOutboxStatus> VoteOutbox::ReadStatus(std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    VoteOutboxStatus status;
    auto counts = database_->Prepare(
        "SELECT COALESCE(SUM(state = 'pending'), 0), COALESCE(SUM(state = 'delivered'), 0), "
        "COALESCE(SUM(state = 'rejected'), 0), COALESCE(SUM(suppression <> ''), 0), "
        "COALESCE(SUM(state = 'pending' AND reason_window_ms > 0), 0), "
        "(SELECT recorded_at_ms FROM votes WHERE state = 'pending' ORDER BY sequence LIMIT 1) FROM votes");
    if (!counts) return counts.error();
    auto row = counts->Step();
    if (!row) return row.error();
    status.pending = counts->Integer(0);
    status.delivered = counts->Integer(1);
    status.rejected = counts->Integer(2);
    status.suppressed = counts->Integer(3);
    status.awaiting_reason = counts->Integer(4);
    if (!counts->IsNull(5)) {
        status.oldest_pending_recorded_at_ms = counts->Integer(5);
        status.oldest_pending_age_s = std::max<std::int64_t>(0, (now_ms - counts->Integer(5)) / 1000);
    }
    auto number = [](const std::string& text) -> std::optional<std::int64_t> {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18)
            return std::nullopt;
        return std::stoll(text);
    };
    std::string salvaged;
    for (auto [key, target] : {std::pair<const char*, std::string*>{"last_delivery_error", &status.last_delivery_error},
                               {"last_rejection", &status.last_rejection},
                               {"moved_aside", &status.moved_aside},
                               {"salvaged", &salvaged}}) {
        auto value = GetMeta(key);
        if (!value) return value.error();
        *target = *value;
    }
    auto error_at = GetMeta("last_delivery_error_at_ms");
    auto delivered_at = GetMeta("last_delivery_at_ms");
    if (!error_at) return error_at.error();
    if (!delivered_at) return delivered_at.error();
    if (!status.last_delivery_error.empty()) status.last_delivery_error_at_ms = number(*error_at);
    status.last_delivery_at_ms = number(*delivered_at);
    status.salvaged = number(salvaged).value_or(0);
    return status;
}

Result<std::int64_t> VoteOutbox::CountDeliveredSince(std::int64_t from_ms) {
    std::lock_guard lock(mutex_);
    auto count = database_->Prepare("SELECT COUNT(*) FROM votes WHERE state = 'delivered' AND acknowledged_at_ms >= ?");
    if (!count) return count.error();
    auto row = count->Bind(1, from_ms).Step();
    if (!row) return row.error();
    return count->Integer(0);
}

Result<std::int64_t> VoteOutbox::CountPending() {
    std::lock_guard lock(mutex_);
    auto count = database_->Prepare("SELECT COUNT(*) FROM votes WHERE state = 'pending'");
    if (!count) return count.error();
    auto row = count->Step();
    if (!row) return row.error();
    return count->Integer(0);
}

Result<std::vector<RatingCount>> VoteOutbox::CountByRating(std::int64_t from_ms, std::int64_t to_ms) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(
        "SELECT scale, rating, COUNT(*) FROM votes WHERE suppression = '' AND state <> 'rejected' "
        "AND recorded_at_ms >= ? AND recorded_at_ms < ? GROUP BY scale, rating ORDER BY scale, rating");
    if (!select) return select.error();
    select->Bind(1, from_ms).Bind(2, to_ms);
    std::vector<RatingCount> counts;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        counts.push_back({static_cast<int>(select->Integer(0)), static_cast<int>(select->Integer(1)),
                          select->Integer(2)});
    }
    return counts;
}

Result<std::optional<Vote>> VoteOutbox::FindVote(const std::string& uuid) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(std::string("SELECT ") + kVoteColumns + " FROM votes WHERE uuid = ?");
    if (!select) return select.error();
    auto row = select->Bind(1, uuid).Step();
    if (!row) return row.error();
    if (!*row) return std::optional<Vote>();
    return std::optional<Vote>(ReadVote(*select));
}

Result<std::string> VoteOutbox::DeliveryState(const std::string& uuid) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare("SELECT state FROM votes WHERE uuid = ?");
    if (!select) return select.error();
    auto row = select->Bind(1, uuid).Step();
    if (!row) return row.error();
    if (!*row) return Error{"no vote " + uuid + " in the outbox", ""};
    return select->Text(0);
}

Result<std::vector<Vote>> VoteOutbox::ReadAll() {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(std::string("SELECT ") + kVoteColumns + " FROM votes ORDER BY sequence");
    if (!select) return select.error();
    std::vector<Vote> votes;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        votes.push_back(ReadVote(*select));
    }
    return votes;
}

}  // namespace kiosk
