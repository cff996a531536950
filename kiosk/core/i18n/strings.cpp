#include "kiosk/core/i18n/strings.hpp"

#include <mutex>
#include <set>
#include <unordered_map>

namespace kiosk::i18n {
namespace {

using Table = std::unordered_map<std::string_view, std::string_view>;

Table BuildTable(const std::vector<Entry>& entries) {
    Table table;
    for (const auto& entry : entries) table.emplace(entry.key, entry.text);
    return table;
}

std::mutex missing_mutex;
std::set<std::string, std::less<>> missing_keys;

}  // namespace

std::string_view Get(Language language, std::string_view key) {
    static const Table vietnamese = BuildTable(VietnameseTable());
    static const Table english = BuildTable(EnglishTable());
    const Table& table = language == Language::English ? english : vietnamese;
    if (auto it = table.find(key); it != table.end()) return it->second;
    std::lock_guard lock(missing_mutex);
    return *missing_keys.emplace(key).first;
}

std::string_view GetStaff(std::string_view key) {
    static const Table staff = BuildTable(StaffTable());
    if (auto it = staff.find(key); it != staff.end()) return it->second;
    std::lock_guard lock(missing_mutex);
    return *missing_keys.emplace(key).first;
}

std::vector<std::string> MissingKeysSeen() {
    std::lock_guard lock(missing_mutex);
    return {missing_keys.begin(), missing_keys.end()};
}

std::string Format(std::string_view pattern, std::initializer_list<std::string_view> arguments) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            size_t index = static_cast<size_t>(pattern[i + 1] - '0');
            if (index < arguments.size()) {
                out += *(arguments.begin() + index);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace kiosk::i18n
