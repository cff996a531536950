#pragma once
// ProcessingTime: how long one channel takes. The unit is kept exactly as published:
// 357 portal records give a number with no unit, and we never guess one.
#include <string>

namespace kiosk::content {

struct ProcessingTime {
    std::string value;  // "3", "0.5", "" when the portal gave no figure
    std::string unit;   // "Ngày làm việc", "Ngày", "Giờ", "Tháng", or "" (unknown)
    std::string text;   // the whole published text, e.g. "3 Ngày làm việc"
};

}  // namespace kiosk::content
