#pragma once
// SearchEntry: what the index needs to know about one procedure.
#include <string>

namespace kiosk::search {

struct SearchEntry {
    std::string code;
    std::string name;  // NFC, as shown
    bool commune_level = false;
    // The portal's đối tượng thực hiện names only organisations (OrganisationsOnly): a
    // citizen at the kiosk rarely means it when a version for people exists.
    bool organisations_only = false;
};

}  // namespace kiosk::search
