// synonyms.json: the shipped table is organised by field, each meaning uses words the
// procedure names really contain, and a table a person broke is refused with a sentence.
#include <doctest/doctest.h>

#include <set>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const char* kManifest = R"({"schema_version": 1, "content_id": "test", "version": 1, "created": "2026-01-10",
  "commune": {"name": "Xã Thử", "province": "Tỉnh Thử"}})";
const char* kFields = R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch", "display_order": 10}]})";
const char* kProcedure = R"({"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "commune_level": true})";

void WriteContent(const fs::path& directory, const std::string& synonyms) {
    testing::WriteFile(directory / "manifest.json", kManifest);
    testing::WriteFile(directory / "fields.json", kFields);
    testing::WriteFile(directory / "procedures.jsonl", std::string(kProcedure) + "\n");
    testing::WriteFile(directory / "synonyms.json", synonyms);
}

void ExpectRefused(const std::string& synonyms, const std::string& field, const std::string& words) {
    testing::TemporaryDirectory directory;
    WriteContent(directory.path(), synonyms);
    auto loaded = content::LoadContentDirectory(directory.path());
    REQUIRE_FALSE(loaded.ok());
    INFO("message: " << loaded.error().message);
    CHECK(loaded.error().message.find("synonyms.json") != std::string::npos);
    CHECK(loaded.error().message.find("\"" + field + "\"") != std::string::npos);
    CHECK(loaded.error().message.find(words) != std::string::npos);
    CHECK(loaded.error().message_vietnamese.find("synonyms.json") != std::string::npos);
}

}  // namespace

TEST_CASE("synonyms: the shipped table is grouped by field and every meaning uses the names' own words") {
    auto loaded = content::LoadContentDirectory(testing::SourceDirectory() / "content");
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    std::set<std::string> name_words, groups;
    for (const auto& procedure : loaded->procedures)
        for (const auto& word : text::SplitWords(text::Fold(procedure.name))) name_words.insert(word);
    for (const auto& synonym : loaded->synonyms) {
        groups.insert(synonym.field);
        for (const auto& meaning : synonym.means)
            for (const auto& word : text::SplitWords(text::Fold(meaning)))
                CHECK_MESSAGE(name_words.count(word) == 1, "\"" << synonym.phrase << "\" → \"" << meaning << "\": \"" << word
                                                                 << "\" is in no procedure name, so it can never match");
    }
    // The four kinds of words the issue found missing each have their field's group.
    for (const char* field : {"dang-ky-quan-ly-cu-tru", "ho-tich", "thuc-hien-chinh-sach-bhxh", "chung-thuc"})
        CHECK_MESSAGE(groups.count(field) == 1, field);
    CHECK(groups.size() >= 30);
    CHECK(loaded->synonyms.size() >= 300);
}

TEST_CASE("synonyms: the first kiosks' flat list still loads, as words used across fields") {
    testing::TemporaryDirectory directory;
    WriteContent(directory.path(), R"({"synonyms": [{"phrase": "giấy chết", "means": ["khai tử"]}]})");
    auto loaded = content::LoadContentDirectory(directory.path());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    REQUIRE(loaded->synonyms.size() == 1);
    CHECK(loaded->synonyms[0].field.empty());
}

TEST_CASE("synonyms: a broken table is refused naming the group and the mistake") {
    ExpectRefused(R"({"groups": [{"field": "dat-dai", "why": "Sổ đỏ.", "synonyms": [{"phrase": "sổ đỏ", "means": ["đất"]}]}]})",
                  "groups[0].field", "not a field id in fields.json");
    ExpectRefused(R"({"groups": [{"field": "ho-tich", "why": "Khai sinh.", "synonyms": [
                     {"phrase": "giấy khai sinh", "means": ["khai sinh"]}, {"phrase": "Giay Khai Sinh", "means": ["sinh"]}]}]})",
                  "groups[0].synonyms[1].phrase", "already at groups[0].synonyms[0].phrase");
    ExpectRefused(R"({"groups": [{"field": "ho-tich", "why": "Khai sinh.", "synonyms": [{"phrase": "khai sinh", "means": []}]}]})",
                  "groups[0].synonyms[0].means", "at least one");
    ExpectRefused(R"({"groups": [{"field": "ho-tich", "why": "Khai sinh.", "synonyms": [{"phrase": "?!", "means": ["khai sinh"]}]}]})",
                  "groups[0].synonyms[0].phrase", "no letters");
    ExpectRefused(R"({"groups": [{"field": "ho-tich", "why": " - ", "synonyms": [{"phrase": "khai sinh", "means": ["sinh"]}]}]})",
                  "groups[0].why", "why");
    ExpectRefused(R"({"groups": [{"field": "ho-tich", "synonyms": [{"phrase": "khai sinh", "means": ["sinh"]}]}]})",
                  "groups[0].why", "missing");
    ExpectRefused(R"({"about": "nothing"})", "groups", "missing");
}
