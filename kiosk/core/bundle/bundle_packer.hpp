#pragma once
// Packing a content directory into a bundle (`kiosk content pack DIR --key NAME.secret
// --out FILE.zip`): every regular file under DIR as it is, the index listing each with its
// size and SHA-256, and the index's detached signature. The directory is loaded with the
// kiosk's own content loader first, so broken content is refused where it is made, not on
// a kiosk; a symlink or device file in DIR is refused too. The zip is written beside its
// final name and renamed into place, then opened again and verified with the signer's key,
// so a bundle that exists under its name always verifies.
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/core/bundle/bundle_index.hpp"
#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/bundle/signing_key.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

struct PackRequest {
    std::filesystem::path content_directory;
    std::filesystem::path out_file;         // FILE.zip
    std::optional<SigningKey> key;          // nullopt: an unsigned development bundle
    std::string minimum_kiosk_version;      // empty: this kiosk's own version
    std::string created_at;                 // empty: now (ISO 8601 UTC)
    BundleLimits limits;                    // refused here already when a kiosk would refuse it
};

struct PackReport {
    BundleIndex index;
    std::uint64_t zip_bytes = 0;
    int procedure_count = 0;
};

Result<PackReport> PackBundle(const PackRequest& request);

// "2026-12-03T09:15:00Z" for now.
std::string UtcTimestampNow();

}  // namespace kiosk::bundle
