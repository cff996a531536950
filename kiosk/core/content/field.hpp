#pragma once
// Field: a lĩnh vực (Hộ tịch, Đất đai, …) shown as a tile, in display order.
#include <string>

namespace kiosk::content {

struct Field {
    std::string id;    // stable slug, e.g. "ho-tich"
    std::string name;  // "Hộ tịch"
    int display_order = 0;  // smaller first
};

}  // namespace kiosk::content
