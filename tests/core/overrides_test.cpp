// overrides.json on real content directories in temp dirs: the commune's values win over
// the portal's in the real catalog, survive a re-import by the real importer, pin the desk's
// procedures to the top, and a file a person broke is refused with a sentence naming the
// file, the procedure and the JSON path.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"
#include "kiosk/core/page/procedure_page.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A copy of the shipped demo content without its own overrides, so each test says its own.
void CopyDemoContentWithoutOverrides(const fs::path& target) {
    fs::create_directories(target);
    for (const auto& entry : fs::directory_iterator(testing::SourceDirectory() / "content"))
        if (entry.is_regular_file() && entry.path().filename() != content::kOverridesFile)
            fs::copy_file(entry.path(), target / entry.path().filename());
}

const content::Channel* DeskChannel(const content::Procedure& procedure) {
    for (const auto& channel : procedure.channels)
        if (channel.kind == content::ChannelKind::InPerson) return &channel;
    return nullptr;
}

const char* kBirthOverride = R"json({
  "procedures": [{
    "code": "1.001193",
    "time": {"value": "1", "unit": "ngay_lam_viec"},
    "fee": {"kind": "free", "description": "Đăng ký đúng hạn không mất lệ phí."},
    "where": "Bộ phận một cửa, Ủy ban nhân dân xã Thử, quầy số 2",
    "opening_hours": "Sáng thứ Hai đến sáng thứ Bảy",
    "papers": [{"name": "Tờ khai đăng ký khai sinh", "originals": 1},
               {"name": "Giấy chứng sinh", "originals": 1}],
    "summary": "Cha hoặc mẹ đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh. Mang giấy chứng sinh đến xã.",
    "verified_on": "2026-11-30",
    "verified_by": "Công chức tư pháp – hộ tịch (thử)"
  }]
})json";

content::ContentBundle LoadOrFail(const fs::path& directory) {
    auto loaded = content::LoadContentDirectory(directory);
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    return std::move(*loaded);
}

void CheckBirthOverridden(const content::Procedure& birth) {
    const content::Channel* desk = DeskChannel(birth);
    REQUIRE(desk != nullptr);
    CHECK(content::FormatTime(desk->time) == "1 ngày làm việc");
    CHECK(desk->fee.description == "Đăng ký đúng hạn không mất lệ phí.");
    CHECK(desk->fee.kind == content::FeeKind::Free);
    CHECK(birth.reception_address == "Bộ phận một cửa, Ủy ban nhân dân xã Thử, quầy số 2");
    REQUIRE(birth.documents.size() == 2);
    CHECK(birth.documents[0].name == "Tờ khai đăng ký khai sinh");
    CHECK(birth.documents[1].name == "Giấy chứng sinh");
    CHECK(birth.commune.summary.rfind("Cha hoặc mẹ đăng ký khai sinh", 0) == 0);
    CHECK(birth.commune.opening_hours == "Sáng thứ Hai đến sáng thứ Bảy");
    CHECK(birth.commune.verified_on == "2026-11-30");
    CHECK(birth.commune.verified_by == "Công chức tư pháp – hộ tịch (thử)");
    for (const char* part : {"time", "fee", "where", "opening_hours", "papers", "summary"})
        CHECK_MESSAGE(birth.commune.Replaced(part), part);
}

// Writes overrides.json into a small real content directory and expects a refusal naming
// the file with the procedure, the JSON path and the mistake.
void ExpectRefused(const std::string& overrides, const std::string& label, const std::string& path, const std::string& words) {
    testing::TemporaryDirectory directory;
    testing::WriteFile(directory / "manifest.json", R"({"schema_version": 1, "content_id": "test", "version": 1,
      "created": "2026-01-10", "commune": {"name": "Xã Thử", "province": "Tỉnh Thử"}})");
    testing::WriteFile(directory / "fields.json", R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch", "display_order": 10}]})");
    testing::WriteFile(directory / "procedures.jsonl",
                       R"({"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "commune_level": true})"
                       "\n"
                       R"({"code": "1.000656", "name": "Thủ tục đăng ký khai tử", "field": "ho-tich", "commune_level": true})"
                       "\n");
    testing::WriteFile(directory / "overrides.json", overrides);
    auto loaded = content::LoadContentDirectory(directory.path());
    REQUIRE_FALSE_MESSAGE(loaded.ok(), "accepted: " << overrides);
    INFO("message: " << loaded.error().message);
    CHECK(loaded.error().message.find("content refused: " + label + ", field \"" + path + "\"") != std::string::npos);
    CHECK(loaded.error().message.find(words) != std::string::npos);
    CHECK(loaded.error().message_vietnamese.find(label) != std::string::npos);
}

std::string Entry(const std::string& body) {
    return R"({"procedures": [{"code": "1.001193")" + (body.empty() ? "" : ", " + body) + "}]}";
}

std::vector<std::string> Codes(const std::vector<catalog::ProcedureSummary>& list) {
    std::vector<std::string> codes;
    for (const auto& item : list) codes.push_back(item.code);
    return codes;
}

}  // namespace

TEST_CASE("overrides: the commune's values win over the portal's, in the catalog every screen reads") {
    testing::TemporaryDirectory content_directory, cache;
    CopyDemoContentWithoutOverrides(content_directory.path());
    auto portal = LoadOrFail(content_directory.path());
    auto portal_birth = std::find_if(portal.procedures.begin(), portal.procedures.end(),
                                     [](const auto& procedure) { return procedure.code == "1.001193"; });
    REQUIRE(portal_birth != portal.procedures.end());
    // The portal's own checklist for khai sinh is longer and starts with a note (issue 10).
    CHECK(portal_birth->documents.size() > 2);
    CHECK(portal_birth->commune.empty());

    testing::WriteFile(content_directory / "overrides.json", kBirthOverride);
    auto corrected = LoadOrFail(content_directory.path());
    REQUIRE(corrected.overrides.procedures.size() == 1);
    auto birth = std::find_if(corrected.procedures.begin(), corrected.procedures.end(),
                              [](const auto& procedure) { return procedure.code == "1.001193"; });
    CheckBirthOverridden(*birth);
    // Parts the commune did not write stay the portal's.
    CHECK(birth->name == portal_birth->name);
    CHECK(birth->steps == portal_birth->steps);
    CHECK(birth->legal_basis.size() == portal_birth->legal_basis.size());

    // The catalog (what the screens, the search and the commands read) has the same.
    catalog::CatalogOpenReport report;
    auto opened = catalog::OpenContentCatalog(content_directory.path(), cache.path(), &report, "2026-12-01");
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    auto from_catalog = opened->FindProcedure("1.001193");
    REQUIRE(from_catalog.ok());
    CheckBirthOverridden(*from_catalog);
    auto summary = opened->FindSummary("1.001193");
    REQUIRE(summary.has_value());
    CHECK(summary->glance_time == "1 ngày làm việc");
    CHECK(summary->glance_fee == "Miễn phí");
    // The page the screen draws and `kiosk procedure show` prints: summary first, the stamp,
    // the commune's hours and time.
    auto page = page::PageFromCatalog(*opened, "1.001193", Language::Vietnamese, 180);
    REQUIRE(page.ok());
    CHECK(page->stamp == "Xã đã kiểm tra ngày 30/11/2026 — Công chức tư pháp – hộ tịch (thử)");
    REQUIRE_FALSE(page->parts.empty());
    REQUIRE(page->parts[0].sections.size() > 1);
    CHECK(page->parts[0].sections[0].kind == page::SectionKind::Summary);
    CHECK(page->parts[0].sections[0].lines == std::vector<std::string>{from_catalog->commune.summary});
    const page::Section* essentials = page::FindSection(*page, page::SectionKind::Essentials);
    REQUIRE(essentials);
    std::map<std::string, std::string> facts;
    for (const auto& fact : essentials->facts) facts[fact.id] = fact.value;
    CHECK(facts["time"] == "1 ngày làm việc");
    CHECK(facts["where"] == "Bộ phận một cửa, Ủy ban nhân dân xã Thử, quầy số 2");
    CHECK(facts["hours"] == "Sáng thứ Hai đến sáng thứ Bảy");
    auto hits = opened->Search("khai sinh", 5);
    CHECK(std::any_of(hits.begin(), hits.end(), [](const auto& hit) { return hit.code == "1.001193"; }));

    // Changing overrides.json alone rebuilds the catalog: it is part of the content's key.
    std::string first_key = report.content_key;
    testing::WriteFile(content_directory / "overrides.json",
                       Entry(R"("where": "Quầy số 5", "verified_on": "2026-12-01")"));
    auto reopened = catalog::OpenContentCatalog(content_directory.path(), cache.path(), &report, "2026-12-01");
    REQUIRE(reopened.ok());
    CHECK(report.rebuilt);
    CHECK(report.content_key != first_key);
    CHECK(reopened->FindProcedure("1.001193")->reception_address == "Quầy số 5");

    // A time in words (the portal's "1" has no unit) reads as the commune wrote it.
    testing::WriteFile(content_directory / "overrides.json",
                       Entry(R"("time": {"text": "Trong ngày; nộp sau 15 giờ thì nhận ngày làm việc tiếp theo"})"));
    auto words = catalog::OpenContentCatalog(content_directory.path(), cache.path(), &report, "2026-12-01");
    REQUIRE(words.ok());
    auto words_page = page::PageFromCatalog(*words, "1.001193", Language::Vietnamese, 180);
    REQUIRE(words_page.ok());
    CHECK(page::FindSection(*words_page, page::SectionKind::Essentials)->facts[0].value ==
          "Trong ngày; nộp sau 15 giờ thì nhận ngày làm việc tiếp theo");
    CHECK(words_page->stamp.empty());
}

TEST_CASE("overrides: procedures.jsonl cannot speak for the commune — only overrides.json can") {
    testing::TemporaryDirectory directory;
    CopyDemoContentWithoutOverrides(directory.path());
    std::string lines = testing::ReadFile(directory / "procedures.jsonl");
    size_t birth = lines.find("{\"code\":\"1.001193\"");
    REQUIRE(birth != std::string::npos);
    size_t end = lines.find('\n', birth);
    lines.insert(end - 1, R"(,"commune":{"summary":"Không phải của xã.","verified_on":"2020-01-01","pin_rank":1})");
    testing::WriteFile(directory / "procedures.jsonl", lines);
    auto loaded = LoadOrFail(directory.path());
    for (const auto& procedure : loaded.procedures) CHECK_MESSAGE(procedure.commune.empty(), procedure.code);
}

TEST_CASE("overrides: a re-import by the real importer keeps overrides.json and its corrections") {
    fs::path sample = testing::SourceDirectory() / "tests" / "data" / "dvcqg_sample";
    testing::TemporaryDirectory out;
    REQUIRE(dvcqg::ImportDvcqg({sample, out.path(), false}).ok());
    const std::string overrides = std::string(kBirthOverride).substr(0, std::string(kBirthOverride).rfind('}')) +
                                  R"(, "pinned": ["1.004222", "1.001193"]})";
    testing::WriteFile(out / "overrides.json", overrides);
    auto first = LoadOrFail(out.path());
    CheckBirthOverridden(*std::find_if(first.procedures.begin(), first.procedures.end(),
                                       [](const auto& procedure) { return procedure.code == "1.001193"; }));

    auto report = dvcqg::ImportDvcqg({sample, out.path(), false});
    REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
    CHECK(testing::ReadFile(out / "overrides.json") == overrides);
    // The importer's lines stay the portal's: the corrections live only in overrides.json.
    CHECK(testing::ReadFile(out / "procedures.jsonl").find("\"commune\":{") == std::string::npos);
    auto bundle = LoadOrFail(out.path());
    auto birth = std::find_if(bundle.procedures.begin(), bundle.procedures.end(),
                              [](const auto& procedure) { return procedure.code == "1.001193"; });
    REQUIRE(birth != bundle.procedures.end());
    CheckBirthOverridden(*birth);
    auto residence = std::find_if(bundle.procedures.begin(), bundle.procedures.end(),
                                  [](const auto& procedure) { return procedure.code == "1.004222"; });
    REQUIRE(residence != bundle.procedures.end());
    CHECK(residence->commune.pin_rank == 1);
    CHECK(birth->commune.pin_rank == 2);
}

TEST_CASE("overrides: pinned procedures lead their field and the home shortcuts, in the commune's order") {
    testing::TemporaryDirectory plain, pinned, cache_plain, cache_pinned;
    CopyDemoContentWithoutOverrides(plain.path());
    CopyDemoContentWithoutOverrides(pinned.path());
    // Khai sinh and khai tử sort late in Hộ tịch's alphabetical list; the desk wants them first.
    const std::vector<std::string> order{"1.001193", "2.000815", "1.000656", "1.004222"};
    testing::WriteFile(pinned / "overrides.json", R"({"pinned": ["1.001193", "2.000815", "1.000656", "1.004222"],
      "procedures": [{"code": "2.000815", "short_name": "Chứng thực bản sao"}]})");
    auto before = catalog::OpenContentCatalog(plain.path(), cache_plain.path(), nullptr, "2026-12-01");
    auto after = catalog::OpenContentCatalog(pinned.path(), cache_pinned.path(), nullptr, "2026-12-01");
    REQUIRE(before.ok());
    REQUIRE(after.ok());

    auto alphabetical = Codes(before->ProceduresInField("ho-tich"));
    auto civil_status = Codes(after->ProceduresInField("ho-tich"));
    REQUIRE(civil_status.size() == alphabetical.size());
    CHECK(std::find(alphabetical.begin(), alphabetical.end(), "1.001193") - alphabetical.begin() > 2);
    CHECK(civil_status[0] == "1.001193");
    CHECK(civil_status[1] == "1.000656");
    // The rest keep their order.
    std::vector<std::string> rest = alphabetical;
    std::erase_if(rest, [](const std::string& code) { return code == "1.001193" || code == "1.000656"; });
    CHECK(std::vector<std::string>(civil_status.begin() + 2, civil_status.end()) == rest);
    CHECK(Codes(after->ProceduresInField("chung-thuc"))[0] == "2.000815");
    CHECK(Codes(after->ProceduresInField("dang-ky-quan-ly-cu-tru"))[0] == "1.004222");

    REQUIRE(after->PinnedProcedures().size() == order.size());
    CHECK(Codes(after->PinnedProcedures()) == order);
    CHECK(after->PinnedProcedures()[0].pin_rank == 1);
    CHECK(after->PinnedProcedures()[1].short_name == "Chứng thực bản sao");
    CHECK(after->PinnedProcedures()[0].short_name.empty());
    CHECK(before->PinnedProcedures().empty());
}

TEST_CASE("overrides: each bad value is refused with a sentence naming the file, the procedure and the path") {
    const std::string birth = "overrides.json (1.001193)";
    ExpectRefused(R"({"procedures": [{"code": "1.999999", "where": "Quầy 1"}]})", "overrides.json (1.999999)",
                  "procedures[0].code", "names a procedure procedures.jsonl does not list");
    ExpectRefused(Entry(R"("sumary": "Hai câu. Ba câu.")"), birth, "procedures[0].sumary", "is not a key this file knows");
    ExpectRefused(Entry(R"("summary": "Chỉ một câu.")"), birth, "procedures[0].summary", "2 to 4 plain sentences, found 1");
    ExpectRefused(Entry(R"("summary": "Một. Hai. Ba. Bốn. Năm.")"), birth, "procedures[0].summary", "found 5");
    ExpectRefused(Entry(R"("time": {"value": "3"})"), birth, "procedures[0].time.unit", "a time needs its unit");
    ExpectRefused(Entry(R"("time": {"value": "ba", "unit": "ngay"})"), birth, "procedures[0].time.value", "must be a number");
    ExpectRefused(Entry(R"("time": {"value": "3", "unit": "Ngày"})"), birth, "procedures[0].time.unit", "must be one of");
    ExpectRefused(Entry(R"("time": {"value": "3", "unit": "unknown"})"), birth, "procedures[0].time.unit", "not \"unknown\"");
    ExpectRefused(Entry(R"("time": {})"), birth, "procedures[0].time.text", "the time in words");
    ExpectRefused(Entry(R"("fee": {"kind": "unknown"})"), birth, "procedures[0].fee.kind", "not \"unknown\"");
    ExpectRefused(Entry(R"("fee": {"kind": "amount"})"), birth, "procedures[0].fee.amount_dong", "required when kind is \"amount\"");
    ExpectRefused(Entry(R"("fee": {"kind": "other"})"), birth, "procedures[0].fee.text", "required when kind is \"other\"");
    ExpectRefused(Entry(R"("papers": [])"), birth, "procedures[0].papers", "at least one paper");
    ExpectRefused(Entry(R"("papers": [{"name": "Trường hợp trẻ bị bỏ rơi thì có biên bản", "originals": 0}])"), birth,
                  "procedures[0].papers[0].originals", "is a note (document_notes), not a paper");
    ExpectRefused(Entry(R"("papers": [{"name": "Tờ khai", "originals": 1, "ban_chinh": 1}])"), birth,
                  "procedures[0].papers[0].ban_chinh", "is not a key");
    ExpectRefused(Entry(R"("short_name": "Thủ tục đăng ký khai sinh cho trẻ em sinh ra ở xã")"), birth,
                  "procedures[0].short_name", "at most 40 letters, found 49");
    ExpectRefused(Entry(R"("where": 12)"), birth, "procedures[0].where", "must be text");
    ExpectRefused(Entry(R"("where": " - ")"), birth, "procedures[0].where", "has no words");
    ExpectRefused(Entry(R"("verified_on": "2026-02-30")"), birth, "procedures[0].verified_on", "real date");
    ExpectRefused(Entry(R"("verified_on": "30/11/2026")"), birth, "procedures[0].verified_on", "real date");
    ExpectRefused(Entry(R"("verified_by": "Cán bộ tư pháp")"), birth, "procedures[0].verified_on", "needs the date");
    ExpectRefused(Entry(""), birth, "procedures[0].code", "changes nothing");
    ExpectRefused(R"({"procedures": [{"code": "1.001193", "where": "Quầy 1"}, {"code": "1.001193", "where": "Quầy 2"}]})", birth,
                  "procedures[1].code", "already given at procedures[0].code");
    ExpectRefused(R"({"pinned": ["1.001193", "1.999999"]})", "overrides.json (1.999999)", "pinned[1]", "does not list");
    ExpectRefused(R"({"pinned": ["1.001193", "1.000656", "1.001193"]})", birth, "pinned[2]", "already at pinned[0]");
    ExpectRefused(R"({"pined": ["1.001193"]})", "overrides.json", "pined", "is not a key");
}

TEST_CASE("overrides: a summary counts its sentences the way a reader does") {
    testing::TemporaryDirectory directory;
    CopyDemoContentWithoutOverrides(directory.path());
    // "50.000" and "01/2025/TT-BTP." inside sentences, and a last sentence without its stop.
    testing::WriteFile(directory / "overrides.json",
                       Entry(R"("summary": "Lệ phí 50.000 đồng theo Thông tư 01/2025/TT-BTP. Nộp tại quầy số 2")"));
    auto loaded = LoadOrFail(directory.path());
    auto birth = std::find_if(loaded.procedures.begin(), loaded.procedures.end(),
                              [](const auto& procedure) { return procedure.code == "1.001193"; });
    CHECK(birth->commune.summary == "Lệ phí 50.000 đồng theo Thông tư 01/2025/TT-BTP. Nộp tại quầy số 2");
    CHECK(birth->commune.Replaced("summary"));

    // Decomposed marks (typed on some PCs) are normalized, not refused: "giấy" reads as "giấy".
    testing::WriteFile(directory / "overrides.json",
                       Entry(R"("summary": "Khai sinh cho con. Mang gia\u0302\u0301y chứng sinh.")"));
    auto normalized = LoadOrFail(directory.path());
    auto decomposed = std::find_if(normalized.procedures.begin(), normalized.procedures.end(),
                                   [](const auto& procedure) { return procedure.code == "1.001193"; });
    CHECK(decomposed->commune.summary == "Khai sinh cho con. Mang giấy chứng sinh.");
    CHECK_FALSE(birth->commune.Replaced("papers"));
}
