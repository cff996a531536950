#pragma once
// `kiosk-server export --csv`: every vote, one a row, RFC 4180 quoting, a header first.
#include <ostream>

#include "kiosk/core/result.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

Status ExportVotesCsv(VoteStore& store, std::ostream& out);

}  // namespace kiosk::server
