#include "kiosk/core/usb/usb_sticks.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/bundle/staged_content.hpp"

namespace kiosk::usb {
namespace {

namespace fs = std::filesystem;

// Bundles are looked for on the top level and this many folders down.
constexpr int kFolderDepth = 2;
constexpr std::size_t kCopyChunkBytes = 1 << 20;

// A file descriptor closed when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int descriptor = -1) : descriptor_(descriptor) {}
    Descriptor(Descriptor&& other) noexcept : descriptor_(std::exchange(other.descriptor_, -1)) {}
    Descriptor& operator=(Descriptor&& other) noexcept {
        std::swap(descriptor_, other.descriptor_);
        return *this;
    }
    ~Descriptor() {
        if (descriptor_ >= 0) ::close(descriptor_);
    }
    int get() const { return descriptor_; }
    bool valid() const { return descriptor_ >= 0; }
    int release() { return std::exchange(descriptor_, -1); }

private:
    int descriptor_;
};

// mountinfo writes space, tab, newline and backslash in names as \040, \011, \012, \134.
std::string UnescapeMountPath(const std::string& text) {
    std::string out;
    for (size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '\\' && at + 3 < text.size()) {
            const std::string digits = text.substr(at + 1, 3);
            if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '7'; })) {
                out += static_cast<char>(std::stoi(digits, nullptr, 8));
                at += 3;
                continue;
            }
        }
        out += text[at];
    }
    return out;
}

// The mount points the table lists (its fifth field), in its order.
std::vector<fs::path> ReadMountPoints(const fs::path& table) {
    std::vector<fs::path> points;
    std::ifstream stream(table);
    std::string line;
    while (std::getline(stream, line)) {
        std::istringstream fields(line);
        std::string id, parent, device, root, mount_point;
        if (fields >> id >> parent >> device >> root >> mount_point) points.emplace_back(UnescapeMountPath(mount_point));
    }
    return points;
}

// True when path is strictly below root (both lexically normal and absolute).
bool IsStrictlyBelow(const fs::path& path, const fs::path& root) {
    auto relative = path.lexically_normal().lexically_relative(root.lexically_normal());
    if (relative.empty() || relative == ".") return false;
    return *relative.begin() != "..";
}

// The mount points below the configured roots, sorted, each once.
std::vector<fs::path> StickMountPoints(const UsbSettings& settings) {
    std::vector<fs::path> sticks;
    for (const auto& point : ReadMountPoints(settings.mount_table)) {
        if (!point.is_absolute()) continue;
        for (const auto& root : settings.mount_roots)
            if (IsStrictlyBelow(point, root)) {
                sticks.push_back(point.lexically_normal());
                break;
            }
    }
    std::sort(sticks.begin(), sticks.end());
    sticks.erase(std::unique(sticks.begin(), sticks.end()), sticks.end());
    return sticks;
}

bool IsBundleName(const std::string& name) {
    if (name.size() <= 4) return false;
    std::string extension = name.substr(name.size() - 4);
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    return extension == ".zip";
}

Error LinkProblem(const std::string& name) {
    return Error{"\"" + name + "\" is a symbolic link, which the kiosk never follows off a USB stick; copy the bundle "
                                "file itself onto the stick",
                 "\"" + name + "\" chỉ là liên kết (shortcut), không phải tệp gói nội dung: hãy chép chính tệp .zip vào USB."};
}

Error StickUnreadable(const fs::path& mount_point, int error) {
    return Error{"the USB stick at " + mount_point.string() + " cannot be read: " + std::strerror(error),
                 "Không đọc được USB " + mount_point.filename().string() + " (" + std::strerror(error) + ")."};
}

// Lists the bundles in the open directory `directory` (relative path `prefix`), and in its
// folders down to `depth_left` more levels, never leaving the filesystem `device`.
void ListBundles(int directory, const std::string& prefix, int depth_left, dev_t device, UsbStick& stick) {
    Descriptor reading(::dup(directory));
    if (!reading.valid()) return;
    DIR* listing = ::fdopendir(reading.get());
    if (!listing) return;
    reading.release();  // the DIR owns it now
    std::vector<std::string> names;
    while (dirent* entry = ::readdir(listing)) {
        std::string name = entry->d_name;
        if (name.empty() || name[0] == '.') continue;  // ".", "..", hidden files and the trash
        names.push_back(std::move(name));
    }
    ::closedir(listing);
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        struct stat status {};
        if (::fstatat(directory, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0) continue;
        const std::string relative = prefix.empty() ? name : prefix + "/" + name;
        if (S_ISDIR(status.st_mode)) {
            if (depth_left <= 0 || status.st_dev != device) continue;  // too deep, or another filesystem
            Descriptor folder(::openat(directory, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (folder.valid()) ListBundles(folder.get(), relative, depth_left - 1, device, stick);
            continue;
        }
        if (!IsBundleName(name)) continue;
        if (stick.bundles.size() >= kMaxBundlesPerStick) {
            stick.more_bundles_than_listed = true;
            return;
        }
        StickBundle bundle;
        bundle.mount_point = stick.mount_point;
        bundle.relative_path = relative;
        bundle.name = name;
        if (S_ISLNK(status.st_mode)) {
            bundle.problem = LinkProblem(relative);
        } else if (!S_ISREG(status.st_mode)) {
            bundle.problem = Error{"\"" + relative + "\" is not a plain file", "\"" + relative + "\" không phải tệp thường."};
        } else {
            bundle.size_bytes = static_cast<std::uint64_t>(status.st_size);
            bundle.modified_unix_s = status.st_mtim.tv_sec;
        }
        stick.bundles.push_back(std::move(bundle));
    }
}

Error CopyRefusal(const StickBundle& bundle, const std::string& english, const std::string& vietnamese) {
    return Error{"cannot copy \"" + bundle.relative_path + "\" from the USB stick " + bundle.mount_point.string() + ": " +
                     english + "; the kiosk's content is unchanged",
                 "Không chép được \"" + bundle.name + "\" từ USB: " + vietnamese + ". Kiosk vẫn dùng nội dung cũ."};
}

Error PulledOut(const StickBundle& bundle, const std::string& what) {
    return CopyRefusal(bundle, what + " (was the USB stick removed while it was read?)",
                       "USB bị rút ra hoặc tệp thay đổi khi đang đọc; hãy cắm lại USB và thử lại");
}

// Opens the bundle's file under its mount point one name at a time, refusing links, folders
// of another filesystem, "." and "..": nothing outside the stick can be reached.
Result<Descriptor> OpenOnStick(const StickBundle& bundle, const UsbSettings& settings) {
    const fs::path mount_point = bundle.mount_point.lexically_normal();
    auto mounted = StickMountPoints(settings);
    if (std::find(mounted.begin(), mounted.end(), mount_point) == mounted.end())
        return CopyRefusal(bundle, "that stick is not mounted under the USB mount roots (any more)",
                           "USB không còn được cắm");
    Descriptor directory(::open(mount_point.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!directory.valid()) return CopyRefusal(bundle, std::strerror(errno), "không mở được USB");
    struct stat stick_status {};
    if (::fstat(directory.get(), &stick_status) != 0) return CopyRefusal(bundle, std::strerror(errno), "không mở được USB");

    std::vector<std::string> parts;
    std::string part;
    std::istringstream split(bundle.relative_path);
    while (std::getline(split, part, '/')) parts.push_back(part);
    if (parts.empty()) return CopyRefusal(bundle, "no file is named", "không có tên tệp");
    for (size_t index = 0; index < parts.size(); ++index) {
        const std::string& name = parts[index];
        if (name.empty() || name == "." || name == "..")
            return CopyRefusal(bundle, "its path leaves the stick", "đường dẫn ra ngoài USB");
        const bool last = index + 1 == parts.size();
        Descriptor next(::openat(directory.get(), name.c_str(),
                                 O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (last ? O_NONBLOCK : O_DIRECTORY)));
        if (!next.valid()) {
            if (errno == ELOOP || errno == ENOTDIR) return LinkProblem(bundle.relative_path);
            return CopyRefusal(bundle, std::strerror(errno), "không mở được tệp");
        }
        struct stat status {};
        if (::fstat(next.get(), &status) != 0) return CopyRefusal(bundle, std::strerror(errno), "không mở được tệp");
        if (status.st_dev != stick_status.st_dev)
            return CopyRefusal(bundle, "it is on another filesystem than the stick", "tệp không nằm trên USB");
        if (last && !S_ISREG(status.st_mode))
            return CopyRefusal(bundle, "it is not a plain file", "không phải tệp thường");
        directory = std::move(next);
    }
    return directory;
}

Result<std::uint64_t> CopyBytes(const StickBundle& bundle, int from, int to, const struct stat& before,
                                const fs::path& copy, const CopyProgress& progress) {
    const auto total = static_cast<std::uint64_t>(before.st_size);
    std::string buffer(kCopyChunkBytes, '\0');
    std::uint64_t done = 0;
    while (true) {
        ssize_t got = ::read(from, buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            return PulledOut(bundle, std::string("reading failed: ") + std::strerror(errno));
        }
        if (got == 0) break;
        for (ssize_t written_total = 0; written_total < got;) {
            ssize_t written = ::write(to, buffer.data() + written_total, static_cast<size_t>(got - written_total));
            if (written < 0) {
                if (errno == EINTR) continue;
                return CopyRefusal(bundle, "writing " + copy.string() + " failed: " + std::strerror(errno),
                                   "không ghi được vào ổ đĩa của kiosk");
            }
            written_total += written;
        }
        done += static_cast<std::uint64_t>(got);
        if (done > total) return PulledOut(bundle, "the file grew while it was read");
        if (progress) progress(done, total);
    }
    return done;
}

}  // namespace

UsbSettings UsbSettings::FromConfig(const Config& config) {
    UsbSettings settings;
    settings.mount_roots = config.content.usb_mount_roots;
    return settings;
}

std::vector<UsbStick> ScanUsbSticks(const UsbSettings& settings) {
    std::vector<UsbStick> sticks;
    for (const auto& mount_point : StickMountPoints(settings)) {
        UsbStick stick;
        stick.mount_point = mount_point;
        stick.label = mount_point.filename().string();
        Descriptor directory(::open(mount_point.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        struct stat status {};
        if (!directory.valid() || ::fstat(directory.get(), &status) != 0) {
            stick.problem = StickUnreadable(mount_point, errno);
        } else {
            ListBundles(directory.get(), "", kFolderDepth, status.st_dev, stick);
        }
        sticks.push_back(std::move(stick));
    }
    return sticks;
}

std::string DescribeForChange(const std::vector<UsbStick>& sticks) {
    std::string text;
    for (const auto& stick : sticks) {
        text += stick.mount_point.string() + "|" + stick.problem.message + "\n";
        for (const auto& bundle : stick.bundles)
            text += "  " + bundle.relative_path + "|" + std::to_string(bundle.size_bytes) + "|" +
                    std::to_string(bundle.modified_unix_s) + "|" + bundle.problem.message + "\n";
    }
    return text;
}

Result<fs::path> CopyBundleFromStick(const StickBundle& bundle, const UsbSettings& settings, const fs::path& into_directory,
                                     const CopyProgress& progress) {
    auto source = OpenOnStick(bundle, settings);
    if (!source) return source.error();
    struct stat before {};
    if (::fstat(source->get(), &before) != 0) return PulledOut(bundle, std::strerror(errno));
    // A read from the stick must not hang on a fifo (refused above) nor block: plain reads from here.
    ::fcntl(source->get(), F_SETFL, ::fcntl(source->get(), F_GETFL) & ~O_NONBLOCK);
    const bundle::BundleLimits limits;
    if (static_cast<std::uint64_t>(before.st_size) > limits.max_total_bytes)
        return CopyRefusal(bundle,
                           std::to_string(before.st_size) + " bytes is more than a bundle may be (" +
                               std::to_string(limits.max_total_bytes) + ")",
                           "tệp quá lớn, không phải gói nội dung");
    if (auto room = bundle::CheckFreeSpace(into_directory, static_cast<std::uint64_t>(before.st_size), limits); !room)
        return room.error();

    const fs::path copy = into_directory / bundle.name;
    Descriptor target(::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!target.valid())
        return CopyRefusal(bundle, "cannot create " + copy.string() + ": " + std::strerror(errno),
                           "không ghi được vào ổ đĩa của kiosk");
    auto remove_copy = [&] {
        std::error_code ignored;
        fs::remove(copy, ignored);
    };
    auto copied = CopyBytes(bundle, source->get(), target.get(), before, copy, progress);
    if (!copied) {
        remove_copy();
        return copied.error();
    }
    struct stat after {};
    const bool unchanged = ::fstat(source->get(), &after) == 0 && after.st_size == before.st_size &&
                           after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec;
    if (*copied != static_cast<std::uint64_t>(before.st_size) || !unchanged) {
        remove_copy();
        return PulledOut(bundle, "only " + std::to_string(*copied) + " of " + std::to_string(before.st_size) +
                                     " bytes could be read, or the file changed while it was read");
    }
    if (::close(target.release()) != 0) {
        remove_copy();
        return CopyRefusal(bundle, "writing " + copy.string() + " failed: " + std::strerror(errno),
                           "không ghi được vào ổ đĩa của kiosk");
    }
    return copy;
}

}  // namespace kiosk::usb
