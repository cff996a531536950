#pragma once
// The catalog of a content directory, built once and reused: start-up only compares the
// content files' names, sizes and times with what the catalog was built from (no JSON is
// parsed, no file is read whole). When they differ, the files are hashed; the catalog is
// rebuilt only when the content key (manifest id + version + BLAKE2b of the files) changed.
// Broken content is refused with the loader's sentence and an existing catalog is left as
// it was, so the caller can keep running on it.
#include <filesystem>
#include <string>

#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::catalog {

struct CatalogOpenReport {
    bool rebuilt = false;
    std::filesystem::path catalog_file;
    std::string content_key;
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
                                   std::string today = {});

}  // namespace kiosk::catalog
