#include "kiosk/core/bundle/content_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/bundle_refusal.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"
#include "kiosk/core/bundle/staged_content.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"
#include "kiosk/core/catalog/catalog_builder.hpp"
#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCurrentLink = "current";
constexpr const char* kReleasesFolder = "releases";
constexpr const char* kStagingFolder = "staging";
constexpr const char* kLockFile = "lock";
constexpr const char* kLinkTemporaryPrefix = "current.tmp-";

// flock on <root>/lock for as long as the object lives; the kernel drops it when a process
// dies, so a SIGKILLed installer never blocks the next one.
class StoreLock {
public:
    static Result<StoreLock> Take(const fs::path& root) {
        int descriptor = ::open((root / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (descriptor < 0)
            return Error{"cannot open " + (root / kLockFile).string() + ": " + std::strerror(errno),
                         "Không mở được kho nội dung (" + std::string(std::strerror(errno)) + ")."};
        if (::flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
            ::close(descriptor);
            return Error{"another content install (or check) is running on this kiosk; try again when it ends",
                         "Đang có một lần cài hoặc kiểm tra nội dung khác; hãy thử lại sau."};
        }
        return StoreLock(descriptor);
    }
    StoreLock(StoreLock&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}
    StoreLock(const StoreLock&) = delete;
    ~StoreLock() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }

private:
    explicit StoreLock(int descriptor) : descriptor_(descriptor) {}
    int descriptor_ = -1;
};

Status PrepareDirectories(const fs::path& root) {
    std::error_code error;
    for (const auto& directory : {root, root / kReleasesFolder, root / kStagingFolder}) {
        fs::create_directories(directory, error);
        if (error)
            return Error{"cannot create " + directory.string() + ": " + error.message(),
                         "Không tạo được thư mục nội dung " + directory.string() + " (" + error.message() + ")."};
    }
    if (auto status = SyncDirectory(root); !status) return status;
    return SyncDirectory(root.parent_path());
}

std::string ReleaseName(long long version) {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char time_text[32];
    std::strftime(time_text, sizeof time_text, "%Y%m%dT%H%M%SZ", &parts);
    unsigned char random[4];
    randombytes_buf(random, sizeof random);
    char random_text[sizeof random * 2 + 1];
    sodium_bin2hex(random_text, sizeof random_text, random, sizeof random);
    return "v" + std::to_string(version) + "-" + time_text + "-" + random_text;
}

// The release name `current` points to ("" when there is none).
std::string CurrentName(const fs::path& root) {
    std::error_code error;
    auto target = fs::read_symlink(root / kCurrentLink, error);
    if (error) return {};
    auto text = target.generic_string();
    const std::string prefix = std::string(kReleasesFolder) + "/";
    if (text.rfind(prefix, 0) != 0) return {};
    auto name = text.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") return {};
    return name;
}

// The one atomic step: a new symlink renamed over `current`, then the directory synced.
Status PointCurrentAt(const fs::path& root, const std::string& name) {
    unsigned char random[4];
    randombytes_buf(random, sizeof random);
    fs::path temporary = root / (kLinkTemporaryPrefix + std::to_string(::getpid()) + "-" +
                                 std::to_string(random[0] | random[1] << 8 | random[2] << 16));
    std::string target = std::string(kReleasesFolder) + "/" + name;
    if (::symlink(target.c_str(), temporary.c_str()) != 0)
        return Error{"cannot create " + temporary.string() + ": " + std::strerror(errno),
                     "Không chuyển được sang phiên bản mới (" + std::string(std::strerror(errno)) + ")."};
    if (::rename(temporary.c_str(), (root / kCurrentLink).c_str()) != 0) {
        int error = errno;
        ::unlink(temporary.c_str());
        return Error{"cannot switch " + (root / kCurrentLink).string() + ": " + std::strerror(error),
                     "Không chuyển được sang phiên bản mới (" + std::string(std::strerror(error)) + ")."};
    }
    return SyncDirectory(root);
}

// Everything but the current release and its predecessor, and whatever a killed install left.
void RemoveUnused(const fs::path& root) {
    std::error_code error;
    std::string current = CurrentName(root);
    std::string keep_previous;
    if (!current.empty())
        if (auto release = ReadRelease(root / kReleasesFolder / current)) keep_previous = release->predecessor;
    for (const auto& entry : fs::directory_iterator(root / kStagingFolder, error)) fs::remove_all(entry.path(), error);
    for (const auto& entry : fs::directory_iterator(root / kReleasesFolder, error)) {
        auto name = entry.path().filename().string();
        // Without a readable current, nothing is known to be unused: keep every release.
        if (current.empty() || name == current || name == keep_previous) continue;
        fs::remove_all(entry.path(), error);
    }
    for (const auto& entry : fs::directory_iterator(root, error))
        if (entry.path().filename().string().rfind(kLinkTemporaryPrefix, 0) == 0) fs::remove(entry.path(), error);
    (void)SyncDirectory(root / kReleasesFolder);
    (void)SyncDirectory(root / kStagingFolder);
    (void)SyncDirectory(root);
}

// manifest.json alone (not the whole content): what the factory content is.
std::optional<content::Manifest> ReadManifest(const fs::path& directory) {
    std::ifstream stream(directory / content::kManifestFile, std::ios::binary);
    if (!stream) return std::nullopt;
    auto document = nlohmann::json::parse(stream, nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    try {
        return content::ManifestFromJson(content::JsonFieldReader(document, content::kManifestFile, ""));
    } catch (const content::ContentProblem&) {
        return std::nullopt;
    }
}

// What the kiosk shows now, which a new bundle is compared with.
struct Baseline {
    InstalledOrigin origin = InstalledOrigin::Nothing;
    std::string content_id;
    long long version = 0;
    fs::path content_directory;
    std::string release_name;  // "" unless installed
};

Baseline CurrentBaseline(const ContentStore& store, const InstallOptions& options) {
    Baseline baseline;
    if (auto current = store.Current()) {
        baseline.origin = InstalledOrigin::Installed;
        baseline.content_id = current->content_id;
        baseline.version = current->version;
        baseline.content_directory = current->content_directory;
        baseline.release_name = current->name;
    } else if (!options.factory_content_dir.empty()) {
        if (auto manifest = ReadManifest(options.factory_content_dir)) {
            baseline.origin = InstalledOrigin::Factory;
            baseline.content_id = manifest->content_id;
            baseline.version = manifest->version;
            baseline.content_directory = options.factory_content_dir;
        }
    }
    return baseline;
}

Status CheckVersion(const BundleIndex& index, const Baseline& baseline, const InstallOptions& options) {
    if (baseline.origin == InstalledOrigin::Nothing) return Success();
    if (index.content_id != baseline.content_id) {
        // Before the first install the factory content is a placeholder any commune replaces.
        if (baseline.origin == InstalledOrigin::Factory || options.content_id_change == ContentIdChange::Allow)
            return Success();
        return BundleRefusal("it is content \"" + index.content_id + "\", but this kiosk has \"" + baseline.content_id +
                                 "\" installed; to move the kiosk to other content, install with --new-content-id",
                             "gói là nội dung \"" + index.content_id + "\", khác nội dung \"" + baseline.content_id +
                                 "\" đang cài trên kiosk");
    }
    if (index.version <= baseline.version)
        return BundleRefusal("its version " + std::to_string(index.version) + " is not newer than the " +
                                 (baseline.origin == InstalledOrigin::Installed ? "installed" : "factory") + " version " +
                                 std::to_string(baseline.version) + " of \"" + baseline.content_id +
                                 "\" (to go back, use `kiosk content rollback`)",
                             "phiên bản " + std::to_string(index.version) + " không mới hơn phiên bản " +
                                 std::to_string(baseline.version) + " đang dùng");
    return Success();
}

}  // namespace

ContentStore ContentStore::Open(const fs::path& data_dir) { return ContentStore(data_dir / kContentStoreFolder); }

std::optional<ContentRelease> ContentStore::Current() const {
    std::string name = CurrentName(root_);
    if (name.empty()) return std::nullopt;
    auto release = ReadRelease(root_ / kReleasesFolder / name);
    if (!release) return std::nullopt;
    return std::move(*release);
}

std::optional<ContentRelease> ContentStore::Previous() const {
    auto current = Current();
    if (!current || current->predecessor.empty()) return std::nullopt;
    auto release = ReadRelease(root_ / kReleasesFolder / current->predecessor);
    if (!release) return std::nullopt;
    return std::move(*release);
}

Result<ContentPreview> ContentStore::Preview(const fs::path& bundle_file, const InstallOptions& options) {
    return PreviewSource(ContentSource::BundleFile, bundle_file, options);
}

Result<ContentPreview> ContentStore::PreviewDirectory(const fs::path& content_directory, const InstallOptions& options) {
    return PreviewSource(ContentSource::Directory, content_directory, options);
}

Result<ContentRelease> ContentStore::Install(const fs::path& bundle_file, const InstallOptions& options) {
    return InstallSource(ContentSource::BundleFile, bundle_file, options);
}

Result<ContentRelease> ContentStore::InstallDirectory(const fs::path& content_directory, const InstallOptions& options) {
    return InstallSource(ContentSource::Directory, content_directory, options);
}

namespace {

// Verify, check the version, unpack and check the content: everything but the catalog.
Result<StagedContent> Stage(ContentSource source, const fs::path& path, const InstallOptions& options,
                            const Baseline& baseline, const fs::path& staging_directory) {
    if (source == ContentSource::BundleFile) {
        if (options.progress) options.progress({InstallStage::CheckingSignature});
        auto bundle = VerifiedBundle::Open(path, options.trust, options.limits, FileCheck::WhileUnpacking);
        if (!bundle) return bundle.error();
        if (auto status = CheckVersion(bundle->index(), baseline, options); !status) return status.error();
        return StagedContent::FromBundle(*bundle, staging_directory, options.limits, options.progress);
    }
    auto staged = StagedContent::FromDirectory(path, staging_directory, options.limits, options.progress);
    if (!staged) return staged.error();
    if (auto status = CheckVersion(staged->index(), baseline, options); !status) return status.error();
    return staged;
}

}  // namespace

Result<ContentPreview> ContentStore::PreviewSource(ContentSource source, const fs::path& path, const InstallOptions& options) {
    if (auto status = PrepareDirectories(root_); !status) return status.error();
    auto lock = StoreLock::Take(root_);
    if (!lock) return lock.error();
    Baseline baseline = CurrentBaseline(*this, options);
    auto staged = Stage(source, path, options, baseline,
                        root_ / kStagingFolder / ("preview-" + ReleaseName(0)));
    if (!staged) return staged.error();
    return ComparePreview(*staged, baseline.content_directory, baseline.origin);
}

Result<ContentRelease> ContentStore::InstallSource(ContentSource source, const fs::path& path, const InstallOptions& options) {
    if (auto status = PrepareDirectories(root_); !status) return status.error();
    auto lock = StoreLock::Take(root_);
    if (!lock) return lock.error();
    RemoveUnused(root_);
    Baseline baseline = CurrentBaseline(*this, options);
    const std::string staging_name = "staging-" + ReleaseName(0);
    auto staged = Stage(source, path, options, baseline, root_ / kStagingFolder / staging_name);
    if (!staged) return staged.error();
    const auto& index = staged->index();
    const int procedure_count = static_cast<int>(staged->content().procedures.size());

    if (options.progress) options.progress({InstallStage::BuildingCatalog, index.TotalSize(), index.TotalSize(), procedure_count, index.version});
    auto key = catalog::ContentKey(staged->content_directory());
    if (!key) return key.error();
    const fs::path catalog_file = staged->directory() / kReleaseCatalogFile;
    catalog::CatalogBuildInput input{&staged->content(), *key, catalog::ContentStamp(staged->content_directory())};
    if (auto status = catalog::BuildCatalog(input, catalog_file); !status) return status.error();
    if (auto status = SyncFile(catalog_file); !status) return status.error();

    ContentRelease release;
    release.name = ReleaseName(index.version);
    release.content_id = index.content_id;
    release.version = index.version;
    release.procedure_count = procedure_count;
    release.installed_at = UtcTimestampNow();
    release.created_at = index.created_at;
    release.signer = staged->signer();
    release.signer_key = index.signer_key;
    release.source = staged->source();
    release.index_sha256 = staged->index_sha256();
    release.predecessor = baseline.release_name;
    if (auto status = WriteFileDurably(staged->directory() / kReleaseRecordFile, SerializeRelease(release),
                                       ExistingFile::Refuse);
        !status)
        return status.error();
    if (auto status = SyncDirectory(staged->directory()); !status) return status.error();

    const fs::path release_directory = root_ / kReleasesFolder / release.name;
    if (::rename(staged->directory().c_str(), release_directory.c_str()) != 0)
        return Error{"cannot move the staged release to " + release_directory.string() + ": " + std::strerror(errno),
                     "Không cài được nội dung (" + std::string(std::strerror(errno)) + ")."};
    staged->Release();
    auto discard_release = [&] {
        std::error_code ignored;
        fs::remove_all(release_directory, ignored);
    };
    if (auto status = SyncDirectory(root_ / kReleasesFolder); !status) {
        discard_release();
        return status.error();
    }
    if (auto status = SyncDirectory(root_ / kStagingFolder); !status) {
        discard_release();
        return status.error();
    }

    if (options.progress) options.progress({InstallStage::Switching, index.TotalSize(), index.TotalSize(), procedure_count, index.version});
    if (auto status = PointCurrentAt(root_, release.name); !status) {
        discard_release();
        return status.error();
    }
    RemoveUnused(root_);
    if (options.progress) options.progress({InstallStage::Installed, index.TotalSize(), index.TotalSize(), procedure_count, index.version});
    return ReadRelease(release_directory);
}

Result<ContentRelease> ContentStore::Rollback() {
    if (!fs::exists(root_))
        return Error{"nothing is installed under " + root_.string() + ", so there is nothing to roll back",
                     "Chưa cài gói nội dung nào nên không có phiên bản trước để quay lại."};
    auto lock = StoreLock::Take(root_);
    if (!lock) return lock.error();
    auto current = Current();
    if (!current)
        return Error{"nothing is installed under " + root_.string() + ", so there is nothing to roll back",
                     "Chưa cài gói nội dung nào nên không có phiên bản trước để quay lại."};
    if (current->predecessor.empty())
        return Error{"version " + std::to_string(current->version) +
                         " replaced the factory content, which is not a release to roll back to (there is no previous "
                         "version)",
                     "Không có phiên bản trước để quay lại."};
    auto previous = ReadRelease(root_ / kReleasesFolder / current->predecessor);
    if (!previous)
        return Error{"the previous version is no longer on disk (" + previous.error().message + ")",
                     "Phiên bản trước không còn trên máy."};
    if (auto status = PointCurrentAt(root_, previous->name); !status) return status.error();
    RemoveUnused(root_);
    return previous;
}

Status ContentStore::CleanLeftovers() {
    // A data directory out of reach (permission denied) must not stop the kiosk: it is said once.
    std::error_code looked;
    auto found = fs::status(root_, looked);
    if (found.type() == fs::file_type::not_found) return Success();  // nothing installed yet
    if (looked)
        return Error{"cannot look at " + root_.string() + ": " + looked.message(),
                     "Không đọc được thư mục " + root_.string() + ": " + looked.message()};
    if (!fs::is_directory(found)) return Success();
    auto lock = StoreLock::Take(root_);
    if (!lock) return Success();  // someone is installing: what is in staging is theirs, not left over
    RemoveUnused(root_);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(IncomingDirectory(), error)) fs::remove_all(entry.path(), error);
    return Success();
}

}  // namespace kiosk::bundle
