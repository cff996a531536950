#pragma once
// Channel: one row of "Cách thức thực hiện": how to file (in person, online, by post),
// with its own time and fee.
#include <optional>
#include <string>

#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::content {

enum class ChannelKind { InPerson, Online, Post, Other };

struct Channel {
    ChannelKind kind = ChannelKind::Other;
    std::string name;  // "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính"
    ProcessingTime time;
    Fee fee;
    std::string description;  // the row's "Mô tả" text
};

const char* ChannelKindCode(ChannelKind kind);  // "truc_tiep", "truc_tuyen", "buu_chinh", "khac"
std::optional<ChannelKind> ChannelKindFromCode(std::string_view code);
// "Trực tuyến" → Online, … (folded comparison, so NFD or odd case still match).
ChannelKind ChannelKindFromPortalName(std::string_view name);

}  // namespace kiosk::content
