#pragma once
// The rule for every file name inside a bundle — a zip entry's name and a path the index
// lists alike: relative, "/" between parts, no "", "." or ".." part, no backslash, no drive
// letter, no control characters, valid UTF-8, not too long, and not one of the names the
// bundle itself uses (its index and signature). So nothing unpacked can land outside the
// release directory, whatever the zip says.
#include <optional>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr size_t kMaxPathBytes = 512;
inline constexpr size_t kMaxPathPartBytes = 200;

// nullopt when path is acceptable; else what is wrong with it, as a phrase in both
// languages that follows the quoted name ("\"../x\" climbs out of the bundle with \"..\"").
std::optional<Error> BundlePathProblem(std::string_view path);

}  // namespace kiosk::bundle
