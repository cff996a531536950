#pragma once
// The page's own words for the portal's figures, in the kiosk's language: "3 ngày làm việc" /
// "3 working days", "50.000 đồng" / "50,000 VND", "Miễn phí" / "Free". Where the portal gives
// no usable figure a citizen reads "Hỏi cán bộ một cửa" ("Ask at the desk"), never a staff
// word like "Chưa xác minh" or "(không ghi đơn vị)".
#include <string>

#include "kiosk/core/config.hpp"
#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::page {

// 50000 → "50.000" in Vietnamese, "50,000" in English.
std::string GroupedNumber(long long number, Language language);
// "3 ngày làm việc", "0,5 ngày", "24 giờ"; no unit or no figure: "Hỏi cán bộ một cửa".
std::string TimeWords(const content::ProcessingTime& time, Language language);
// "Miễn phí", "50.000 đồng", the portal's own words for a fee we cannot turn into đồng;
// nothing known: "Hỏi cán bộ một cửa".
std::string FeeWords(const content::Fee& fee, Language language);

}  // namespace kiosk::page
