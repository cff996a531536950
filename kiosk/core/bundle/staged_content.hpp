#pragma once
// StagedContent: a bundle's (or a directory's) files unpacked into a staging directory on
// the data directory's own disk, and checked whole before anything else changes:
//   - there is room: the files plus a catalog of about their size must leave
//     BundleLimits::keep_free_bytes free on that disk;
//   - every file matches the signed index (VerifiedBundle::Unpack);
//   - every text file (.json, .jsonl, .txt, .md, .csv, .tsv) is UTF-8, or is refused with
//     the file, line and byte;
//   - the kiosk's content loader accepts the directory (JSON, types, required fields with
//     their JSON path, schema version, field references …; its sentence is kept);
//   - every picture the guides and posters name is a file of the bundle;
//   - the index's content id, version and schema version are manifest.json's.
// The staging directory is removed when the object dies, unless Release() handed it on.
#include <filesystem>
#include <string>

#include "kiosk/core/bundle/bundle_index.hpp"
#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/bundle/install_progress.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"
#include "kiosk/core/content/content_bundle.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

class StagedContent {
public:
    // staging_directory must not exist yet; its parent must.
    static Result<StagedContent> FromBundle(const VerifiedBundle& bundle, const std::filesystem::path& staging_directory,
                                            const BundleLimits& limits, const InstallProgressCallback& progress = {});
    // A content directory installed as it is (no signature: the operator at this machine is
    // its author); every other check is the same.
    static Result<StagedContent> FromDirectory(const std::filesystem::path& source,
                                               const std::filesystem::path& staging_directory,
                                               const BundleLimits& limits, const InstallProgressCallback& progress = {});

    StagedContent(StagedContent&& other) noexcept;
    StagedContent& operator=(StagedContent&&) = delete;
    StagedContent(const StagedContent&) = delete;
    ~StagedContent();

    const std::filesystem::path& directory() const { return directory_; }
    std::filesystem::path content_directory() const;
    const BundleIndex& index() const { return index_; }
    const std::string& index_sha256() const { return index_sha256_; }
    const std::string& signer() const { return signer_; }
    const std::string& source() const { return source_; }
    const content::ContentBundle& content() const { return content_; }

    // Stops owning the directory (it was renamed into the store); returns its path.
    std::filesystem::path Release();

private:
    explicit StagedContent(std::filesystem::path directory) : directory_(std::move(directory)) {}
    Status CheckContent(const InstallProgressCallback& progress);

    std::filesystem::path directory_;
    bool owned_ = true;
    BundleIndex index_;
    std::string index_sha256_;
    std::string signer_;
    std::string source_;
    content::ContentBundle content_;
};

// Room for files of total_bytes (plus their catalog) above keep_free_bytes on directory's disk?
Status CheckFreeSpace(const std::filesystem::path& directory, std::uint64_t total_bytes, const BundleLimits& limits);

}  // namespace kiosk::bundle
