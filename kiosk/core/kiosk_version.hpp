#pragma once
// The kiosk's own version. A content bundle names the oldest kiosk that can show it
// ("minimum_kiosk_version" in its index); an older kiosk refuses the bundle instead of
// showing content it may misread.
#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

inline constexpr const char* kKioskVersion = "0.1.0";

// "1.2.3" → {1, 2, 3}; nullopt for anything else (exactly three whole numbers, dots between).
std::optional<std::array<int, 3>> ParseKioskVersion(std::string_view text);

}  // namespace kiosk
