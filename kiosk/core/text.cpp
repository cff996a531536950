#include "kiosk/core/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace kiosk::text {
namespace {

std::string ReplaceInvalidBytes(std::string_view input) {
    std::string out;
    out.reserve(input.size());
    auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(input.data());
    utf8proc_ssize_t position = 0;
    const auto size = static_cast<utf8proc_ssize_t>(input.size());
    while (position < size) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + position, size - position, &code_point);
        if (length <= 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            position += 1;
        } else {
            out.append(input.substr(static_cast<size_t>(position), static_cast<size_t>(length)));
            position += length;
        }
    }
    return out;
}

std::string Map(std::string_view input, int options) {
    std::string valid = IsValidUtf8(input) ? std::string(input) : ReplaceInvalidBytes(input);
    utf8proc_uint8_t* mapped = nullptr;
    utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                           static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
                                           static_cast<utf8proc_option_t>(options));
    if (length < 0 || mapped == nullptr) return valid;
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    return std::string(reinterpret_cast<char*>(mapped), static_cast<size_t>(length));
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(text.size());
    size_t start = 0;
    for (size_t at = text.find(from); at != std::string_view::npos; at = text.find(from, start)) {
        out.append(text.substr(start, at - start)).append(to);
        start = at + from.size();
    }
    out.append(text.substr(start));
    return out;
}

}  // namespace

bool IsValidUtf8(std::string_view input) {
    auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(input.data());
    utf8proc_ssize_t position = 0;
    const auto size = static_cast<utf8proc_ssize_t>(input.size());
    while (position < size) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + position, size - position, &code_point);
        if (length <= 0) return false;
        position += length;
    }
    return true;
}

bool IsSurelyNfc(std::string_view input) {
    auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(input.data());
    utf8proc_ssize_t position = 0;
    const auto size = static_cast<utf8proc_ssize_t>(input.size());
    while (position < size) {
        if (bytes[position] < 0x80) {  // ASCII: the bulk of any JSON text
            ++position;
            continue;
        }
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + position, size - position, &code_point);
        if (length <= 0 || !IsNfcStable(static_cast<char32_t>(code_point))) return false;
        position += length;
    }
    return true;
}

bool IsNfcStable(char32_t code_point) {
    // Below the combining marks (Latin-1, Latin Extended-A/B: precomposed or plain letters),
    // Vietnamese's precomposed letters, and the dashes, quotes and ellipsis of General
    // Punctuation: none decomposes canonically, none composes with a neighbour of these
    // ranges. text_test checks every one of them against utf8proc.
    return code_point < 0x0300 || (code_point >= 0x1EA0 && code_point <= 0x1EF9) ||
           (code_point >= 0x2010 && code_point <= 0x2027);
}

std::string NormalizeNfc(std::string_view input) {
    if (IsSurelyNfc(input)) return std::string(input);  // most content: no work to do
    return Map(input, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

bool IsNfc(std::string_view input) {
    if (IsSurelyNfc(input)) return true;
    return IsValidUtf8(input) && Map(input, UTF8PROC_STABLE | UTF8PROC_COMPOSE) == input;
}

std::string Fold(std::string_view input) {
    std::string folded = Map(input, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    // đ has no decomposition, so stripping marks leaves it: map it by hand.
    return ReplaceAll(folded, "\xC4\x91", "d");  // đ (case folding already turned Đ into đ)
}

std::string LowerCase(std::string_view input) {
    return Map(input, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string CapitalizeFirst(std::string_view input) {
    auto code_points = DecodeUtf8(input);
    if (code_points.empty()) return std::string(input);
    std::string first = EncodeUtf8(code_points.front());
    return EncodeUtf8(static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(code_points.front())))) +
           std::string(input.substr(first.size()));
}

std::string CollapseWhitespace(std::string_view input) {
    std::string out;
    bool pending_space = false;
    for (char32_t code_point : DecodeUtf8(input)) {
        bool is_space = code_point == U' ' || code_point == U'\t' || code_point == U'\n' || code_point == U'\r' ||
                        code_point == 0x00A0 || code_point == 0x2007 || code_point == 0x202F ||
                        code_point == 0x200B || code_point == 0xFEFF || code_point == 0x3000;
        if (is_space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += EncodeUtf8(code_point);
    }
    return out;
}

std::vector<std::string> SplitWords(std::string_view input) {
    std::vector<std::string> words;
    std::string current;
    auto code_points = DecodeUtf8(input);
    auto is_word_part = [](char32_t code_point) {
        auto category = utf8proc_category(static_cast<utf8proc_int32_t>(code_point));
        return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||  // letters
               (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME) ||  // combining marks
               category == UTF8PROC_CATEGORY_ND;                                           // digits
    };
    auto is_digit = [](char32_t code_point) { return code_point >= U'0' && code_point <= U'9'; };
    for (size_t index = 0; index < code_points.size(); ++index) {
        char32_t code_point = code_points[index];
        bool inside_number = code_point == U'.' && index > 0 && index + 1 < code_points.size() &&
                             is_digit(code_points[index - 1]) && is_digit(code_points[index + 1]);
        if (is_word_part(code_point) || inside_number) {
            current += EncodeUtf8(code_point);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

std::vector<char32_t> DecodeUtf8(std::string_view input) {
    std::vector<char32_t> code_points;
    code_points.reserve(input.size());
    auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(input.data());
    utf8proc_ssize_t position = 0;
    const auto size = static_cast<utf8proc_ssize_t>(input.size());
    while (position < size) {
        utf8proc_int32_t code_point = 0;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + position, size - position, &code_point);
        if (length <= 0) {
            code_points.push_back(0xFFFD);
            position += 1;
        } else {
            code_points.push_back(static_cast<char32_t>(code_point));
            position += length;
        }
    }
    return code_points;
}

std::string EncodeUtf8(char32_t code_point) {
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), buffer);
    if (length <= 0) return "\xEF\xBF\xBD";
    return std::string(reinterpret_cast<char*>(buffer), static_cast<size_t>(length));
}

}  // namespace kiosk::text
