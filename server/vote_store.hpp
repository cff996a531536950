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
    Result<std::vector<SatisfactionRow>> ByMonth();
    Result<std::vector<SatisfactionRow>> ByDesk();
    // Suppressed votes by why they were suppressed.
    Result<std::vector<std::pair<std::string, std::int64_t>>> SuppressedByReason();

    // Every vote in arrival order, as CSV-ready fields; the first call gives the header.
    Status ExportRows(const std::function<void(const std::vector<std::string>&)>& row);

private:
    explicit VoteStore(std::unique_ptr<SqliteDatabase> database) : database_(std::move(database)) {}
    Result<std::vector<SatisfactionRow>> Satisfaction(const std::string& label_sql);

    std::unique_ptr<SqliteDatabase> database_;
    std::mutex mutex_;  // cpp-httplib serves on a thread pool; one connection, one writer at a time
};

}  // namespace kiosk::server
