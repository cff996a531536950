#pragma once
// BundleIndex: the signed list at the heart of a content bundle (docs/content-format.md,
// "Bundles"). A bundle is a zip of a content directory's files as they are, plus
//
//     bundle-index.json       this index (JSON, below)
//     bundle-index.json.sig   base64 of the detached ed25519 signature of the index's
//                             exact bytes (absent only in an unsigned development bundle)
//
// The index names every file with its size and SHA-256, so once its signature checks,
// every byte of the bundle is vouched for. Its JSON:
//
//     {"bundle_format": 1, "content_id": "xa-minh-khai", "version": 7, "schema_version": 1,
//      "minimum_kiosk_version": "0.2.0", "created_at": "2026-12-03T09:15:00Z",
//      "signer_key": "ed25519:<base64>",      ("" when unsigned)
//      "files": [{"path": "fields.json", "size": 7034, "sha256": "…"}, …]}   (sorted by path)
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/bundle/bundle_file.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr int kBundleFormatVersion = 1;
inline constexpr const char* kBundleIndexEntry = "bundle-index.json";
inline constexpr const char* kBundleSignatureEntry = "bundle-index.json.sig";

struct BundleIndex {
    int bundle_format = kBundleFormatVersion;
    std::string content_id;             // = manifest.json's content_id
    long long version = 0;              // = manifest.json's version
    int schema_version = 0;             // = manifest.json's schema_version
    std::string minimum_kiosk_version;  // "0.2.0": an older kiosk (kiosk::SoftwareVersion) refuses the bundle
    std::string created_at;             // when it was packed, ISO 8601 UTC
    std::string signer_key;             // PublicKey::KeyText() of the signer; "" when unsigned
    std::vector<BundleFile> files;      // every content file, sorted by path

    std::uint64_t TotalSize() const;
    const BundleFile* Find(std::string_view path) const;
};

// The index as the packer writes it: ordered keys, two-space indent, trailing newline.
std::string SerializeBundleIndex(const BundleIndex& index);

// "1.2.3", "0.10": whole numbers with dots between (what minimum_kiosk_version must be).
bool IsDottedVersion(std::string_view text);

// Reads an index; refuses (BundleRefusal, naming bundle-index.json and the field) a wrong
// type, a missing key, an unknown bundle_format, a bad path, size or digest, a repeated path.
Result<BundleIndex> ParseBundleIndex(std::string_view text);

}  // namespace kiosk::bundle
