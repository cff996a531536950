#pragma once
// SearchEntry: what the index needs to know about one procedure.
#include <string>

namespace kiosk::search {

struct SearchEntry {
    std::string code;
    std::string name;  // NFC, as shown
    bool commune_level = false;
};

}  // namespace kiosk::search
