#pragma once
// `kiosk-server export --csv`: every vote, one a row, RFC 4180 quoting, a header first.
#include <ostream>

#include "kiosk/core/result.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

// With a range: only the votes counted for [from_ms, to_ms) (the report's CSV of a period).
Status ExportVotesCsv(VoteStore& store, std::ostream& out, std::int64_t from_ms = INT64_MIN,
                      std::int64_t to_ms = VoteStore::kAllTime);

}  // namespace kiosk::server
