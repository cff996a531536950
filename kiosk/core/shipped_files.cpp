#include "kiosk/core/shipped_files.hpp"

#include <system_error>

// Both are set by CMakeLists.txt: the data directory relative to the binary directory once
// installed ("../share/kiosk-mot-cua" under GNUInstallDirs), and the source tree.
#ifndef KIOSK_INSTALLED_DATA_FROM_BINDIR
#define KIOSK_INSTALLED_DATA_FROM_BINDIR "../share/kiosk-mot-cua"
#endif
#ifndef KIOSK_SOURCE_DATA_DIR
#define KIOSK_SOURCE_DATA_DIR "."
#endif

namespace kiosk {

std::filesystem::path ShippedFilesDirectoryFor(const std::filesystem::path& executable, std::string_view name) {
    std::error_code error;
    if (!executable.empty()) {
        auto installed = (executable.parent_path() / KIOSK_INSTALLED_DATA_FROM_BINDIR / name).lexically_normal();
        if (std::filesystem::is_directory(installed, error)) return installed;
    }
    return std::filesystem::path(KIOSK_SOURCE_DATA_DIR) / name;
}

std::filesystem::path ShippedFilesDirectory(std::string_view name) {
    std::error_code error;
    auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    return ShippedFilesDirectoryFor(error ? std::filesystem::path{} : executable, name);
}

}  // namespace kiosk
