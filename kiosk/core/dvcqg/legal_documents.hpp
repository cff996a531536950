#pragma once
// The parts of one legal document of "Căn cứ pháp lý" that the portal does not give as
// fields: who issued it (from its number's suffix: "…/NĐ-CP" is the Government's) and the
// date it was signed (when its title says "số <number> ngày 15/11/2015").
#include <string>
#include <string_view>

namespace kiosk::dvcqg {

// "123/2015/NĐ-CP" → "Chính phủ"; "53/2025/TT-BCA" → "Bộ Công an"; "60/2014/QH13" → "Quốc hội";
// "" when the suffix is not one we know.
std::string IssuerFromNumber(std::string_view number);

// "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ …" with that number →
// "2015-11-15"; "ngày 28 tháng 3 năm 2023" too. Only a date right after the document's own
// number counts (a title often cites other documents' dates). "" when there is none.
std::string DateAfterNumber(std::string_view title, std::string_view number);

// The scrape glues the number column's own words to the title: "…của Bộ Tư phápThông tư
// số" (title, then "Thông tư số" of the number cell). Removes such a glued tail when it is
// only a document type ("Thông tư số", "Luật", "Nghị định"); true when it did.
bool RemoveGluedTypeTail(std::string& title);

// A title that still has two sentences glued without a space ("…y tếLuật …",
// "…Bộ Tư phápThông tư …"): a lower-case letter right before a capitalised word.
bool HasGluedWords(std::string_view title);

}  // namespace kiosk::dvcqg
