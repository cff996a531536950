// A kiosk left on across the day a procedure takes effect: the same open catalog shows it
// from that morning on, and stops showing the one it replaces, without being reopened.
#include <doctest/doctest.h>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A commune whose bee-keeping permit is replaced on 2026-07-01.
void WriteBeeKeepingContent(const fs::path& content_dir) {
    testing::WriteFile(content_dir / "manifest.json",
                       R"({"schema_version": 1, "content_id": "t", "version": 1, "created": "2026-06-01",
                           "commune": {"name": "Xã Thử", "province": "Tỉnh Thử"}})");
    testing::WriteFile(content_dir / "fields.json",
                       R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch"}, {"id": "nong-nghiep", "name": "Nông nghiệp"}]})");
    testing::WriteFile(content_dir / "procedures.jsonl",
                       R"({"code": "1.000001", "name": "Đăng ký khai sinh", "field": "ho-tich"})"
                       "\n"
                       R"({"code": "1.000002", "name": "Cấp giấy xác nhận nuôi ong cũ", "field": "nong-nghiep", "effective_until": "2026-07-01"})"
                       "\n"
                       R"({"code": "1.000003", "name": "Cấp giấy phép nuôi ong", "field": "nong-nghiep", "effective_from": "2026-07-01"})"
                       "\n");
}

}  // namespace

TEST_CASE("catalog date: an open catalog follows the calendar across the day a procedure takes effect") {
    testing::TemporaryDirectory work;
    auto content_dir = work / "content";
    WriteBeeKeepingContent(content_dir);
    std::string today = "2026-06-30";
    auto opened = catalog::OpenContentCatalog(content_dir, work / "cache", nullptr,
                                              catalog::CatalogDate::From([&today] { return today; }));
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    const catalog::Catalog& catalog = *opened;

    // The evening before: the old procedure is in force, the new one is not yet.
    CHECK(catalog.today() == "2026-06-30");
    CHECK(catalog.ProcedureCount() == 2);
    CHECK(catalog.FindProcedure("1.000002").ok());
    CHECK_FALSE(catalog.FindProcedure("1.000003").ok());
    CHECK_FALSE(catalog.FindSummary("1.000003").has_value());
    auto evening = catalog.Search("nuoi ong", 10);
    REQUIRE(evening.size() == 1);
    CHECK(evening[0].code == "1.000002");
    CHECK(catalog.ContentAgeDays() == 29);

    // Past midnight, same catalog object, nothing reopened.
    today = "2026-07-01";
    CHECK(catalog.ProcedureCount() == 2);
    CHECK_FALSE(catalog.FindProcedure("1.000002").ok());
    auto new_procedure = catalog.FindProcedure("1.000003");
    REQUIRE(new_procedure.ok());
    CHECK(new_procedure->name == "Cấp giấy phép nuôi ong");
    CHECK_FALSE(catalog.FindSummary("1.000002").has_value());
    CHECK(catalog.FindSummary("1.000003").has_value());
    auto list = catalog.ProceduresInField("nong-nghiep");
    REQUIRE(list.size() == 1);
    CHECK(list[0].code == "1.000003");
    auto morning = catalog.Search("nuoi ong", 10);  // the search index follows the day too
    REQUIRE(morning.size() == 1);
    CHECK(morning[0].code == "1.000003");
    CHECK(catalog.ContentAgeDays() == 30);
    int counted = 0;
    for (const auto& field : catalog.Fields()) counted += field.procedure_count;
    CHECK(counted == 2);
}

TEST_CASE("catalog date: a search index built ahead on a worker is for the day it was built") {
    testing::TemporaryDirectory work;
    auto content_dir = work / "content";
    WriteBeeKeepingContent(content_dir);
    std::string today = "2026-06-30";
    auto opened = catalog::OpenContentCatalog(content_dir, work / "cache", nullptr,
                                              catalog::CatalogDate::From([&today] { return today; }));
    REQUIRE(opened.ok());
    // The kiosk starts the index at start-up, the evening before; the first search comes
    // after midnight: it must not use the index of the day before.
    opened->StartPreparingSearch();
    today = "2026-07-01";
    auto morning = opened->Search("nuoi ong", 10);
    REQUIRE(morning.size() == 1);
    CHECK(morning[0].code == "1.000003");
    // Started and searched on the same day: the index built ahead is the one used.
    opened->StartPreparingSearch();
    auto later = opened->Search("nuoi ong", 10);
    REQUIRE(later.size() == 1);
    CHECK(later[0].code == "1.000003");
    CHECK(opened->Search("khai sinh", 10).size() == 1);
}

TEST_CASE("catalog date: without a date the system's date is used, per query") {
    testing::TemporaryDirectory work;
    auto opened = catalog::OpenContentCatalog(testing::SourceDirectory() / "content", work / "cache");
    REQUIRE(opened.ok());
    CHECK(opened->today() == content::TodayIsoDate());
}
