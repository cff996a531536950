#include "kiosk/core/version.hpp"

#include <charconv>
#include <vector>

namespace kiosk {
namespace {

std::vector<long> Parts(std::string_view text) {
    std::vector<long> parts;
    while (!text.empty()) {
        size_t dot = text.find('.');
        std::string_view part = text.substr(0, dot);
        long number = 0;
        auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), number);
        if (error != std::errc() || end != part.data() + part.size()) return {};
        parts.push_back(number);
        if (dot == std::string_view::npos) break;
        text.remove_prefix(dot + 1);
    }
    return parts;
}

}  // namespace

std::string_view SoftwareVersion() { return KIOSK_VERSION; }

int CompareVersions(std::string_view left, std::string_view right) {
    auto a = Parts(left), b = Parts(right);
    for (size_t index = 0; index < std::max(a.size(), b.size()); ++index) {
        long x = index < a.size() ? a[index] : 0, y = index < b.size() ? b[index] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

}  // namespace kiosk
