#pragma once
// ContentStore: the installed content under the data directory, and the only code that
// changes it.
//
//     <data_dir>/content/
//         current  -> releases/<name>     a symlink, replaced by rename(2) of a new one
//         releases/<name>/                immutable releases (content_release.hpp)
//         staging/<name>/                 a release being made; a crash leaves it, the next
//                                         Install or CleanLeftovers removes it
//         lock                            flock: one installer at a time, across processes
//         incoming/<job>/FILE.zip         a bundle copied off a USB stick before it is checked
//                                         (ContentInstaller removes it; CleanLeftovers too)
//
// Install: verify the zip, unpack it into staging on the same disk, check the content
// whole, build the SQLite catalog inside the release, fsync files and directories, rename
// the release into releases/, then ONE rename switches `current`. The release records the
// one it replaced, so `previous` switches with it. A power cut at any point leaves exactly
// the old version or the new one. Releases other than current and previous are removed
// after the switch (a kiosk still reading one keeps its open files until it switches).
//
// Until the first install there is no current release: the kiosk shows the factory
// content_dir. Current() and Previous() may be called from any thread at any time; the
// changing calls serialize on the lock file and refuse, rather than wait, when another
// process (or thread) holds it.
#include <filesystem>
#include <optional>

#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/bundle/bundle_trust.hpp"
#include "kiosk/core/bundle/content_preview.hpp"
#include "kiosk/core/bundle/content_release.hpp"
#include "kiosk/core/bundle/install_progress.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr const char* kContentStoreFolder = "content";

// A bundle whose content id differs from the installed release's is refused unless the
// caller means it (`kiosk content install --new-content-id`): a kiosk moved to another
// commune. Versions are compared only within one content id.
enum class ContentIdChange { Refuse, Allow };

// Where the new content comes from (the private pipeline is shared; callers use the named functions).
enum class ContentSource { BundleFile, Directory };

struct InstallOptions {
    BundleTrust trust;                          // BundleTrust::FromConfig(config.content)
    BundleLimits limits;
    std::filesystem::path factory_content_dir;  // config.content_dir: compared with until the first install
    ContentIdChange content_id_change = ContentIdChange::Refuse;
    InstallProgressCallback progress;           // may be empty; called on the installing thread
};

class ContentStore {
public:
    // Touches nothing on disk (a read-only data directory still answers Current()).
    static ContentStore Open(const std::filesystem::path& data_dir);

    const std::filesystem::path& root() const { return root_; }  // <data_dir>/content
    std::filesystem::path IncomingDirectory() const { return root_ / "incoming"; }

    // The release `current` points to; nullopt before the first install, or when what it
    // points to cannot be read (the caller then shows the factory content).
    std::optional<ContentRelease> Current() const;
    // The release the current one replaced, while it is still on disk.
    std::optional<ContentRelease> Previous() const;

    // Every check Install makes (signature, files, content, version), nothing switched:
    // the staging directory is removed before it returns. What installing would change.
    Result<ContentPreview> Preview(const std::filesystem::path& bundle_file, const InstallOptions& options);
    Result<ContentPreview> PreviewDirectory(const std::filesystem::path& content_directory, const InstallOptions& options);

    // Installs a signed bundle (a zip). Refused with a sentence, the installed content
    // byte-identical, when anything is wrong, including a version not newer than the
    // installed one of the same content id.
    Result<ContentRelease> Install(const std::filesystem::path& bundle_file, const InstallOptions& options);
    // Installs a content directory as it is, for the operator at this machine's command line
    // (it has no signature). USB sticks and server pulls must go through Install(zip).
    Result<ContentRelease> InstallDirectory(const std::filesystem::path& content_directory, const InstallOptions& options);

    // Switches back to Previous() (the one rename again); the release left is removed.
    Result<ContentRelease> Rollback();

    // Removes what a killed install left (staging, half-made links, releases neither
    // current nor previous, copies in incoming/). Call once at start, before any
    // ContentInstaller job; does nothing while another install runs.
    Status CleanLeftovers();

private:
    explicit ContentStore(std::filesystem::path root) : root_(std::move(root)) {}
    Result<ContentPreview> PreviewSource(ContentSource source, const std::filesystem::path& path,
                                         const InstallOptions& options);
    Result<ContentRelease> InstallSource(ContentSource source, const std::filesystem::path& path,
                                         const InstallOptions& options);

    std::filesystem::path root_;
};

}  // namespace kiosk::bundle
