#pragma once
// Parsers for the portal's tables as the raw scrape flattened them ("Tên giấy tờMẫu đơn,
// tờ khaiSố lượngTờ khai…1 bản chính,1 bản sao…"), plus the fee and time cells of the
// parsed JSONL. Heuristics, each documented where it is made; input is NFC already.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content/document.hpp"
#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/processing_time.hpp"
#include "kiosk/core/content/procedure.hpp"

namespace kiosk::dvcqg {

// "Thành phần hồ sơ": rows end with their quantity ("1 bản chính", "0 bản chính,1 bản sao");
// a form file name ("…PC21.docx") may sit just before it; text before a table header is the
// group title for the rows that follow. The rows come out as the portal wrote them, papers
// and notes mixed: ClassifyDocumentRows (portal_documents.hpp) sorts them.
std::vector<content::Document> ParseDocumentsTable(std::string_view glued);

// "Kết quả": "<name>Mã: KQ.G01.000064<name>Mã: …" followed by page UI text ("Từ khóa…",
// "Chọn cơ quan thực hiện…"), which is dropped. Sets stripped_page_text when it was there.
std::vector<content::ProcedureResult> ParseResults(std::string_view glued, bool& stripped_page_text);

// "Căn cứ pháp lý": "<title><code><title><code>…"; `codes` are the JSONL's legal_refs,
// repaired against the table first (legal_numbers.hpp; `repaired_numbers` counts them). A
// code ends a row when an upper-case letter or the end follows it.
std::vector<content::LegalDocument> ParseLegalBasis(std::string_view glued, const std::vector<std::string>& codes,
                                                    int* repaired_numbers = nullptr);

// "5,000 Việt Nam Đồng" / "100,000 VNĐ" → 5000 / 100000 đồng; "Miễn phí", "0 …" → free;
// "" → unknown; anything else ("10 USD") kept as text.
content::Fee ParseFee(std::string_view text);

}  // namespace kiosk::dvcqg
