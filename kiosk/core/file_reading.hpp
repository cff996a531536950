#pragma once
// Reading a whole file, with a cause that is true: "does not exist" only when it does not,
// "cannot be read: permission denied" when it is there but closed to us, "is a directory"...
// (an ifstream that fails says none of that, so every unreadable file used to be "missing").
#include <filesystem>
#include <string>

#include "kiosk/core/result.hpp"

namespace kiosk {

struct FileReadFailure {
    bool absent = false;  // ENOENT: the file (or a directory on its way) does not exist
    std::string cause;    // "does not exist", "cannot be read: permission denied", ...
};

// The bytes of file, or why not. Never throws.
Result<std::string> ReadWholeFile(const std::filesystem::path& file, FileReadFailure* failure = nullptr);

}  // namespace kiosk
