#pragma once
// ContentRelease: one installed version of the content, a directory under
// <data_dir>/content/releases/ that never changes once it is there:
//
//     releases/<name>/content/         the bundle's files, as they were packed
//     releases/<name>/catalog.sqlite   the catalog built from them (Catalog::Open it read-only)
//     releases/<name>/release.json     what this file describes
//
// A release records the one it replaced (predecessor), which is how "previous" survives any
// crash: current and previous change together, in the one rename that switches `current`.
#include <filesystem>
#include <string>

#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr const char* kReleaseContentFolder = "content";
inline constexpr const char* kReleaseCatalogFile = "catalog.sqlite";
inline constexpr const char* kReleaseRecordFile = "release.json";

struct ContentRelease {
    std::string name;                         // folder name under releases/, e.g. "v7-20261203T091500Z-3fa2c1d0"
    std::filesystem::path directory;          // <data_dir>/content/releases/<name>
    std::filesystem::path content_directory;  // directory/content: LoadContentDirectory reads it
    std::filesystem::path catalog_file;       // directory/catalog.sqlite: catalog::Catalog::Open(catalog_file)
    std::string content_id;
    long long version = 0;
    int procedure_count = 0;
    std::string installed_at;   // ISO 8601 UTC
    std::string created_at;     // when the bundle was packed
    std::string signer;         // "so-tttt (ed25519:Ab…)", "unsigned (content.allow_unsigned)", "local directory …"
    std::string signer_key;     // "ed25519:<base64>", "" when unsigned
    std::string source;         // the bundle's file name or the directory installed from
    std::string index_sha256;   // SHA-256 of the bundle's index: this exact release
    std::string predecessor;    // the release this one replaced; "" when it replaced the factory content
};

// release.json of a release directory (its name is the directory's); an error when absent,
// unreadable, or naming a catalog that is not there.
Result<ContentRelease> ReadRelease(const std::filesystem::path& directory);
std::string SerializeRelease(const ContentRelease& release);

}  // namespace kiosk::bundle
