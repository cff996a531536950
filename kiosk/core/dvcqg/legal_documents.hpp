#pragma once
// The titles of "Căn cứ pháp lý" as the scrape glued them, and what a title tells that the
// portal does not give as a field: the date a document was signed (when its title says
// "số <number> ngày 15/11/2015"). Numbers and issuers: legal_numbers.hpp.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content/procedure.hpp"

namespace kiosk::dvcqg {

// "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ …" with that number →
// "2015-11-15"; "ngày 28 tháng 3 năm 2023" too. Only a date right after the document's own
// number counts (a title often cites other documents' dates). "" when there is none.
std::string DateAfterNumber(std::string_view title, std::string_view number);

// The scrape glues the number column's own words to the title: "…của Bộ Tư phápThông tư
// số" (title, then "Thông tư số" of the number cell). Removes such a glued tail when it is
// only a document type ("Thông tư số", "Luật", "Nghị định"); true when it did.
bool RemoveGluedTypeTail(std::string& title);

// The scrape loses the first letter of a title that follows a number ("…TT-BTChông tư số
// 06/2025/TT-BTC …"): restores a document type cut that way ("hông tư " → "Thông tư ");
// true when it did.
bool RestoreCutTypeWord(std::string& title);

// The scrape glues whole rows too: "…của Bộ Tư pháp08/2025/TT-BTP quy định mức thu …" is
// one document's title, its number, then the next one's title; "…Môi trườngNghị định số
// 131/2025/NĐ-CP …" the same with the number cell's words. Splits every such title into one
// document each (the glued number with the text before it; the rest stays the title of the
// document it was filed under), filling the title of a number listed without one. Returns
// how many titles were split.
int SplitGluedDocuments(std::vector<content::LegalDocument>& documents);

// A title that still has two sentences glued without a space ("…y tếLuật …",
// "…Bộ Tư phápThông tư …"): a lower-case letter right before a capitalised word.
bool HasGluedWords(std::string_view title);

}  // namespace kiosk::dvcqg
