#include "kiosk/core/catalog/installed_release.hpp"

#include "kiosk/core/content/content_directory.hpp"

namespace kiosk::catalog {

std::optional<InstalledRelease> FindInstalledRelease(const std::filesystem::path& data_dir) {
    std::error_code error;
    auto current = data_dir / "content" / "current";
    if (!std::filesystem::is_regular_file(current / content::kManifestFile, error)) return std::nullopt;
    return InstalledRelease{current, {}};
}

}  // namespace kiosk::catalog
