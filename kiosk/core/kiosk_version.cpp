#include "kiosk/core/kiosk_version.hpp"

#include <charconv>

namespace kiosk {

std::optional<std::array<int, 3>> ParseKioskVersion(std::string_view text) {
    std::array<int, 3> parts{};
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (size_t index = 0; index < parts.size(); ++index) {
        if (index > 0) {
            if (at == end || *at != '.') return std::nullopt;
            ++at;
        }
        if (at == end || *at < '0' || *at > '9') return std::nullopt;
        auto [next, error] = std::from_chars(at, end, parts[index]);
        if (error != std::errc()) return std::nullopt;
        at = next;
    }
    if (at != end) return std::nullopt;
    return parts;
}

}  // namespace kiosk
