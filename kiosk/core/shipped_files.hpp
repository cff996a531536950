#pragma once
// Where the files shipped with the kiosk are (the demo content, the font list): beside an
// installed binary, <prefix>/bin/kiosk finds them in <prefix>/share/kiosk-mot-cua (what
// `cmake --install` and the Debian package lay out); a binary in a build tree finds them in
// the source tree it was built from. So one build serves the tests and the package.
#include <filesystem>
#include <string_view>

namespace kiosk {

// The directory `name` ("content", "fonts") for the running executable.
std::filesystem::path ShippedFilesDirectory(std::string_view name);

// The same for a given executable path (what the tests use).
std::filesystem::path ShippedFilesDirectoryFor(const std::filesystem::path& executable, std::string_view name);

}  // namespace kiosk
