#include <doctest/doctest.h>

#include <vector>

#include "kiosk/core/text.hpp"

using namespace kiosk::text;
namespace text = kiosk::text;

TEST_CASE("text: decomposed Vietnamese becomes NFC") {
    // "Thủ tục" written with combining marks (NFD), as ~500 portal records are.
    std::string decomposed = "Thu\xCC\x89 tu\xCC\xA3" "c";
    CHECK_FALSE(IsNfc(decomposed));
    std::string composed = NormalizeNfc(decomposed);
    CHECK(composed == "Thủ tục");
    CHECK(IsNfc(composed));
}

TEST_CASE("text: invalid UTF-8 is replaced, not dropped") {
    std::string broken = "ab\xFF" "cd";
    CHECK_FALSE(IsValidUtf8(broken));
    CHECK(NormalizeNfc(broken) == "ab\xEF\xBF\xBD" "cd");
}

TEST_CASE("text: folding strips diacritics and maps đ to d") {
    CHECK(Fold("Đăng ký khai sinh") == "dang ky khai sinh");
    CHECK(Fold("ĐĂNG KÝ THƯỜNG TRÚ") == "dang ky thuong tru");
    CHECK(Fold("Căn cước công dân") == "can cuoc cong dan");
    CHECK(Fold("Thu\xCC\x89 tu\xCC\xA3" "c") == "thu tuc");  // NFD input folds the same
    CHECK(Fold("sổ đỏ") == "so do");
}

TEST_CASE("text: lower case keeps the marks") {
    CHECK(LowerCase("Đăng Ký") == "đăng ký");
}

TEST_CASE("text: whitespace of every kind collapses to one space") {
    CHECK(CollapseWhitespace("  Bước 1:\tnộp\xC2\xA0hồ sơ\n\n") == "Bước 1: nộp hồ sơ");
}

TEST_CASE("text: the NFC fast path only passes code points NFC leaves alone, alone or side by side") {
    std::vector<char32_t> stable;
    for (char32_t code_point = 1; code_point < 0x3000; ++code_point)
        if (text::IsNfcStable(code_point)) stable.push_back(code_point);
    REQUIRE(stable.size() > 800);
    auto unchanged_by_utf8proc = [](const std::string& text) {
        // IsSurelyNfc would answer for it: ask utf8proc the long way, through a mark that
        // keeps the fast path off ("\u0301" alone after a space is NFC and stays).
        std::string probe = text + " \xCC\x81";
        return text::NormalizeNfc(probe) == probe;
    };
    int failures = 0;
    for (char32_t first : stable) {
        if (!unchanged_by_utf8proc(text::EncodeUtf8(first))) ++failures;
        for (char32_t second : stable)
            if (!unchanged_by_utf8proc(text::EncodeUtf8(first) + text::EncodeUtf8(second))) ++failures;
    }
    CHECK(failures == 0);
    // And the fast path does not swallow what needs work.
    CHECK_FALSE(text::IsSurelyNfc("Khai sinh\xCC\x81"));
    CHECK(text::NormalizeNfc("Khai sinh e\xCC\x81") == "Khai sinh \xC3\xA9");
    CHECK(text::IsSurelyNfc("Thủ tục đăng ký khai sinh — “bản sao”…"));
}
