#pragma once
// VoteStore: the commune server's votes, one SQLite file (WAL, synchronous=FULL). A batch
// is committed before the server answers, so an "accepted" is never taken back by a
// crash. Deduplication is by UUID: a kiosk that resends after a lost answer hears
// "duplicate" and nothing is counted twice. One counted vote per dossier code across
// all kiosks: later ones are stored, marked suppressed, and reported apart.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <climits>
#include <mutex>
#include <string>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"
#include "kiosk/core/votes/vote.hpp"

namespace kiosk::server {

enum class StoreVerdict { Accepted, Duplicate, Rejected };

struct StoreOutcome {
    StoreVerdict verdict = StoreVerdict::Rejected;
    std::string reason;  // for Rejected
};

// One row of the summary: counts for a day, desk and rating.
struct SummaryRow {
    std::string day;  // YYYY-MM-DD in the server's local time
    std::string desk_id;
    int scale = 0;
    int rating = 0;
    std::int64_t counted = 0;
    std::int64_t suppressed = 0;
};

// Counts for the report page, grouped by a label (a month or a desk).
struct SatisfactionRow {
    std::string label;
    std::int64_t counted = 0;
    std::int64_t satisfied = 0;
    std::int64_t suppressed = 0;
};

class VoteStore {
public:
    static Result<std::unique_ptr<VoteStore>> Open(const std::filesystem::path& file);

    // Stores valid votes in one transaction; returns one outcome per vote, in order.
    Result<std::vector<StoreOutcome>> StoreBatch(const std::vector<Vote>& votes, std::int64_t received_at_ms);

    // from_day/to_day are YYYY-MM-DD (inclusive) or empty for no bound.
    Result<std::vector<SummaryRow>> Summary(const std::string& from_day, const std::string& to_day);
    // The report's groupings, over the votes counted for [from_ms, to_ms) (counted_at_ms:
    // the kiosk's time when its clock was synchronised, else the time of arrival). Only
    // votes with no suppression are counted; suppressed ones (repeats, and any other kind
    // a kiosk marks, such as staff test votes) are only counted apart.
    static constexpr std::int64_t kAllTime = INT64_MAX;
    Result<std::vector<SatisfactionRow>> ByMonth(std::int64_t from_ms = INT64_MIN, std::int64_t to_ms = kAllTime);
    Result<std::vector<SatisfactionRow>> ByDesk(std::int64_t from_ms = INT64_MIN, std::int64_t to_ms = kAllTime);
    Result<std::vector<SatisfactionRow>> ByField(std::int64_t from_ms = INT64_MIN, std::int64_t to_ms = kAllTime);
    // Suppressed votes by why they were suppressed.
    Result<std::vector<std::pair<std::string, std::int64_t>>> SuppressedByReason(std::int64_t from_ms = INT64_MIN,
                                                                                 std::int64_t to_ms = kAllTime);
    // Counted votes that were not satisfied, by the reason the citizen picked ("" none).
    Result<std::vector<std::pair<std::string, std::int64_t>>> ReasonsGiven(std::int64_t from_ms, std::int64_t to_ms);
    // The latest counted_at_ms of any vote; nothing when there is no vote.
    Result<std::optional<std::int64_t>> LatestVoteMs();

    // Every vote in arrival order, as CSV-ready fields; the first call gives the header.
    // With a range: only the votes counted for [from_ms, to_ms).
    Status ExportRows(const std::function<void(const std::vector<std::string>&)>& row, std::int64_t from_ms = INT64_MIN,
                      std::int64_t to_ms = kAllTime);

private:
    explicit VoteStore(std::unique_ptr<SqliteDatabase> database) : database_(std::move(database)) {}
    Result<std::vector<SatisfactionRow>> Satisfaction(const std::string& label_sql, std::int64_t from_ms,
                                                      std::int64_t to_ms);
    Result<std::vector<std::pair<std::string, std::int64_t>>> Counts(const std::string& sql, std::int64_t from_ms,
                                                                     std::int64_t to_ms);

    std::unique_ptr<SqliteDatabase> database_;
    std::mutex mutex_;  // cpp-httplib serves on a thread pool; one connection, one writer at a time
};

}  // namespace kiosk::server
