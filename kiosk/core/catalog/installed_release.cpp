#include "kiosk/core/catalog/installed_release.hpp"

#include "kiosk/core/bundle/content_store.hpp"

namespace kiosk::catalog {

std::optional<InstalledRelease> FindInstalledRelease(const std::filesystem::path& data_dir) {
    // The store owns its layout (kiosk/core/bundle/content_store.hpp): current -> releases/<name>,
    // with the files in <name>/content and the catalog built at install in <name>/catalog.sqlite.
    auto current = bundle::ContentStore::Open(data_dir).Current();
    if (!current) return std::nullopt;
    return InstalledRelease{current->content_directory, current->catalog_file};
}

}  // namespace kiosk::catalog
