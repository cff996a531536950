#pragma once
// The catalog's check of itself. SQLite's header says nothing about the pages behind it: a
// file with damaged pages opens fine and then answers with short lists or none. So the
// build records a digest of every row the lists, the search and the slots read, and opening
// reads those rows again and compares (cheaper than PRAGMA quick_check, and it also sees
// bytes changed inside a row; figures in docs/benchmarks.md). A procedure's detail JSON is
// most of the file and is read only when its screen opens: it carries a digest of its own,
// checked then.
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::catalog {

// Hex BLAKE2b of the rows of meta (but rows_digest), fields, procedures (but detail, with
// detail_digest) and synonyms, in key order. An error when SQLite cannot read a row.
Result<std::string> CatalogRowsDigest(SqliteDatabase& database);

// Hex BLAKE2b-128 of one procedure's detail JSON.
std::string DetailDigest(std::string_view detail);

}  // namespace kiosk::catalog
