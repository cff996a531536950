#pragma once
// The rows of "Thành phần hồ sơ" sorted into what a citizen brings and what they read.
// The portal's table mixes three things under one "Số lượng" column:
// - papers ("Giấy chứng sinh … 1 bản chính"),
// - papers needed only in a case ("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản …"),
// - notes ("Lưu ý" rows, explanations with "0 bản chính").
// Rules, in order (docs/content-format.md, "Importing portal data"):
// 1. the portal's leading marks are removed; a row left empty is dropped;
// 2. a row under a "Lưu ý" heading is a note; a row with 0 originals and 0 copies is a note;
// 3. "Trường hợp / Nếu / Đối với trường hợp X thì (phải có) Y" is Y, conditional on X;
//    "Y trong trường hợp X" too; a row opening with a case that names no paper is a note;
// 4. "Y (…, nếu nộp trực tuyến)" is conditional on its channel, unless that channel is the
//    desk's ("trực tiếp"): the kiosk stands at the desk;
// 5. otherwise a paper: its name up to "; trường hợp …" or the first sentence, the rest
//    (substitutes, exceptions) kept as details;
// 6. a row repeating an earlier one (same name and condition) is dropped;
// papers everyone brings come first, conditional papers after, each in the portal's order.
#include <string>
#include <vector>

#include "kiosk/core/content/document.hpp"

namespace kiosk::dvcqg {

struct PortalDocuments {
    std::vector<content::Document> documents;
    std::vector<std::string> notes;
    int note_rows = 0;         // rows moved to notes
    int zero_quantity_rows = 0;  // of those: rows with 0 originals and 0 copies
    int conditional_rows = 0;  // rows made conditional papers
    int marks_removed = 0;     // rows whose leading portal mark was removed
    int duplicate_rows = 0;    // rows dropped as repeats
    int empty_rows = 0;        // rows dropped as empty
};

// `rows`: the table as ParseDocumentsTable (or the JSONL) split it, text cleaned.
PortalDocuments ClassifyDocumentRows(const std::vector<content::Document>& rows);

}  // namespace kiosk::dvcqg
