#pragma once
// A ProcedurePage as JSON, member for member, for `kiosk procedure show --json`: scripts
// and tests read exactly the words the screen draws.
#include <nlohmann/json.hpp>

#include "kiosk/core/page/procedure_page.hpp"

namespace kiosk::page {

nlohmann::ordered_json PageToJson(const ProcedurePage& page);

}  // namespace kiosk::page
