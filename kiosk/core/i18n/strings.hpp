#pragma once
// Interface strings: one table per language (strings_vi.cpp, strings_en.cpp), looked up by
// key. Screens never hold literal sentences; content (procedures, guides …) is not here.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/config.hpp"

namespace kiosk::i18n {

struct Entry {
    std::string_view key;
    std::string_view text;
};

// The tables themselves (defined in strings_vi.cpp / strings_en.cpp).
std::vector<Entry> VietnameseTable();
std::vector<Entry> EnglishTable();

// The string for key in language. A missing key returns the key itself and is remembered,
// so the screen test can fail on it instead of a citizen reading "home.title".
std::string_view Get(Language language, std::string_view key);

// Staff screens speak Vietnamese only, whatever language the last citizen chose: they are
// the desk officer's (strings_staff_vi.cpp). A missing key is remembered like Get's.
std::vector<Entry> StaffTable();
std::string_view GetStaff(std::string_view key);
std::vector<std::string> MissingKeysSeen();

// Replaces {0}, {1} … in a pattern ("Còn {0} giây") with the arguments.
std::string Format(std::string_view pattern, std::initializer_list<std::string_view> arguments);

}  // namespace kiosk::i18n
