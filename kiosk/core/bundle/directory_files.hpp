#pragma once
// The files of a content directory as a bundle lists them: every regular file under it,
// relative, "/"-separated, sorted, with size and SHA-256. A symlink, device, fifo or socket
// is refused (a bundle holds files only), and so is a name BundlePathProblem refuses.
// Used by the packer and by installing a directory.
#include <filesystem>
#include <vector>

#include "kiosk/core/bundle/bundle_file.hpp"
#include "kiosk/core/bundle/bundle_limits.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

Result<std::vector<BundleFile>> ListDirectoryFiles(const std::filesystem::path& directory, const BundleLimits& limits);

}  // namespace kiosk::bundle
