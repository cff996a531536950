#pragma once
// ServerContentStore: the content bundles this commune server hands to its kiosks, and which
// version each kiosk last said it has — in the server's database, the bundles themselves as
// files beside it (<db>.bundles/<sha256>.zip, written once, never changed).
//
// `kiosk-server content publish FILE.zip` verifies the bundle completely (signature by a key
// of --trusted-keys, every file's SHA-256: bundle::VerifiedBundle) before it is accepted;
// the newest published (highest version) is what GET /api/v1/content/manifest offers.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/bundle/bundle_trust.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::server {

struct PublishedBundle {
    std::string sha256;  // of the zip's bytes: names the file, is the manifest's ETag
    std::string content_id;
    long long version = 0;
    std::uint64_t size = 0;
    std::string created_at;  // when it was packed
    std::string signer;      // as the server's trusted keys name it
    std::string published_at;
    std::filesystem::path file;
};

struct KioskContentReport {
    std::string kiosk_id;
    std::string content_id;
    long long version = 0;
    std::string reported_at;  // ISO 8601 UTC, the server's clock
};

class ServerContentStore {
public:
    static Result<std::unique_ptr<ServerContentStore>> Open(const std::filesystem::path& database_file);

    // Verifies FILE.zip against trust and copies it in. Refused (with the bundle's own
    // sentence) when it does not verify, or is not newer than the newest published of its
    // content id.
    Result<PublishedBundle> Publish(const std::filesystem::path& bundle_file, const bundle::BundleTrust& trust);
    // The one GET /api/v1/content/manifest offers; nullopt when nothing is published.
    Result<std::optional<PublishedBundle>> Newest();
    Result<std::optional<PublishedBundle>> Find(const std::string& sha256);

    Status RecordKioskContent(const KioskContentReport& report);
    Result<std::vector<KioskContentReport>> KioskContents();

    const std::filesystem::path& bundles_directory() const { return bundles_directory_; }

private:
    ServerContentStore(std::unique_ptr<SqliteDatabase> database, std::filesystem::path bundles_directory)
        : database_(std::move(database)), bundles_directory_(std::move(bundles_directory)) {}
    Result<std::optional<PublishedBundle>> Select(const std::string& where, const std::string& argument);

    std::unique_ptr<SqliteDatabase> database_;
    std::filesystem::path bundles_directory_;
    std::mutex mutex_;
};

// "ed25519:… NAME" lines (as `kiosk content keygen` wrote NAME.pub); '#' lines and blank lines skipped.
Result<bundle::BundleTrust> ReadTrustedKeys(const std::filesystem::path& file);

}  // namespace kiosk::server
