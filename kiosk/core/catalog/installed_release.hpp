#pragma once
// The content release installed under the data directory by `kiosk content install` (the
// bundle store, <data_dir>/content/current), if there is one. Until the first install the
// factory content_dir is shown. This is the one place that knows the store's layout.
#include <filesystem>
#include <optional>

namespace kiosk::catalog {

struct InstalledRelease {
    std::filesystem::path content_directory;
    std::filesystem::path catalog_file;  // built at install time; empty when the store has none
};

std::optional<InstalledRelease> FindInstalledRelease(const std::filesystem::path& data_dir);

}  // namespace kiosk::catalog
