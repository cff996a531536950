#pragma once
// A ProcedurePage as plain text for a terminal (`kiosk procedure show`), in the screen's
// order. Layout only: every word comes from the page.
#include <string>

#include "kiosk/core/page/procedure_page.hpp"

namespace kiosk::page {

std::string PageToText(const ProcedurePage& page);

}  // namespace kiosk::page
