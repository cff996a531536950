#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/core/text.hpp"

using namespace kiosk;

TEST_CASE("i18n: Vietnamese and English tables have the same keys, no duplicates, no empty text") {
    std::set<std::string> vietnamese_keys, english_keys;
    for (const auto& entry : i18n::VietnameseTable()) {
        CHECK_MESSAGE(vietnamese_keys.insert(std::string(entry.key)).second, "duplicate key ", entry.key);
        CHECK_MESSAGE(!entry.text.empty(), "empty text for ", entry.key);
    }
    for (const auto& entry : i18n::EnglishTable()) {
        CHECK_MESSAGE(english_keys.insert(std::string(entry.key)).second, "duplicate key ", entry.key);
        CHECK_MESSAGE(!entry.text.empty(), "empty text for ", entry.key);
    }
    for (const auto& key : vietnamese_keys) CHECK_MESSAGE(english_keys.contains(key), "no English for ", key);
    for (const auto& key : english_keys) CHECK_MESSAGE(vietnamese_keys.contains(key), "no Vietnamese for ", key);
}

TEST_CASE("i18n: the staff table (Vietnamese only) has no duplicates and no empty text") {
    std::set<std::string> keys;
    for (const auto& entry : i18n::StaffTable()) {
        CHECK_MESSAGE(keys.insert(std::string(entry.key)).second, "duplicate key ", entry.key);
        CHECK_MESSAGE(!entry.text.empty(), "empty text for ", entry.key);
        CHECK_MESSAGE(text::IsNfc(entry.text), entry.key);
    }
    CHECK(i18n::GetStaff("staff.banner") == "CHẾ ĐỘ CÁN BỘ");
}

TEST_CASE("i18n: every string is NFC, as ImGui needs to draw it") {
    for (const auto& entry : i18n::VietnameseTable()) CHECK_MESSAGE(text::IsNfc(entry.text), entry.key);
    for (const auto& entry : i18n::EnglishTable()) CHECK_MESSAGE(text::IsNfc(entry.text), entry.key);
}

TEST_CASE("i18n: lookups and formatting") {
    CHECK(i18n::Get(Language::Vietnamese, "frame.back") == "Quay lại");
    CHECK(i18n::Get(Language::English, "frame.back") == "Back");
    CHECK(i18n::Format("Còn {0} giây, {1}", {"8", "xin mời"}) == "Còn 8 giây, xin mời");
    CHECK(i18n::Format("{2} stays", {"a"}) == "{2} stays");
}

TEST_CASE("i18n: a missing key is remembered so tests can catch it") {
    CHECK(i18n::Get(Language::English, "no.such.key.for.test") == "no.such.key.for.test");
    auto missing = i18n::MissingKeysSeen();
    CHECK(std::find(missing.begin(), missing.end(), "no.such.key.for.test") != missing.end());
}
