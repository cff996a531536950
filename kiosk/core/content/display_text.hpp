#pragma once
// Plain display helpers the screens and the command line share, so every place writes
// "3 ngày làm việc", "50.000 đồng", "Miễn phí" and "Hỏi cán bộ một cửa" the same way.
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/online_level.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::content {

// What citizens read for anything the content does not know (a time without a unit, no fee,
// no channels): the desk knows, so the page sends them there — never a blank, never a staff
// word like "Chưa xác minh".
inline constexpr const char* kAskAtTheDesk = "Hỏi cán bộ một cửa";
// A fee the province's People's Council sets; the fee's description says the conditions.
inline constexpr const char* kProvinceSetFee = "Theo mức của tỉnh";

// 50000 → "50.000" (Vietnamese groups thousands with dots).
std::string FormatGroupedNumber(long long number);
// 50000 → "50.000 đồng"; 0 → "Miễn phí".
std::string FormatDong(long long amount);
// "Miễn phí", "50.000 đồng", "Theo mức của tỉnh", the portal's text ("10 USD"), or "Hỏi cán bộ một cửa".
// The fee's description is not part of it: pages show it under the fee, in full.
std::string FormatFee(const Fee& fee);
// "3 ngày làm việc", "24 giờ", "0,5 ngày", "Trong ngày"; a time with no unit:
// "Hỏi cán bộ một cửa (Cổng Dịch vụ công chỉ ghi số 1)"; nothing at all: "Hỏi cán bộ một cửa".
std::string FormatTime(const ProcessingTime& time);
// "Toàn trình (mức độ 4)", "Một phần (mức độ 3)", "Nộp trực tuyến được", "Chỉ cung cấp thông tin",
// "Không nộp trực tuyến", "Hỏi cán bộ một cửa".
std::string OnlineLevelLabel(OnlineLevel level);
// Where a citizen files: the procedure's reception address; else, for a procedure the
// commune handles, the commune's address from the manifest; else the executing or competent
// agency; else "Hỏi cán bộ một cửa".
std::string WhereToFile(const Procedure& procedure, const Commune& commune);

// "At a glance" for lists: the in-person channel's figures when there is one (that is what
// a citizen at the desk does), else the first channel's. Fees: "Miễn phí" only when every
// channel is free.
std::string GlanceTime(const Procedure& procedure);
std::string GlanceFee(const Procedure& procedure);

// "2026-02-28": YYYY-MM-DD naming a day the calendar has ("2026-13-45", "2026-02-30" are not).
bool IsCalendarDate(std::string_view text);
// Whole days from `created` to `today` (both YYYY-MM-DD); nullopt when either is unreadable.
std::optional<int> DaysBetween(std::string_view created, std::string_view today);
// Today's date in local time, YYYY-MM-DD.
std::string TodayIsoDate();

}  // namespace kiosk::content
