#pragma once
// How the staff screens say dates, sizes and durations: the way people read them
// ("03/12/2026", "1,5 GB", "2 giờ 15 phút"), never "content_version=12" or a byte count.
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::staff {

// "2026-12-03" or "2026-12-03T09:15:00Z" → "03/12/2026"; "" when it is not such a date.
std::string VietnameseDate(std::string_view iso_date);
// Whole days from that date (midnight UTC) to now; nullopt when it is not a date.
std::optional<long long> DaysSince(std::string_view iso_date, std::time_t now);
// "09:41 ngày 03/12/2026" in local time.
std::string VietnameseDateTime(std::time_t time);
// "2026-12-03T09:15:00Z" (UTC) → "16:15 ngày 03/12/2026" in local time; only the date when
// there is no time of day; "" when it is not a date.
std::string VietnameseDateTimeOfIso(std::string_view iso_time);
// "512 byte", "350 KB", "1,2 MB", "850 MB", "1,5 GB" (decimal units, decimal comma; one
// decimal below 10).
std::string VietnameseBytes(std::uint64_t bytes);
// "45 giây", "5 phút", "2 giờ 15 phút", "3 ngày 2 giờ".
std::string VietnameseDuration(std::int64_t seconds);
// "2.642" (a dot between thousands).
std::string VietnameseCount(long long count);
// The audit log's action code in words: "install_usb" → "Cài đặt từ USB".
std::string AuditActionWords(std::string_view action);

}  // namespace kiosk::staff
