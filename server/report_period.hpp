#pragma once
// ReportPeriod: the stretch of time a report covers, as a commune reports: a quarter (the
// administrative-reform report is quarterly), a month or a year, in the server's local
// time. Written in URLs as "2026-Q4", "2026-11" or "2026".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::server {

struct ReportPeriod {
    enum class Kind { Month, Quarter, Year };
    Kind kind = Kind::Quarter;
    int year = 2026;
    int number = 1;  // the month 1–12 or the quarter 1–4; unused for a year

    static std::optional<ReportPeriod> Parse(std::string_view text);
    static ReportPeriod QuarterOf(std::int64_t unix_ms);  // local time

    std::string Code() const;   // "2026-Q4"
    std::string Title() const;  // "Quý IV năm 2026", "Tháng 11 năm 2026", "Năm 2026"
    std::string DateRange() const;  // "01/10/2026 – 31/12/2026"
    std::int64_t StartMs() const;   // local midnight of the first day
    std::int64_t EndMs() const;     // local midnight after the last day (exclusive)
    int FirstMonth() const;         // 1–12
    int MonthCount() const;         // 1, 3 or 12
    ReportPeriod Previous() const;
    ReportPeriod Next() const;
    bool operator==(const ReportPeriod&) const = default;
};

// "IV" for 4: quarters are written in Roman numerals in Vietnamese reports.
std::string RomanQuarter(int quarter);
// The local midnight starting the first day of a month (month may be 13: January next year).
std::int64_t MonthStartMs(int year, int month);

}  // namespace kiosk::server
