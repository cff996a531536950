#include "server/vote_store.hpp"

namespace kiosk::server {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS votes (
    uuid TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    rating INTEGER NOT NULL,
    scale INTEGER NOT NULL,
    satisfied INTEGER NOT NULL,
    procedure_code TEXT,
    field_id TEXT,
    dossier_code TEXT,
    reason_code TEXT,
    recorded_at_ms INTEGER NOT NULL,
    clock_synchronised INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    suppression TEXT NOT NULL DEFAULT '',  -- '' counted; 'cooldown', 'staff_test' (kiosk) or 'dossier_already_rated'
    received_at_ms INTEGER NOT NULL,
    -- The day a vote counts for: the kiosk's time when its clock was synchronised, else
    -- the server's time of arrival (a kiosk without RTC may believe it is 1970).
    counted_at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS votes_counted_dossier ON votes (dossier_code) WHERE dossier_code IS NOT NULL AND suppression = '';
CREATE INDEX IF NOT EXISTS votes_by_day ON votes (counted_at_ms);
PRAGMA user_version = 1;
)sql";

constexpr const char* kLocalDay = "date(counted_at_ms / 1000, 'unixepoch', 'localtime')";

}  // namespace

Result<std::unique_ptr<VoteStore>> VoteStore::Open(const std::filesystem::path& file) {
    std::error_code ignored;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ignored);
    auto database = SqliteDatabase::Open(file, SqliteDatabase::Mode::Create);
    if (!database) return database.error();
    // `kiosk-server export` may open the same file beside a running server; each waits
    // for the other's lock instead of failing.
    (*database)->SetBusyTimeout(5000);
    for (const char* setup : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", kSchema})
        if (auto done = (*database)->Execute(setup); !done)
            return Error{"vote database " + file.string() + ": " + done.error().message, ""};
    return std::unique_ptr<VoteStore>(new VoteStore(std::move(*database)));
}

Result<std::vector<StoreOutcome>> VoteStore::StoreBatch(const std::vector<Vote>& votes, std::int64_t received_at_ms) {
    std::lock_guard lock(mutex_);
    auto transaction = SqliteTransaction::BeginImmediate(*database_);
    if (!transaction) return transaction.error();
    auto existing = database_->Prepare("SELECT kiosk_id FROM votes WHERE uuid = ?");
    auto dossier = database_->Prepare("SELECT 1 FROM votes WHERE dossier_code = ? AND suppression = '' LIMIT 1");
    auto insert = database_->Prepare(
        "INSERT INTO votes (uuid, kiosk_id, desk_id, rating, scale, satisfied, procedure_code, field_id, "
        "dossier_code, reason_code, recorded_at_ms, clock_synchronised, sequence, suppression, received_at_ms, "
        "counted_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!existing) return existing.error();
    if (!dossier) return dossier.error();
    if (!insert) return insert.error();

    std::vector<StoreOutcome> outcomes;
    for (const Vote& vote : votes) {
        existing->Reset();
        auto found = existing->Bind(1, vote.uuid).Step();
        if (!found) return found.error();
        if (*found) {
            if (existing->Text(0) == vote.kiosk_id) outcomes.push_back({StoreVerdict::Duplicate, ""});
            else outcomes.push_back({StoreVerdict::Rejected, "uuid_conflict: another kiosk sent this UUID"});
            continue;
        }
        Suppression suppression = vote.suppression;
        if (suppression == Suppression::None && !vote.dossier_code.empty()) {
            dossier->Reset();
            auto rated = dossier->Bind(1, vote.dossier_code).Step();
            if (!rated) return rated.error();
            if (*rated) suppression = Suppression::DossierAlreadyRated;
        }
        insert->Reset();
        insert->Bind(1, vote.uuid).Bind(2, vote.kiosk_id).Bind(3, vote.desk_id);
        insert->Bind(4, std::int64_t{vote.rating}).Bind(5, std::int64_t{vote.scale});
        insert->Bind(6, std::int64_t{IsSatisfied(vote.rating, vote.scale)});
        insert->BindOptional(7, vote.procedure_code).BindOptional(8, vote.field_id);
        insert->BindOptional(9, vote.dossier_code).BindOptional(10, vote.reason_code);
        insert->Bind(11, vote.recorded_at_ms).Bind(12, std::int64_t{vote.clock_synchronised});
        insert->Bind(13, vote.sequence).Bind(14, SuppressionName(suppression)).Bind(15, received_at_ms);
        insert->Bind(16, vote.clock_synchronised ? vote.recorded_at_ms : received_at_ms);
        if (auto stored = insert->Run(); !stored) return stored.error();
        outcomes.push_back({StoreVerdict::Accepted, ""});
    }
    if (auto committed = transaction->Commit(); !committed) return committed.error();
    return outcomes;
}

Result<std::vector<SummaryRow>> VoteStore::Summary(const std::string& from_day, const std::string& to_day) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(std::string("SELECT ") + kLocalDay +
                                     " AS day, desk_id, scale, rating, SUM(suppression = ''), SUM(suppression <> '') "
                                     "FROM votes WHERE (?1 = '' OR day >= ?1) AND (?2 = '' OR day <= ?2) "
                                     "GROUP BY day, desk_id, scale, rating ORDER BY day, desk_id, scale, rating");
    if (!select) return select.error();
    select->Bind(1, from_day).Bind(2, to_day);
    std::vector<SummaryRow> rows;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back({select->Text(0), select->Text(1), static_cast<int>(select->Integer(2)),
                        static_cast<int>(select->Integer(3)), select->Integer(4), select->Integer(5)});
    }
    return rows;
}

Result<std::vector<SatisfactionRow>> VoteStore::Satisfaction(const std::string& label_sql, std::int64_t from_ms,
                                                              std::int64_t to_ms) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare("SELECT " + label_sql +
                                     " AS label, SUM(suppression = ''), SUM(suppression = '' AND satisfied), "
                                     "SUM(suppression <> '') FROM votes WHERE counted_at_ms >= ?1 AND counted_at_ms < ?2 "
                                     "GROUP BY label ORDER BY label");
    if (!select) return select.error();
    select->Bind(1, from_ms).Bind(2, to_ms);
    std::vector<SatisfactionRow> rows;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back({select->Text(0), select->Integer(1), select->Integer(2), select->Integer(3)});
    }
    return rows;
}

Result<std::vector<SatisfactionRow>> VoteStore::ByMonth(std::int64_t from_ms, std::int64_t to_ms) {
    return Satisfaction("strftime('%Y-%m', counted_at_ms / 1000, 'unixepoch', 'localtime')", from_ms, to_ms);
}

Result<std::vector<SatisfactionRow>> VoteStore::ByDesk(std::int64_t from_ms, std::int64_t to_ms) {
    return Satisfaction("kiosk_id || ' / ' || desk_id", from_ms, to_ms);
}

Result<std::vector<SatisfactionRow>> VoteStore::ByField(std::int64_t from_ms, std::int64_t to_ms) {
    return Satisfaction("COALESCE(field_id, '')", from_ms, to_ms);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> VoteStore::Counts(const std::string& sql, std::int64_t from_ms,
                                                                            std::int64_t to_ms) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(sql);
    if (!select) return select.error();
    select->Bind(1, from_ms).Bind(2, to_ms);
    std::vector<std::pair<std::string, std::int64_t>> rows;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        rows.emplace_back(select->Text(0), select->Integer(1));
    }
    return rows;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> VoteStore::SuppressedByReason(std::int64_t from_ms,
                                                                                        std::int64_t to_ms) {
    return Counts("SELECT suppression, COUNT(*) FROM votes WHERE suppression <> '' AND counted_at_ms >= ?1 AND "
                  "counted_at_ms < ?2 GROUP BY suppression ORDER BY suppression",
                  from_ms, to_ms);
}

Result<std::vector<std::pair<std::string, std::int64_t>>> VoteStore::ReasonsGiven(std::int64_t from_ms,
                                                                                  std::int64_t to_ms) {
    return Counts("SELECT COALESCE(reason_code, '') AS reason, COUNT(*) AS votes FROM votes WHERE suppression = '' AND "
                  "NOT satisfied AND counted_at_ms >= ?1 AND counted_at_ms < ?2 GROUP BY reason "
                  "ORDER BY votes DESC, reason",
                  from_ms, to_ms);
}

Result<std::optional<std::int64_t>> VoteStore::LatestVoteMs() {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare("SELECT MAX(counted_at_ms), COUNT(*) FROM votes");
    if (!select) return select.error();
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row || select->Integer(1) == 0) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{select->Integer(0)};
}

Status VoteStore::ExportRows(const std::function<void(const std::vector<std::string>&)>& row, std::int64_t from_ms,
                             std::int64_t to_ms) {
    std::lock_guard lock(mutex_);
    row({"uuid", "kiosk_id", "desk_id", "rating", "scale", "satisfied", "procedure_code", "field_id", "dossier_code",
         "reason_code", "recorded_at", "clock_synchronised", "sequence", "suppressed", "suppression", "received_at"});
    auto select = database_->Prepare(
        "SELECT uuid, kiosk_id, desk_id, rating, scale, satisfied, procedure_code, field_id, dossier_code, "
        "reason_code, recorded_at_ms, clock_synchronised, sequence, suppression, received_at_ms "
        "FROM votes WHERE counted_at_ms >= ?1 AND counted_at_ms < ?2 ORDER BY rowid");
    if (!select) return select.error();
    select->Bind(1, from_ms).Bind(2, to_ms);
    while (true) {
        auto step = select->Step();
        if (!step) return step.error();
        if (!*step) break;
        std::string suppression = select->Text(13);
        row({select->Text(0), select->Text(1), select->Text(2), std::to_string(select->Integer(3)),
             std::to_string(select->Integer(4)), select->Integer(5) ? "1" : "0", select->Text(6), select->Text(7),
             select->Text(8), select->Text(9), FormatUtcTimestamp(select->Integer(10)),
             select->Integer(11) ? "1" : "0", std::to_string(select->Integer(12)), suppression.empty() ? "0" : "1",
             suppression, FormatUtcTimestamp(select->Integer(14))});
    }
    return Success();
}

}  // namespace kiosk::server
