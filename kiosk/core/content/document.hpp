#pragma once
// Document: one row of "Thành phần hồ sơ" that is a paper to bring: everyone brings it
// (Paper) or only in a case the portal names (ConditionalPaper, shown under its condition
// after the papers everyone needs). The portal's rows that are notes ("Lưu ý", "0 bản
// chính" explanations) are not Documents: they are Procedure::document_notes.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class DocumentKind {
    Paper,             // everyone brings it
    ConditionalPaper,  // "Trường hợp … thì phải có …": only when `condition` applies
};

struct Document {
    DocumentKind kind = DocumentKind::Paper;
    std::string group;      // the portal's sub-heading ("Giấy tờ phải nộp", "Giấy tờ phải xuất trình"), may be empty
    std::string name;       // the paper: "Giấy chứng sinh", "Tờ khai đăng ký khai sinh theo mẫu"
    std::string condition;  // ConditionalPaper only: when it is needed ("trẻ em bị bỏ rơi"); empty for Paper
    std::string details;    // the rest of the portal's row (substitutes, exceptions), may be empty
    std::string form;       // the portal's form template file name (Mẫu đơn, tờ khai), may be empty
    int originals = 0;      // "1 bản chính"
    int copies = 0;         // "1 bản sao"; originals + copies > 0 for every Document
    std::string quantity_text;  // "1 bản chính, 1 bản sao"
};

const char* DocumentKindCode(DocumentKind kind);  // "giay_to", "giay_to_theo_truong_hop"
std::optional<DocumentKind> DocumentKindFromCode(std::string_view code);

}  // namespace kiosk::content
