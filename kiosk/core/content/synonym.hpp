#pragma once
// Synonym: how citizens say it → how the procedure names say it ("sổ đỏ" → "giấy chứng
// nhận quyền sử dụng đất"). Ships with the content so a province can extend it.
#include <string>
#include <vector>

namespace kiosk::content {

struct Synonym {
    std::string phrase;              // what people type, with or without diacritics
    std::vector<std::string> means;  // one or more phrases found in procedure names
};

}  // namespace kiosk::content
