#pragma once
// The kiosk software's version, from CMake's project(VERSION): shown to staff, sent in
// heartbeats, and compared with a content bundle's minimum kiosk version.
#include <string_view>

namespace kiosk {

std::string_view SoftwareVersion();  // "0.2.0"
// Compares dotted versions number by number ("0.10.0" > "0.9.1"); a missing part is 0.
// Returns <0, 0 or >0 like strcmp. Text that is not dotted numbers compares as 0.0.0.
int CompareVersions(std::string_view left, std::string_view right);

}  // namespace kiosk
