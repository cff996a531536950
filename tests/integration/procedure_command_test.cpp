// `kiosk procedure show` run as staff and scripts run it: the real binary prints the page
// the detail screen draws — the same ProcedurePage, compared here with one built in-process
// from the same content — as text, as JSON, and for every procedure at once.
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/page/page_json.hpp"
#include "kiosk/core/page/page_text.hpp"
#include "tests/integration/votes_processes.hpp"

using namespace kiosk::testing;
namespace fs = std::filesystem;

namespace {

CommandResult Show(const fs::path& data, std::vector<std::string> arguments) {
    auto config = data / "kiosk.json";
    WriteFile(config, nlohmann::json{{"data_dir", (data / "state").string()},
                                     {"content_dir", (SourceDirectory() / "content").string()}}
                          .dump());
    std::vector<std::string> command{KioskBinary().string(), "--config", config.string(), "procedure", "show"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return RunCommand(command, std::chrono::seconds(120));
}

// The page of `code` built here from content/, the way the kiosk builds it from its catalog.
kiosk::page::ProcedurePage ExpectedPage(const std::string& code, kiosk::Language language) {
    static auto bundle = kiosk::content::LoadContentDirectory(SourceDirectory() / "content");
    REQUIRE(bundle.ok());
    kiosk::page::PageSource source;
    for (const auto& procedure : bundle->procedures)
        if (procedure.code == code) source.procedure = &procedure;
    REQUIRE(source.procedure);
    source.manifest = &bundle->manifest;
    for (const auto& field : bundle->fields)
        if (field.id == source.procedure->field_id) source.field_name = field.name;
    source.language = language;
    source.content_age_days = kiosk::content::DaysBetween(bundle->manifest.created, kiosk::content::TodayIsoDate());
    source.content_max_age_days = kiosk::DefaultConfig().content_max_age_days;
    return kiosk::page::BuildProcedurePage(source);
}

}  // namespace

TEST_CASE("kiosk procedure show: prints khai sinh's page, as text and as JSON, in either language") {
    TemporaryDirectory data;
    auto text = Show(data.path(), {"1.001193"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.output == kiosk::page::PageToText(ExpectedPage("1.001193", kiosk::Language::Vietnamese)));
    CHECK(text.output.find("Giấy tờ cần mang theo") != std::string::npos);
    CHECK(text.output.find("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/") != std::string::npos);

    auto json = Show(data.path(), {"1.001193", "--json", "--lang", "en"});
    REQUIRE(json.exit_code == 0);
    auto page = nlohmann::ordered_json::parse(json.output);
    CHECK(page == kiosk::page::PageToJson(ExpectedPage("1.001193", kiosk::Language::English)));
    CHECK(page["code"] == "1.001193");
    CHECK(page["language_note"] == "Procedure texts are in Vietnamese only.");
    // Section 0 is the commune's summary (content/overrides.json); then the essentials.
    CHECK(page["parts"][0]["sections"][0]["kind"] == "summary");
    CHECK(page["parts"][0]["sections"][1]["facts"][1]["value"] == "Free");
}

TEST_CASE("kiosk procedure show --all --json: one page for every procedure, each with its code") {
    TemporaryDirectory data;
    auto all = Show(data.path(), {"--all", "--json"});
    REQUIRE(all.exit_code == 0);
    auto pages = nlohmann::json::parse(all.output);
    REQUIRE(pages.is_array());
    auto bundle = kiosk::content::LoadContentDirectory(SourceDirectory() / "content");
    REQUIRE(bundle.ok());
    CHECK(pages.size() == bundle->procedures.size());
    std::set<std::string> codes;
    for (const auto& page : pages) {
        codes.insert(page["code"].get<std::string>());
        CHECK(page["parts"].is_array());
    }
    CHECK(codes.size() == pages.size());
    CHECK(codes.count("1.001193") == 1);
    CHECK(all.output.find("Chưa xác minh") == std::string::npos);
    CHECK(all.output.find("không ghi đơn vị") == std::string::npos);
}

TEST_CASE("kiosk procedure show: an unknown code or no code is refused with a sentence") {
    TemporaryDirectory data;
    auto unknown = Show(data.path(), {"9.999999"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.output.empty());
    auto nothing = Show(data.path(), {});
    CHECK(nothing.exit_code == 2);
    auto all_as_text = Show(data.path(), {"--all"});
    CHECK(all_as_text.exit_code == 2);
}
