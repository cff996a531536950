#pragma once
// USB sticks: which removable media are mounted under the mount roots (the config's
// content.usb_mount_roots, by default /media and /run/media), the content bundles (*.zip) on
// each, and a safe copy of one bundle off a stick — what the staff screen "Cập nhật từ USB"
// lists and installs from.
//
// A stick is a mount point listed in the kernel's mount table (/proc/self/mountinfo)
// strictly below a mount root: /media/kiosk/KINGSTON, /run/media/kiosk/3A5F-91B2, /media/usb0.
// The root itself (a tmpfs on /media) is not a stick.
//
// Rules (each one tested in tests/core/usb_sticks_test.cpp):
//   - Nothing outside the stick is read: bundles are looked for on the stick's top level and
//     in folders up to two levels down, through file descriptors opened one name at a time
//     with O_NOFOLLOW, never crossing into another filesystem (a mount inside the stick).
//   - A symbolic link is never followed, whatever it points to: a link named *.zip is listed
//     with a sentence saying to copy the file itself, and cannot be copied or installed.
//   - Hidden names (".Trash-1000", "._bundle.zip" macOS leaves) are skipped.
//   - CopyBundleFromStick reads a bundle into the kiosk's own disk before anything checks
//     it, so a stick pulled out later cannot change what is installed. A stick pulled out
//     mid-read (a read error, a file cut short or changed while it is read) refuses with a
//     sentence and leaves no copy; the installed content is never touched here.
//
// How the staff screen uses it (all of this is on worker threads; see UsbWatcher and
// ContentInstaller for the UI-thread side):
//
//   UsbSettings settings = UsbSettings::FromConfig(config);
//   std::vector<UsbStick> sticks = ScanUsbSticks(settings);        // cheap: a few syscalls
//   for (const UsbStick& stick : sticks)
//       for (const StickBundle& bundle : stick.bundles)
//           show bundle.name, bundle.size_bytes, bundle.problem.ForPeople() when not installable
//   ContentInstaller::InstallFromStick(bundle, …)                    // copies, verifies, installs
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::usb {

// Where the kernel lists what is mounted; tests hand a file of their own (they cannot mount).
inline constexpr const char* kMountTable = "/proc/self/mountinfo";

// More bundles than this on one stick are not listed (a stick of junk must not flood the screen).
inline constexpr std::size_t kMaxBundlesPerStick = 100;

struct UsbSettings {
    // Where removable media are mounted (content.usb_mount_roots; the same defaults).
    std::vector<std::filesystem::path> mount_roots = {"/media", "/run/media"};
    std::filesystem::path mount_table = kMountTable;

    static UsbSettings FromConfig(const Config& config);
};

struct StickBundle {
    std::filesystem::path mount_point;  // the stick it is on
    std::string relative_path;          // "noi-dung/xa-thu-v8.zip", "/" between parts
    std::string name;                   // "xa-thu-v8.zip": what staff read
    std::uint64_t size_bytes = 0;
    std::int64_t modified_unix_s = 0;
    // Empty message when it may be copied; else why not (a symbolic link, unreadable …).
    Error problem;

    bool installable() const { return problem.message.empty(); }
    std::filesystem::path file() const { return mount_point / relative_path; }
};

struct UsbStick {
    std::filesystem::path mount_point;  // /media/kiosk/KINGSTON
    std::string label;                  // "KINGSTON": the mount point's last name
    std::vector<StickBundle> bundles;   // sorted by relative_path
    bool more_bundles_than_listed = false;
    Error problem;  // the stick could not be read (its bundles list is then empty)
};

// The sticks mounted below the roots now, sorted by mount point; each with its bundles.
// Never fails: a root that does not exist has no sticks, an unreadable stick says why.
std::vector<UsbStick> ScanUsbSticks(const UsbSettings& settings);

// Changes whenever what ScanUsbSticks found changes (sticks, bundle names, sizes, times).
std::string DescribeForChange(const std::vector<UsbStick>& sticks);

// Bytes copied so far of the total.
using CopyProgress = std::function<void(std::uint64_t done_bytes, std::uint64_t total_bytes)>;

// Copies bundle onto the kiosk's disk as into_directory / bundle.name (into_directory must
// exist; the file must not). Refused with a sentence when the stick is not (or no longer)
// mounted under a root, when a part of the path is a link, not a plain file, or on another
// filesystem, when the disk lacks room, or when the read fails or comes out shorter or
// different than the file was at the start (a stick pulled out) — then no copy is left.
Result<std::filesystem::path> CopyBundleFromStick(const StickBundle& bundle, const UsbSettings& settings,
                                                  const std::filesystem::path& into_directory,
                                                  const CopyProgress& progress = {});

}  // namespace kiosk::usb
