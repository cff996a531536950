#include "kiosk/core/votes/vote_summary.hpp"

#include <ctime>

#include "kiosk/core/votes/vote.hpp"

namespace kiosk {
namespace {

std::int64_t LocalMidnightMs(int year, int month_zero_based, int day) {
    std::tm parts{};
    parts.tm_year = year - 1900;
    parts.tm_mon = month_zero_based;  // mktime normalises month 12 into January of next year
    parts.tm_mday = day;
    parts.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&parts)) * 1000;
}

Result<VotePeriodSummary> Summarize(VoteOutbox& outbox, std::int64_t from_ms, std::int64_t to_ms) {
    VotePeriodSummary summary;
    summary.from_ms = from_ms;
    summary.to_ms = to_ms;
    auto counts = outbox.CountByRating(from_ms, to_ms);
    if (!counts) return counts.error();
    summary.by_rating = std::move(*counts);
    for (const auto& count : summary.by_rating) {
        summary.total += count.count;
        if (IsSatisfied(count.rating, count.scale)) summary.satisfied += count.count;
    }
    return summary;
}

}  // namespace

std::optional<double> VotePeriodSummary::SatisfiedPercent() const {
    if (total == 0) return std::nullopt;
    return 100.0 * static_cast<double>(satisfied) / static_cast<double>(total);
}

Result<VoteSummary> SummarizeVotes(VoteOutbox& outbox, std::int64_t now_ms) {
    std::time_t now = static_cast<std::time_t>(now_ms / 1000);
    std::tm local{};
    localtime_r(&now, &local);
    int year = local.tm_year + 1900;
    auto month = Summarize(outbox, LocalMidnightMs(year, local.tm_mon, 1), LocalMidnightMs(year, local.tm_mon + 1, 1));
    if (!month) return month.error();
    auto whole_year = Summarize(outbox, LocalMidnightMs(year, 0, 1), LocalMidnightMs(year + 1, 0, 1));
    if (!whole_year) return whole_year.error();
    return VoteSummary{std::move(*month), std::move(*whole_year)};
}

}  // namespace kiosk
