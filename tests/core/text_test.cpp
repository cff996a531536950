#include <doctest/doctest.h>

#include "kiosk/core/text.hpp"

using namespace kiosk::text;

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
