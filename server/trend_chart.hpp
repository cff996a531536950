#pragma once
// TrendChartSvg: the satisfaction rate month by month as an SVG bar chart, drawn on the
// server (a commune LAN reaches no chart library on the internet, and the page has no
// script). The target line is drawn across; months of the reported period are solid, the
// months before them, shown for the trend, are paler. Prints as it shows.
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::server {

struct TrendMonth {
    std::string label;         // "11/2026"
    std::int64_t counted = 0;  // votes counted
    std::int64_t satisfied = 0;
    bool in_period = true;
};

std::string TrendChartSvg(const std::vector<TrendMonth>& months, double target_percent);

}  // namespace kiosk::server
