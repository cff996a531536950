#pragma once
// The catalog of a content directory, built once and reused: start-up only compares the
// content files' names, sizes and times with what the catalog was built from (no JSON is
// parsed, no file is read whole). When they differ, the files are hashed; the catalog is
// rebuilt only when the content key (manifest id + version + BLAKE2b of the files) changed.
// Broken content is refused with the loader's sentence and an existing catalog is left as
// it was, so the caller can keep running on it. A catalog that fails its check when it
// opens (damaged pages) is rebuilt from the content; when the cache directory cannot take
// the file (read-only, full, unreachable) the catalog is built in memory for this run.
// Which content to show, and the fall back to the last good one, is ContentSource's rule.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::catalog {

struct CatalogOpenReport {
    bool rebuilt = false;
    bool in_memory = false;               // the file could not be written; see notes
    std::filesystem::path catalog_file;   // where the catalog is (or would have been) kept
    std::string content_key;
    std::vector<std::string> notes;       // English lines for the log: a rebuild and why, memory and why
};

// The catalog file for a content directory inside cache_directory (one per directory).
std::filesystem::path CatalogFileFor(const std::filesystem::path& content_directory,
                                     const std::filesystem::path& cache_directory);

// Quick fingerprint: names, sizes and modification times of the content files.
std::string ContentStamp(const std::filesystem::path& content_directory);
// "<content_id>:<version>:<blake2b hex of every content file>"; error when unreadable.
Result<std::string> ContentKey(const std::filesystem::path& content_directory);

Result<Catalog> OpenContentCatalog(const std::filesystem::path& content_directory,
                                   const std::filesystem::path& cache_directory, CatalogOpenReport* report = nullptr,
                                   CatalogDate date = {});

}  // namespace kiosk::catalog
