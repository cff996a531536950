#pragma once
// Document: one paper of "Thành phần hồ sơ" a citizen brings.
#include <string>

namespace kiosk::content {

struct Document {
    std::string group;  // the sub-heading it sits under ("Giấy tờ phải xuất trình"), may be empty
    std::string name;
    std::string form;   // the portal's form file name (Mẫu đơn, tờ khai), may be empty
    int originals = 0;  // "1 bản chính"; 0 means show or only when the case applies
    int copies = 0;     // "1 bản sao"
    std::string quantity_text;  // as published, e.g. "1 bản chính, 1 bản sao"; empty if none
};

}  // namespace kiosk::content
