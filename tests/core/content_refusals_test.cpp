// What a hostile probe fed the content loader (issue 13 items 5, 6, 7, 18): each bad input is
// refused with a sentence naming the file and the field, the kiosk keeps showing the last
// good content, and text that is only in the wrong Unicode form is mended, not refused.
#include <doctest/doctest.h>

#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

std::string Manifest(const std::string& commune_name = "Xã Thử", const std::string& created = "2026-01-10") {
    return R"({"schema_version": 1, "content_id": "thu", "version": 3, "created": ")" + created +
           R"(", "commune": {"name": ")" + commune_name +
           R"(", "province": "Tỉnh Thử"}, "vote_reasons": ["Chờ lâu", "Khác"]})";
}
const char* kFields = R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch"}]})";
std::string Procedure(const std::string& code = "1.000001", const std::string& name = "Đăng ký khai sinh",
                      const std::string& extra = "") {
    return R"({"code": ")" + code + R"(", "name": ")" + name + R"(", "field": "ho-tich")" + extra + "}";
}

void WriteContent(const fs::path& directory) {
    testing::WriteFile(directory / "manifest.json", Manifest());
    testing::WriteFile(directory / "fields.json", kFields);
    testing::WriteFile(directory / "procedures.jsonl", Procedure() + "\n" + Procedure("1.000002", "Đăng ký kết hôn") + "\n");
}

std::string Refusal(const fs::path& directory) {
    auto loaded = content::LoadContentDirectory(directory);
    REQUIRE_MESSAGE(!loaded.ok(), "the content was accepted");
    CHECK(loaded.error().message.rfind("content refused:", 0) == 0);
    CHECK_FALSE(loaded.error().message_vietnamese.empty());
    return loaded.error().message;
}

bool Has(const std::string& message, const std::string& words) {
    INFO("message: " << message);
    return message.find(words) != std::string::npos;
}

// "Thủ tục" with its marks as separate code points (NFD).
const std::string kDecomposedVillage = "Xa\xCC\x83 Tha\xCC\x80nh";       // "Xã Thành"
const std::string kDecomposedField = "Ho\xCC\xA3\xCC\x82 ti\xCC\xA3" "ch";  // "Hộ tịch"

}  // namespace

TEST_CASE("content refusals: a NUL byte after a complete record does not hide the rest of the line") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    std::string hidden = Procedure() + std::string(1, '\0') + "," + Procedure("1.000003", "Ẩn") + "\n";
    testing::WriteFile(work / "procedures.jsonl", hidden + Procedure("1.000002", "Đăng ký kết hôn") + "\n");
    auto message = Refusal(work.path());
    CHECK(Has(message, "procedures.jsonl line 1"));
    CHECK(Has(message, "NUL byte at byte " + std::to_string(Procedure().size())));
    // And anywhere else in any file.
    WriteContent(work.path());
    testing::WriteFile(work / "fields.json", std::string(kFields) + std::string(1, '\0'));
    CHECK(Has(Refusal(work.path()), "fields.json contains a NUL byte"));
}

TEST_CASE("content refusals: dates the calendar does not have are refused") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    for (const char* date : {"2026-13-45", "2026-02-30", "2025-00-10", "２０２６-01-01", "2026-1-10"}) {
        testing::WriteFile(work / "manifest.json", Manifest("Xã Thử", date));
        auto message = Refusal(work.path());
        CHECK(Has(message, "manifest.json, field \"created\""));
        CHECK(Has(message, std::string("found \"") + date + "\""));
    }
    testing::WriteFile(work / "manifest.json", Manifest("Xã Thử", "2028-02-29"));  // a leap day is a day
    CHECK(content::LoadContentDirectory(work.path()).ok());
    testing::WriteFile(work / "procedures.jsonl", Procedure("1.000001", "Đăng ký khai sinh", R"(, "effective_from": "2026-04-31")") + "\n");
    CHECK(Has(Refusal(work.path()), "field \"effective_from\""));
    testing::WriteFile(work / "procedures.jsonl", Procedure("1.000001", "Đăng ký khai sinh", R"(, "effective_until": "2026-99-01")") + "\n");
    CHECK(Has(Refusal(work.path()), "field \"effective_until\""));
}

TEST_CASE("content refusals: a blank required text is refused like a missing one") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    testing::WriteFile(work / "procedures.jsonl", Procedure("1.000001", "   ") + "\n");
    auto message = Refusal(work.path());
    CHECK(Has(message, "procedures.jsonl line 1 (1.000001), field \"name\""));
    CHECK(Has(message, "blank"));
    testing::WriteFile(work / "procedures.jsonl", Procedure("1.000001", "\\t\\u00a0\\n") + "\n");
    CHECK(Has(Refusal(work.path()), "blank"));
    WriteContent(work.path());
    testing::WriteFile(work / "manifest.json", Manifest(" \\u3000 "));
    CHECK(Has(Refusal(work.path()), "field \"commune.name\" must not be blank"));
}

TEST_CASE("content refusals: two guides with one id are refused (only one could ever open)") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    const char* step = R"("steps": [{"title": "Bước 1", "text": "Mở ứng dụng"}])";
    testing::WriteFile(work / "guides.json", std::string(R"({"guides": [{"id": "vneid", "title": "Kích hoạt VNeID", )") + step +
                                                 R"(}, {"id": "vneid", "title": "Khác", )" + step + "}]}");
    auto message = Refusal(work.path());
    CHECK(Has(message, "guides.json, field \"guides[1].id\""));
    CHECK(Has(message, "repeats the id \"vneid\""));
}

TEST_CASE("content refusals: a key given twice in one object is refused, in every file") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    testing::WriteFile(work / "procedures.jsonl",
                       R"({"code": "1.000001", "name": "Đăng ký khai sinh", "field": "ho-tich", "name": "Khác"})" "\n");
    auto message = Refusal(work.path());
    CHECK(Has(message, "procedures.jsonl line 1"));
    CHECK(Has(message, "repeats the key \"name\""));
    WriteContent(work.path());
    testing::WriteFile(work / "manifest.json",
                       R"({"schema_version": 1, "content_id": "thu", "version": 3, "created": "2026-01-10",
                          "commune": {"name": "Xã Một", "province": "Tỉnh Thử", "name": "Xã Hai"}})");
    message = Refusal(work.path());
    CHECK(Has(message, "manifest.json"));
    CHECK(Has(message, "repeats the key \"name\" in one object (in commune)"));
    // The same key in two different objects is fine.
    WriteContent(work.path());
    testing::WriteFile(work / "fields.json", R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch"}, {"id": "dat-dai", "name": "Đất đai"}]})");
    CHECK(content::LoadContentDirectory(work.path()).ok());
}

TEST_CASE("content refusals: decomposed (NFD) text is normalized to NFC wherever it is") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    testing::WriteFile(work / "manifest.json",
                       R"({"schema_version": 1, "content_id": "thu", "version": 3, "created": "2026-01-10", "commune": {"name": ")" +
                           kDecomposedVillage + R"(", "province": "Tỉnh Thử"}, "vote_reasons": [")" + kDecomposedField + R"("]})");
    testing::WriteFile(work / "fields.json", R"({"fields": [{"id": "ho-tich", "name": ")" + kDecomposedField + R"("}]})");
    testing::WriteFile(work / "procedures.jsonl",
                       Procedure("1.000001", kDecomposedField, R"(, "steps": [{"text": ")" + kDecomposedVillage + R"(", "details": []}])") + "\n");
    testing::WriteFile(work / "guides.json", R"({"guides": [{"id": "vneid", "title": ")" + kDecomposedField +
                                                 R"(", "steps": [{"title": "B", "text": ")" + kDecomposedVillage + R"("}]}]})");
    auto loaded = content::LoadContentDirectory(work.path());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    CHECK(loaded->manifest.commune.name == "Xã Thành");
    CHECK(loaded->manifest.vote_reasons.front() == "Hộ tịch");
    CHECK(loaded->fields.front().name == "Hộ tịch");
    CHECK(loaded->procedures.front().name == "Hộ tịch");
    CHECK(loaded->procedures.front().steps.front().text == "Xã Thành");
    CHECK(loaded->guides.front().title == "Hộ tịch");
    CHECK(loaded->guides.front().steps.front().text == "Xã Thành");

    // What the kiosk writes (the importer's procedures.jsonl, manifests) is NFC too.
    content::Procedure procedure = loaded->procedures.front();
    procedure.name = kDecomposedField;
    procedure.requirements = kDecomposedVillage;
    std::string line = content::DumpLine(content::ProcedureToJson(procedure));
    CHECK(text::IsNfc(line));
    CHECK(line.find("Hộ tịch") != std::string::npos);
    content::Manifest manifest = loaded->manifest;
    manifest.commune.name = kDecomposedVillage;
    CHECK(text::IsNfc(content::DumpDocument(content::ManifestToJson(manifest))));
}

TEST_CASE("content refusals: every text has a limit, a 3 MB commune name is refused with a sentence") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    testing::WriteFile(work / "manifest.json", Manifest(std::string(3 * 1024 * 1024, 'x')));
    auto message = Refusal(work.path());
    CHECK(Has(message, "manifest.json, field \"commune.name\" is 3145728 bytes long, more than the 2048"));

    WriteContent(work.path());
    testing::WriteFile(work / "procedures.jsonl",
                       Procedure("1.000001", "Đăng ký khai sinh", R"(, "requirements": ")" + std::string(300000, 'y') + "\"") + "\n");
    CHECK(Has(Refusal(work.path()), "field \"requirements\" is 300000 bytes long"));

    std::string steps;
    for (int index = 0; index <= 2000; ++index) steps += std::string(index ? "," : "") + "\"b\"";
    testing::WriteFile(work / "procedures.jsonl", Procedure("1.000001", "Đăng ký khai sinh", R"(, "steps": [)" + steps + "]") + "\n");
    CHECK(Has(Refusal(work.path()), "field \"steps\" lists 2001 items"));

    // The real content, with its longest texts, is well inside every limit.
    CHECK(content::LoadContentDirectory(testing::SourceDirectory() / "content").ok());
}

TEST_CASE("content refusals: content grown past a limit falls back to the last good content") {
    testing::TemporaryDirectory work;
    WriteContent(work / "content");
    catalog::ContentSource source({work / "content", work / "state", {}});
    auto first = source.Open();
    REQUIRE(first.ok());
    testing::WriteFile(work / "content" / "manifest.json", Manifest(std::string(3 * 1024 * 1024, 'x')));
    auto second = source.Open();
    CHECK_FALSE(second.ok());
    CHECK(Has(second.problem.message, "commune.name"));
    REQUIRE(second.catalog);
    CHECK(second.fallback);
    CHECK(second.catalog->manifest().commune.name == "Xã Thử");
}

TEST_CASE("content refusals: a content file that is there but unreadable is not called missing") {
    testing::TemporaryDirectory work;
    WriteContent(work.path());
    fs::remove(work / "procedures.jsonl");
    fs::create_directory(work / "procedures.jsonl");
    auto message = Refusal(work.path());
    CHECK(Has(message, "procedures.jsonl is a directory"));
    CHECK_FALSE(Has(message, "missing"));
    fs::remove(work / "procedures.jsonl");
    CHECK(Has(Refusal(work.path()), "procedures.jsonl is missing from"));
}
