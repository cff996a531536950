#pragma once
// OnlineLevel: how far a procedure can be done online (Decree 42/2022). The portal data has
// no such field, so the importer derives it carefully and leaves Unknown when in doubt.
#include <optional>
#include <string_view>

namespace kiosk::content {

enum class OnlineLevel {
    FullyOnline,      // toàn trình (old "mức độ 4")
    Partly,           // một phần (old "mức độ 3")
    InformationOnly,  // thông tin only: read online, file at the desk
    None,             // no online filing
    Unknown,          // not verified: shown as "Chưa xác minh", never blank
};

const char* OnlineLevelCode(OnlineLevel level);  // "toan_trinh", "mot_phan", "thong_tin", "none", "unknown"
std::optional<OnlineLevel> OnlineLevelFromCode(std::string_view code);

}  // namespace kiosk::content
