#pragma once
// VoteSummary: this kiosk's counted votes this month and this year, for the "reform
// results" screen. Suppressed and rejected votes are left out, as on the server's report.
// Months and years follow the kiosk's local time zone (TZ, Asia/Ho_Chi_Minh in production).
#include <cstdint>
#include <optional>
#include <vector>

#include "kiosk/core/result.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"

namespace kiosk {

struct VotePeriodSummary {
    std::int64_t from_ms = 0;  // [from, to) in wall-clock milliseconds
    std::int64_t to_ms = 0;
    std::int64_t total = 0;
    std::int64_t satisfied = 0;           // ratings at or above "Hài lòng"
    std::vector<RatingCount> by_rating;   // ordered by scale, then rating

    // 0..100, or nothing when there are no votes (show "—", not 0 %).
    std::optional<double> SatisfiedPercent() const;
};

struct VoteSummary {
    VotePeriodSummary this_month;
    VotePeriodSummary this_year;
};

Result<VoteSummary> SummarizeVotes(VoteOutbox& outbox, std::int64_t now_ms);

}  // namespace kiosk
