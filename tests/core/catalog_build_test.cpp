// The catalog on real SQLite files in a temp dir: built once from content, reopened without
// rebuilding, rebuilt when the content changes, and never replaced by broken content.
#include <doctest/doctest.h>

#include <algorithm>

#include "kiosk/core/catalog/catalog_builder.hpp"
#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A copy of the shipped demo content the test may change.
void CopyDemoContent(const fs::path& target) {
    fs::create_directories(target);
    for (const auto& entry : fs::directory_iterator(testing::SourceDirectory() / "content"))
        if (entry.is_regular_file()) fs::copy_file(entry.path(), target / entry.path().filename());
}

}  // namespace

TEST_CASE("catalog: built from the demo content, it answers what the screens ask") {
    testing::TemporaryDirectory cache;
    catalog::CatalogOpenReport report;
    auto opened = catalog::OpenContentCatalog(testing::SourceDirectory() / "content", cache.path(), &report, "2026-12-01");
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    CHECK(report.rebuilt);
    CHECK(fs::exists(report.catalog_file));
    const auto& catalog = *opened;

    auto bundle = content::LoadContentDirectory(testing::SourceDirectory() / "content");
    REQUIRE(bundle.ok());
    CHECK(catalog.manifest().content_id == bundle->manifest.content_id);
    CHECK(catalog.manifest().commune.name == bundle->manifest.commune.name);
    CHECK(catalog.manifest().commune.hotline == bundle->manifest.commune.hotline);
    CHECK(catalog.manifest().vote_reasons == bundle->manifest.vote_reasons);
    CHECK(catalog.ContentAgeDays() == content::DaysBetween(bundle->manifest.created, "2026-12-01"));
    CHECK(catalog.ProcedureCount() == 307);
    CHECK(report.content_key.rfind(bundle->manifest.content_id + ":" + std::to_string(bundle->manifest.version) + ":", 0) == 0);

    auto fields = catalog.Fields();
    REQUIRE_FALSE(fields.empty());
    CHECK(fields.front().name == "Hộ tịch");  // the order written for citizens
    int total = 0;
    for (size_t index = 0; index < fields.size(); ++index) {
        total += fields[index].procedure_count;
        if (index > 0) CHECK(fields[index - 1].display_order <= fields[index].display_order);
        CHECK(static_cast<int>(catalog.ProceduresInField(fields[index].id).size()) == fields[index].procedure_count);
    }
    CHECK(total == 307);

    auto civil_status = catalog.ProceduresInField(fields.front().id);
    auto birth = std::find_if(civil_status.begin(), civil_status.end(), [](const auto& item) { return item.code == "1.001193"; });
    REQUIRE(birth != civil_status.end());
    CHECK(birth->glance_fee == "Miễn phí");
    CHECK_FALSE(birth->glance_time.empty());
    CHECK(birth->commune_level);
    CHECK(birth->has_online_channel);

    // The full procedure from the catalog equals the one loaded from the files.
    auto procedure = catalog.FindProcedure("1.002755");
    REQUIRE(procedure.ok());
    auto original = std::find_if(bundle->procedures.begin(), bundle->procedures.end(),
                                 [](const auto& item) { return item.code == "1.002755"; });
    CHECK(procedure->name == original->name);
    CHECK(procedure->channels.size() == original->channels.size());
    CHECK(procedure->documents.size() == original->documents.size());
    CHECK(procedure->steps == original->steps);
    CHECK(procedure->legal_basis.size() == original->legal_basis.size());
    CHECK_FALSE(catalog.FindProcedure("9.999999").ok());

    CHECK(catalog.Search("gia han tam tru", 3).at(0).code == "1.002755");
    CHECK(catalog.Guides().size() == bundle->guides.size());
    CHECK(catalog.Guides().front().steps.size() == bundle->guides.front().steps.size());
    CHECK(catalog.Contacts().feedback_channels.size() == bundle->contacts.feedback_channels.size());
    CHECK(catalog.Posters().size() == bundle->posters.size());
    CHECK(catalog.Results().indices.size() == bundle->results.indices.size());
}

TEST_CASE("catalog: reopened without a rebuild — rebuilt when the content changes") {
    testing::TemporaryDirectory work;
    auto content_dir = work / "content";
    CopyDemoContent(content_dir);
    auto cache = work / "cache";

    catalog::CatalogOpenReport first, second, third;
    REQUIRE(catalog::OpenContentCatalog(content_dir, cache, &first).ok());
    CHECK(first.rebuilt);
    auto built_at = fs::last_write_time(first.catalog_file);
    REQUIRE(catalog::OpenContentCatalog(content_dir, cache, &second).ok());
    CHECK_FALSE(second.rebuilt);
    CHECK(fs::last_write_time(second.catalog_file) == built_at);
    CHECK(second.content_key == first.content_key);

    // A new poster: new bytes, new key, a rebuild that shows it.
    auto posters = testing::ReadFile(content_dir / "posters.json");
    posters.insert(posters.find('[') + 1, R"({"text": "Khẩu hiệu mới", "picture": ""},)");
    testing::WriteFile(content_dir / "posters.json", posters);
    auto reopened = catalog::OpenContentCatalog(content_dir, cache, &third);
    REQUIRE(reopened.ok());
    CHECK(third.rebuilt);
    CHECK(third.content_key != first.content_key);
    CHECK(reopened->Posters().front().text == "Khẩu hiệu mới");
}

TEST_CASE("catalog: broken content is refused and the catalog already built stays as it was") {
    testing::TemporaryDirectory work;
    auto content_dir = work / "content";
    CopyDemoContent(content_dir);
    auto cache = work / "cache";
    catalog::CatalogOpenReport report;
    REQUIRE(catalog::OpenContentCatalog(content_dir, cache, &report).ok());
    auto good_bytes = testing::ReadFile(report.catalog_file);

    // Break one procedure deep inside the file.
    auto lines = testing::ReadFile(content_dir / "procedures.jsonl");
    auto at = lines.find("\"kind\":\"truc_tiep\"", lines.size() / 2);
    REQUIRE(at != std::string::npos);
    lines.replace(at, 18, "\"kind\":\"bo_cau\"");
    testing::WriteFile(content_dir / "procedures.jsonl", lines);

    auto refused = catalog::OpenContentCatalog(content_dir, cache);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("procedures.jsonl line") != std::string::npos);
    CHECK(refused.error().message.find(".kind\"") != std::string::npos);
    CHECK(testing::ReadFile(report.catalog_file) == good_bytes);
    // The caller can still run on the previous catalog.
    auto previous = catalog::Catalog::Open(report.catalog_file);
    REQUIRE(previous.ok());
    CHECK(previous->ProcedureCount() == 307);
}

TEST_CASE("catalog: repealed and not-yet-in-force procedures are not shown") {
    testing::TemporaryDirectory work;
    auto content_dir = work / "content";
    fs::create_directories(content_dir);
    testing::WriteFile(content_dir / "manifest.json",
                       R"({"schema_version": 1, "content_id": "t", "version": 1, "created": "2026-01-01",
                           "commune": {"name": "Xã Thử", "province": "Tỉnh Thử"}})");
    testing::WriteFile(content_dir / "fields.json", R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch"}]})");
    testing::WriteFile(content_dir / "procedures.jsonl",
                       R"({"code": "1.000001", "name": "Đăng ký khai sinh", "field": "ho-tich"})"
                       "\n"
                       R"({"code": "1.000002", "name": "Đăng ký khai sinh cũ", "field": "ho-tich", "effective_until": "2026-07-01"})"
                       "\n"
                       R"({"code": "1.000003", "name": "Đăng ký khai sinh mới", "field": "ho-tich", "effective_from": "2027-01-01"})"
                       "\n");
    auto today = catalog::OpenContentCatalog(content_dir, work / "cache", nullptr, "2026-11-23");
    REQUIRE_MESSAGE(today.ok(), (today.ok() ? "" : today.error().message));
    CHECK(today->ProcedureCount() == 1);
    CHECK(today->Fields().at(0).procedure_count == 1);
    CHECK(today->ProceduresInField("ho-tich").size() == 1);
    CHECK_FALSE(today->FindProcedure("1.000002").ok());
    CHECK_FALSE(today->FindProcedure("1.000003").ok());
    auto hits = today->Search("dang ky khai sinh", 10);
    CHECK(hits.size() == 1);
    // Next year the new one is in force.
    auto next_year = catalog::OpenContentCatalog(content_dir, work / "cache", nullptr, "2027-02-01");
    REQUIRE(next_year.ok());
    CHECK(next_year->ProcedureCount() == 2);
    CHECK(next_year->FindProcedure("1.000003").ok());
    // Unknown online level, fee and time send the citizen to the desk, never a blank.
    auto summary = today->FindSummary("1.000001");
    REQUIRE(summary.has_value());
    CHECK(summary->online_level == content::OnlineLevel::Unknown);
    CHECK(summary->glance_fee == "Hỏi cán bộ một cửa");
    CHECK(summary->glance_time == "Hỏi cán bộ một cửa");
}

TEST_CASE("catalog: a file that is not a catalog is refused, not crashed on") {
    testing::TemporaryDirectory work;
    testing::WriteFile(work / "catalog.sqlite", "this is not SQLite");
    CHECK_FALSE(catalog::Catalog::Open(work / "catalog.sqlite").ok());
    CHECK_FALSE(catalog::Catalog::Open(work / "absent.sqlite").ok());
}

TEST_CASE("catalog: a field's list is alphabetical the Vietnamese way (Đ with D)") {
    testing::TemporaryDirectory cache;
    auto catalog = catalog::OpenContentCatalog(testing::SourceDirectory() / "content", cache.path());
    REQUIRE(catalog.ok());
    for (const auto& field : catalog->Fields()) {
        auto list = catalog->ProceduresInField(field.id);
        for (size_t index = 1; index < list.size(); ++index)
            if (list[index - 1].commune_level == list[index].commune_level)
                CHECK(text::Fold(list[index - 1].name) <= text::Fold(list[index].name));
    }
}

TEST_CASE("catalog: a build that fails part way leaves no file behind and the catalog in place untouched") {
    testing::TemporaryDirectory cache;
    auto bundle = content::LoadContentDirectory(testing::SourceDirectory() / "content");
    REQUIRE(bundle.ok());
    fs::path catalog_file = cache / "catalog.sqlite";
    catalog::CatalogBuildInput good{&bundle.value(), "good", "stamp"};
    REQUIRE(catalog::BuildCatalog(good, catalog_file).ok());
    std::string before = testing::ReadFile(catalog_file);

    // Two procedures with one code: the loader refuses such content, so it is made by hand
    // here to make SQLite fail in the middle of writing the procedures.
    content::ContentBundle broken = bundle.value();
    REQUIRE(broken.procedures.size() > 2);
    broken.procedures[2].code = broken.procedures[1].code;
    catalog::CatalogBuildInput bad{&broken, "bad", "stamp"};
    auto built = catalog::BuildCatalog(bad, catalog_file);
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().message.find("procedure " + broken.procedures[2].code) != std::string::npos);
    CHECK(testing::ReadFile(catalog_file) == before);
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(cache.path())) left.push_back(entry.path().filename().string());
    CHECK(left == std::vector<std::string>{"catalog.sqlite"});
}
