#pragma once
// Plain display helpers the screens and the command line share, so every place writes
// "3 ngày làm việc", "50.000 đồng", "Miễn phí" and "Chưa xác minh" the same way.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/online_level.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::content {

// What citizens read for anything the content does not know. Never a blank.
inline constexpr const char* kNotVerified = "Chưa xác minh";

// 50000 → "50.000" (Vietnamese groups thousands with dots).
std::string FormatGroupedNumber(long long number);
// 50000 → "50.000 đồng"; 0 → "Miễn phí".
std::string FormatDong(long long amount);
// "Miễn phí", "50.000 đồng", the portal's text ("10 USD"), or "Chưa xác minh".
std::string FormatFee(const Fee& fee);
// "3 ngày làm việc", "24 giờ", "0,5 ngày"; a number without unit keeps saying so:
// "3 (không ghi đơn vị)"; nothing known: "Chưa xác minh".
std::string FormatTime(const ProcessingTime& time);
// "Toàn trình (mức độ 4)", "Một phần (mức độ 3)", "Chỉ cung cấp thông tin", "Không nộp trực tuyến",
// "Chưa xác minh".
std::string OnlineLevelLabel(OnlineLevel level);

// "At a glance" for lists: the in-person channel's figures when there is one (that is what
// a citizen at the desk does), else the first channel's. Fees: "Miễn phí" only when every
// channel is free.
std::string GlanceTime(const Procedure& procedure);
std::string GlanceFee(const Procedure& procedure);

// "2026-12-01" → "01/12/2026", the way Vietnamese forms write a date; other text as given.
std::string FormatDayMonthYear(std::string_view iso_date);

// Whole days from `created` to `today` (both YYYY-MM-DD); nullopt when either is unreadable.
std::optional<int> DaysBetween(std::string_view created, std::string_view today);
// Today's date in local time, YYYY-MM-DD.
std::string TodayIsoDate();

}  // namespace kiosk::content
