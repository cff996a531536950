#pragma once
// The hand-written parts of imported content, kept in source so that an import is
// complete and deterministic: the demo commune's manifest (every commune value marked as a
// demo) and the fields' display order. A real commune edits manifest.json after import;
// synonyms, guides, contacts, posters and results are content files the importer never
// writes (docs/content-format.md).
#include <string>
#include <vector>

#include "kiosk/core/content/manifest.hpp"

namespace kiosk::dvcqg {

content::Manifest DemoManifest();
// Field names (as the portal writes them) in the order their tiles appear; the rest follow
// alphabetically.
const std::vector<std::string>& PreferredFieldOrder();

}  // namespace kiosk::dvcqg
