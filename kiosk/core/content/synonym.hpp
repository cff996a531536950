#pragma once
// Synonym: how citizens say it → how the procedure names say it ("sổ đỏ" → "giấy chứng
// nhận quyền sử dụng đất"). Ships with the content (synonyms.json, one group per field, so a
// commune can review it field by field) and is extended by the commune or the province.
#include <string>
#include <vector>

namespace kiosk::content {

struct Synonym {
    std::string phrase;              // what people type, with or without diacritics
    std::vector<std::string> means;  // one or more phrases found in procedure names
    std::string field;               // the fields.json id of its group; "" = words used across fields
};

}  // namespace kiosk::content
