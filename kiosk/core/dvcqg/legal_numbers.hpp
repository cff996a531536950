#pragma once
// The numbers of "Căn cứ pháp lý" ("123/2015/NĐ-CP"): who issued a document, read from its
// number's last part, and the repair of numbers the scrape cut from the glued table.
// The scrape's `legal_refs` cut each number with a pattern that
// - runs on into the next title's first letters: "166/2016/NĐ-CPLU" of "…NĐ-CPLUẬT Bảo hiểm
//   xã hội", "07/2023/TT-BTPBAN" of "…BTPBAN HÀNH", "2222/QĐ-BHXHNgh" of "…BHXHNghị định";
// - stops short of a lower-case letter: "24/2021/QĐ-T" of "24/2021/QĐ-TTg";
// - starts inside the year that ends the title before it: "3016/2026/QĐ-UBND" of "giai đoạn
//   2026-203016/2026/QĐ-UBND" (the year 2030, then 16/2026/QĐ-UBND);
// - and misses numbers the table writes twice ("Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTP":
//   the title cell ends with the number, then the number cell).
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::dvcqg {

// "123/2015/NĐ-CP" → "Chính phủ"; "53/2025/TT-BCA" → "Bộ Công an"; "60/2014/QH13" → "Quốc hội";
// "" when the suffix is not one we know.
std::string IssuerFromNumber(std::string_view number);

// `number` as the table really writes it, given the glued table it was cut from; unchanged
// when it is right, or when the text cannot tell.
std::string RepairScrapedNumber(const std::string& number, std::string_view glued_table);

// Numbers the table writes twice in a row, title cell then number cell, in table order.
std::vector<std::string> DoubledNumbers(std::string_view glued_table);

}  // namespace kiosk::dvcqg
