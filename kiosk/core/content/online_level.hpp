#pragma once
// OnlineLevel: how far a procedure can be done online (Decree 42/2022). The portal data has
// no such field: the importer derives it from the channels the portal lists (a "Trực
// tuyến" channel means the file can be filed online) and from "toàn trình" / "một phần"
// in the name or the online channel's description.
#include <optional>
#include <string_view>

namespace kiosk::content {

enum class OnlineLevel {
    FullyOnline,      // toàn trình (old "mức độ 4")
    Partly,           // một phần (old "mức độ 3")
    OnlineFiling,     // the portal lists a Trực tuyến channel; how far online is not said
    InformationOnly,  // thông tin only: read online, file at the desk
    None,             // channels listed, none online: file at the desk or by post
    Unknown,          // no channels at all: shown as "Hỏi cán bộ một cửa"
};

const char* OnlineLevelCode(OnlineLevel level);  // "toan_trinh", "mot_phan", "truc_tuyen", "thong_tin", "none", "unknown"
std::optional<OnlineLevel> OnlineLevelFromCode(std::string_view code);

}  // namespace kiosk::content
