#pragma once
// The HTML report commune staff open in a browser: satisfaction by month and by desk
// with bars drawn in CSS (no scripts, no external files: it works on an offline LAN),
// and suppressed votes counted apart. Vietnamese, because staff read it.
#include <string>

#include "kiosk/core/result.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

Result<std::string> RenderReportPage(VoteStore& store);

}  // namespace kiosk::server
