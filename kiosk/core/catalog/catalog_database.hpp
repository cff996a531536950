#pragma once
// The catalog's SQLite file, and the catalog's words for its failures. They reach the
// kiosk's screen and `kiosk search`, so they name the catalog and carry a Vietnamese
// sentence, where the shared wrapper's "SQLite: ..." is meant for IT alone.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::catalog {

Result<std::unique_ptr<SqliteDatabase>> OpenCatalogDatabase(const std::filesystem::path& file,
                                                            SqliteDatabase::Mode mode);
Result<SqliteStatement> PrepareCatalogQuery(SqliteDatabase& database, std::string_view sql);
Status ExecuteCatalogStatement(SqliteDatabase& database, const std::string& sql);

// true when a row is ready. A failed step ends the rows as SQLITE_DONE does: a damaged
// catalog shows short lists rather than stopping the kiosk (Open already refuses a file
// that is not a catalog at all).
bool NextRow(SqliteStatement& rows);

}  // namespace kiosk::catalog
