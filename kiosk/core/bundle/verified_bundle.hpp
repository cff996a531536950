#pragma once
// VerifiedBundle: a content bundle (a zip, see bundle_index.hpp) that has been opened and
// checked, or an Error saying why not (BundleRefusal: naming the problem, the file and the
// field). Open refuses, each with its own sentence:
//   - a file that is not a complete zip (cut short while copied, a stick pulled out);
//   - entries with an absolute path, "..", a backslash, a drive letter, bad UTF-8, a
//     repeated name, a symlink, a device/fifo/socket, encryption, an unknown compression;
//   - too many entries, an entry over max_file_bytes, a total over max_total_bytes, an
//     entry whose compression ratio betrays a zip bomb;
//   - no bundle-index.json, an index that is not JSON or lacks a field or has the wrong
//     type (with its JSON path), a bundle_format this kiosk does not know;
//   - no signature (unless content.allow_unsigned), a signer not in content.trusted_keys,
//     a signature that does not match the index's bytes;
//   - a zip entry the index does not list, an index file missing from the zip, a size that
//     differs from the index's;
//   - a minimum_kiosk_version above this kiosk's;
//   - with FileCheck::Now, a file whose bytes differ from the index's SHA-256.
// What the files say (JSON, references, versions against the installed content) is
// checked after unpacking, by StagedContent and ContentStore.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "kiosk/core/bundle/bundle_archive.hpp"
#include "kiosk/core/bundle/bundle_index.hpp"
#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/bundle/bundle_trust.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

// Now: read every file once more at Open and compare with the index (what `verify`, the
// server's publish and anyone not about to unpack want). WhileUnpacking: Unpack compares as
// it writes, which is the same check without reading the zip twice (ContentStore::Install).
enum class FileCheck { Now, WhileUnpacking };

enum class SignatureState { Trusted, UnsignedAllowed };

// Bytes written so far out of the total, while unpacking.
using UnpackProgress = std::function<void(std::uint64_t done_bytes, std::uint64_t total_bytes)>;

class VerifiedBundle {
public:
    static Result<VerifiedBundle> Open(const std::filesystem::path& zip_file, const BundleTrust& trust,
                                       const BundleLimits& limits = {}, FileCheck check = FileCheck::Now);

    const std::filesystem::path& file() const { return archive_.file(); }
    const BundleIndex& index() const { return index_; }
    SignatureState signature() const { return signature_; }
    // Who signed it, as the kiosk's own trusted_keys name the key ("so-tttt (ed25519:Ab…)"),
    // or "unsigned (content.allow_unsigned)".
    const std::string& signer() const { return signer_; }
    // SHA-256 of the index's bytes: names this exact release (the index lists every file's digest).
    const std::string& index_sha256() const { return index_sha256_; }

    // Writes every file of the index under directory (which must exist), making the
    // subdirectories it needs; each file is checked against the index's size and SHA-256 as it
    // is written, fsynced, and its directory fsynced. A read error (a stick pulled out) or a
    // mismatch refuses; the caller removes the directory.
    Status Unpack(const std::filesystem::path& directory, const UnpackProgress& progress = {}) const;

private:
    VerifiedBundle(BundleArchive archive) : archive_(std::move(archive)) {}
    const ArchiveEntry* EntryFor(const std::string& path) const;
    // Reads one file, refusing if its size or digest differ from the index; sink sees the bytes.
    Status ReadChecked(const BundleFile& file, const std::function<Status(std::string_view)>& sink) const;

    BundleArchive archive_;
    BundleIndex index_;
    SignatureState signature_ = SignatureState::Trusted;
    std::string signer_;
    std::string index_sha256_;
};

}  // namespace kiosk::bundle
