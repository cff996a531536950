#pragma once
// Cleaning the portal's text: NFC, "Không có thông tin" (the portal's empty marker) as
// empty, tabs and no-break spaces collapsed, line breaks kept where they separate
// paragraphs. Each cleaning that changed something is counted for the import report.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/dvcqg/import_report.hpp"

namespace kiosk::dvcqg {

inline constexpr std::string_view kNoInformation = "Không có thông tin";

// Cuts the page's UI text the scrape glued after the last section of a page ("Từ khóa…
// Mô tả…", "Chọn cơ quan thực hiện … Nộp hồ sơ"); true when there was some.
bool StripPageText(std::string& text);

// One line of text: NFC, whitespace collapsed, the empty marker → "".
std::string CleanLine(std::string_view raw, ImportReport& report);
// Paragraphs: each line cleaned, empty lines dropped.
std::vector<std::string> CleanParagraphs(std::string_view raw, ImportReport& report);
// Paragraphs joined with "\n".
std::string CleanText(std::string_view raw, ImportReport& report);

}  // namespace kiosk::dvcqg
