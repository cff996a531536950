#pragma once
// ContentBundle: everything one content directory holds, loaded and validated.
#include <vector>

#include "kiosk/core/content/commune_override.hpp"
#include "kiosk/core/content/contacts.hpp"
#include "kiosk/core/content/field.hpp"
#include "kiosk/core/content/guide.hpp"
#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/poster.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/content/published_results.hpp"
#include "kiosk/core/content/synonym.hpp"

namespace kiosk::content {

struct ContentBundle {
    Manifest manifest;
    std::vector<Field> fields;
    std::vector<Procedure> procedures;  // sorted by code, overrides.json already applied
    CommuneOverrides overrides;         // as overrides.json wrote them (empty when absent)
    std::vector<Synonym> synonyms;
    std::vector<Guide> guides;
    Contacts contacts;
    std::vector<Poster> posters;
    PublishedResults results;
};

}  // namespace kiosk::content
