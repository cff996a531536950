#pragma once
// ProcessingTime: how long one channel takes, with a real unit or an explicit Unknown.
// The importer reads the unit from the portal's unit cell, the value itself ("01 ngày làm
// việc", "Trong ngày") and the channel's description; it never guesses one. Unknown is
// shown to citizens as "Hỏi cán bộ một cửa", never as a bare number.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class TimeUnit {
    WorkingDays,  // ngày làm việc
    Days,         // ngày
    Hours,        // giờ (giờ làm việc too)
    Months,       // tháng
    SameDay,      // "Trong ngày": value is empty
    Unknown,      // the portal gives a number (or nothing) and no unit anywhere
};

struct ProcessingTime {
    std::string value;  // "3", "0.5", "" when there is no figure (or SameDay)
    TimeUnit unit = TimeUnit::Unknown;
    std::string text;   // the portal's own words for the time, e.g. "3 Ngày làm việc", "1"
};

const char* TimeUnitCode(TimeUnit unit);  // "ngay_lam_viec", "ngay", "gio", "thang", "trong_ngay", "unknown"
std::optional<TimeUnit> TimeUnitFromCode(std::string_view code);

}  // namespace kiosk::content
