#pragma once
// The report commune staff open in a browser (`/report?period=2026-Q4`): what the
// commune writes in its quarterly administrative-reform report about citizens'
// satisfaction — the rate for the period, per month and per quarter, per desk and per
// field, the reasons the dissatisfied gave, and how many votes were not counted (repeats;
// staff test votes) — with a trend chart drawn on the server as SVG, a print style for A4,
// and a link to the same period's votes as CSV. No script, no file from elsewhere: it
// works on a commune LAN that reaches no internet. Vietnamese, because staff read it.
#include <optional>
#include <ostream>
#include <string>

#include "kiosk/core/result.hpp"
#include "server/report_period.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

// Without a period: the quarter of the latest vote (the current quarter when there is none).
Result<std::string> RenderReportPage(VoteStore& store, std::optional<ReportPeriod> period = std::nullopt);

// The period's votes, one CSV row each (the columns of `kiosk-server export --csv`).
Status WritePeriodCsv(VoteStore& store, const ReportPeriod& period, std::ostream& out);

// The period the page shows when none is asked for.
Result<ReportPeriod> DefaultReportPeriod(VoteStore& store);

}  // namespace kiosk::server
