#pragma once
// Vietnamese text rules in one place: every string shown is NFC (ImGui does no shaping,
// so decomposed marks would draw as "?"), and search compares folded text
// (lower case, no diacritics, đ → d).
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

// Valid UTF-8 in NFC. Invalid byte sequences become U+FFFD instead of failing, so one bad
// byte in a record never hides the rest of the text.
std::string NormalizeNfc(std::string_view input);
bool IsNfc(std::string_view input);

// The fast path of both: valid UTF-8 whose every code point is one IsNfcStable knows to be
// unchanged by NFC in any neighbourhood. False means "ask utf8proc", not "not NFC".
bool IsSurelyNfc(std::string_view input);
bool IsNfcStable(char32_t code_point);
bool IsValidUtf8(std::string_view input);

// Lower case, diacritics stripped, đ/Đ → d. "Đăng ký Khai sinh" → "dang ky khai sinh".
std::string Fold(std::string_view input);

// Lower case only, diacritics kept ("Đăng Ký" → "đăng ký"), for exact-diacritic matches.
std::string LowerCase(std::string_view input);

// The first letter in upper case, the rest as it is ("biên bản …" → "Biên bản …").
std::string CapitalizeFirst(std::string_view input);

// Collapses runs of whitespace (tabs, no-break spaces, newlines) to one space and trims.
std::string CollapseWhitespace(std::string_view input);

// Splits text into words: runs of letters and digits (any script); everything else
// (spaces, punctuation, "/", "-") separates. "Đăng ký (cấp xã)" → {"Đăng", "ký", "cấp", "xã"}.
// Decimal points inside numbers are kept ("1.000894" stays one word).
std::vector<std::string> SplitWords(std::string_view input);

// Decodes UTF-8 to code points (invalid bytes become U+FFFD).
std::vector<char32_t> DecodeUtf8(std::string_view input);
std::string EncodeUtf8(char32_t code_point);

}  // namespace kiosk::text
