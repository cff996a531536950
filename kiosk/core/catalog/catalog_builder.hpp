#pragma once
// Compiles a loaded, validated content bundle into one SQLite catalog file. The file is
// written beside its final name and renamed into place, so a reader never sees half of it.
#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/core/content/content_bundle.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::catalog {

// Bumped whenever the tables change; an older catalog file is rebuilt, never read.
inline constexpr int kCatalogFormatVersion = 5;  // 3: rows_digest and detail_digest; 4: subjects; 5: pin_rank, short_name

struct CatalogBuildInput {
    const content::ContentBundle* bundle = nullptr;
    std::string content_key;    // manifest id + version + hash of the content files
    std::string content_stamp;  // file names, sizes and times: the quick "unchanged?" check
};

Status BuildCatalog(const CatalogBuildInput& input, const std::filesystem::path& catalog_file);

// The same catalog in memory, for a run where the data directory cannot take the file
// (read-only, full): the content is still shown, and rebuilt at the next start.
Result<std::unique_ptr<SqliteDatabase>> BuildCatalogInMemory(const CatalogBuildInput& input);

}  // namespace kiosk::catalog
