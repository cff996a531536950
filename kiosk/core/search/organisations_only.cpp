#include "kiosk/core/search/organisations_only.hpp"

#include <string>

namespace kiosk::search {

bool OrganisationsOnly(std::string_view subjects) {
    // The portal writes its audiences from one fixed list, in NFC, with or without a capital
    // ("Công dân Việt Nam", "Người nước ngoài", "Cán bộ, công chức, viên chức"). Plain byte
    // search, not folding: this runs for every procedure each time the index is built.
    if (subjects.find_first_not_of(" ,.;") == std::string_view::npos) return false;
    for (const char* person : {"Công dân", "công dân", "Người", "người", "Cá nhân", "cá nhân", "Hộ gia đình", "hộ gia đình",
                               "Cán bộ", "cán bộ"})
        if (subjects.find(person) != std::string_view::npos) return false;
    return true;
}

}  // namespace kiosk::search
