#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/page/procedure_page.hpp"

#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/onscreen_keyboard.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
using kiosk::testing::MakeHeadlessKiosk;

using kiosk::testing::DemoConfig;

TEST_CASE("ui: a citizen types 'khai sinh' on the on-screen keyboard and opens the first result") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(DemoConfig(data));
    REQUIRE(kiosk->services().catalog());
    REQUIRE(kiosk->TapLabel("Tìm thủ tục"));
    REQUIRE(kiosk->ui().navigator().Current().screen == ScreenId::Search);
    for (const char* key : {"K", "H", "A", "I", "Dấu cách", "S", "I", "N", "H"}) REQUIRE_MESSAGE(kiosk->TapLabel(key), key);
    CHECK(kiosk->ui().screens().search.query == "khai sinh");
    REQUIRE_FALSE(kiosk->ui().screens().search.results.empty());
    const auto first = kiosk->ui().screens().search.results.front();
    CHECK(first.name.find("khai sinh") != std::string::npos);

    REQUIRE(kiosk->TapLabel(first.name));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::ProcedureDetail);
    CHECK(kiosk->ui().navigator().Current().argument == first.code);
    CHECK(HasText(*kiosk, "Giấy tờ cần mang theo"));
    CHECK(HasText(*kiosk, "Quét mã bằng điện thoại để mở trang này"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "procedure detail");
}

TEST_CASE("ui: delete and clear keys edit the query — nothing found offers the hotline") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(DemoConfig(data));
    kiosk->ui().navigator().Push({ScreenId::Search, {}});
    kiosk->Settle();
    for (const char* key : {"Q", "Z", "X", "Q"}) REQUIRE(kiosk->TapLabel(key));
    CHECK(kiosk->ui().screens().search.query == "qzxq");
    CHECK(HasText(*kiosk, "Chưa tìm thấy thủ tục phù hợp"));
    REQUIRE(kiosk->TapLabel("Xóa"));
    CHECK(kiosk->ui().screens().search.query == "qzx");
    REQUIRE(kiosk->TapLabel("Xóa hết"));
    CHECK(kiosk->ui().screens().search.query.empty());
    for (const char* key : {"Q", "Z", "X", "Q"}) REQUIRE(kiosk->TapLabel(key));
    REQUIRE(kiosk->TapLabel("Đường dây nóng"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Hotline);
}

TEST_CASE("ui: browse a field, drag its list, open a procedure and tick a paper on the checklist") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(DemoConfig(data));
    REQUIRE(kiosk->TapLabel("Thủ tục hành chính"));
    auto fields = kiosk->services().catalog()->Fields();
    REQUIRE_FALSE(fields.empty());
    REQUIRE(kiosk->TapLabel(fields.front().name));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::FieldProcedures);
    CHECK(kiosk->ui().navigator().Current().argument == fields.front().id);

    // A drag scrolls the list: the rows still in view moved up, and nothing opens.
    auto first = kiosk->services().catalog()->ProceduresInField(fields.front().id).front();
    std::map<std::string, float> tops_before;
    for (const auto& item : kiosk->record().tappables) tops_before[item.label] = item.min.y;
    kiosk->Drag(ImVec2(540, 1400), ImVec2(540, 900));
    kiosk->Settle();
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::FieldProcedures);
    int rows_compared = 0;
    for (const auto& item : kiosk->record().tappables) {
        auto before = tops_before.find(item.label);
        if (before == tops_before.end() || item.label == "Quay lại" || item.label == "Trang chủ") continue;
        if (before->second == item.min.y) continue;  // the bars' buttons do not move
        ++rows_compared;
        CHECK(item.min.y < before->second - 200);
    }
    CHECK(rows_compared > 0);

    kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, first.code});
    kiosk->Settle();
    auto procedure = kiosk->services().catalog()->FindProcedure(first.code);
    REQUIRE(procedure.ok());
    if (!procedure->documents.empty()) {
        REQUIRE(kiosk->TapLabel(procedure->documents.front().name));
        CHECK(kiosk->ui().screens().procedure_detail.papers_checked.at(0));
        CHECK(kiosk->ui().context().navigator.Current().screen == ScreenId::ProcedureDetail);
    }
    kiosk::testing::CheckFrameIsClean(*kiosk, "procedure detail");
}

TEST_CASE("ui: the detail screen draws its ProcedurePage's words — in English, the kiosk's own words are English") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DemoConfig(data);
    config.language = Language::English;
    auto kiosk = MakeHeadlessKiosk(config);
    REQUIRE(kiosk->services().catalog());
    kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, "1.001022"});
    kiosk->Settle();
    auto page = page::PageFromCatalog(*kiosk->services().catalog(), "1.001022", Language::English,
                                      config.content_max_age_days);
    REQUIRE(page.ok());
    CHECK(HasText(*kiosk, page->name));
    CHECK(HasText(*kiosk, "Procedure texts are in Vietnamese only."));
    const page::Section* essentials = page::FindSection(*page, page::SectionKind::Essentials);
    REQUIRE(essentials);
    for (const auto& fact : essentials->facts) {
        CHECK_MESSAGE(HasText(*kiosk, fact.label), fact.label);
        CHECK_MESSAGE(HasText(*kiosk, fact.value), fact.value);
    }
    CHECK(HasText(*kiosk, "Set by the province"));
    CHECK(HasText(*kiosk, "Ask at the desk"));
    CHECK(HasText(*kiosk, "Papers to bring"));
    CHECK_FALSE(HasText(*kiosk, "Miễn phí"));
    CHECK_FALSE(HasText(*kiosk, "Chưa xác minh"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "procedure detail in English");
}

TEST_CASE("ui: a field of 10,000 procedures draws only the rows in view, and they follow a drag") {
    kiosk::testing::TemporaryDirectory data, content;
    // The demo content with one procedure copied 10,000 times into one field.
    for (const char* name : {"manifest.json", "fields.json"})
        std::filesystem::copy_file(kiosk::testing::SourceDirectory() / "content" / name, content.path() / name);
    auto demo = content::LoadContentDirectory(kiosk::testing::SourceDirectory() / "content");
    REQUIRE(demo.ok());
    content::Procedure model = demo->procedures.front();
    model.steps.clear();
    model.documents.clear();
    model.legal_basis.clear();
    std::string lines;
    for (int copy = 0; copy < 10000; ++copy) {
        content::Procedure procedure = model;
        procedure.code = model.code + ".B" + std::to_string(10000 + copy);
        procedure.name = model.name + " (bản " + std::to_string(copy + 1) + ")";
        lines += content::DumpLine(content::ProcedureToJson(procedure)) + "\n";
    }
    kiosk::testing::WriteFile(content.path() / "procedures.jsonl", lines);
    Config config = DemoConfig(data);
    config.content_dir = content.path();
    auto kiosk = MakeHeadlessKiosk(config);
    REQUIRE(kiosk->services().catalog());
    REQUIRE(kiosk->services().catalog()->ProcedureCount() == 10000);
    kiosk->ui().navigator().Push({ScreenId::FieldProcedures, model.field_id});
    kiosk->Settle();
    const ProcedureList& list = kiosk->ui().screens().field_procedures.list;
    CHECK(list.row_tops.size() == 10001);
    CHECK(list.rows_drawn > 3);
    CHECK(list.rows_drawn < 30);
    std::set<std::string> before;
    for (const auto& item : kiosk->record().tappables) before.insert(item.label);
    for (int drag = 0; drag < 3; ++drag) kiosk->Drag(ImVec2(540, 1500), ImVec2(540, 500));
    kiosk->Settle(60);  // momentum runs out
    CHECK(list.rows_drawn < 30);
    int new_rows = 0;
    for (const auto& item : kiosk->record().tappables)
        if (!before.count(item.label)) ++new_rows;
    CHECK(new_rows > 3);
}

TEST_CASE("keyboard: tones go on the last vowel of the word being typed, replacing any tone") {
    using keyboard_editing::ApplyTone;
    std::string text = "hoa";
    ApplyTone(text, U'\u0301');
    CHECK(text == "hoá");
    ApplyTone(text, U'\u0300');
    CHECK(text == "hoà");
    text = "so đo";
    ApplyTone(text, U'\u0309');
    CHECK(text == "so đỏ");
    text = "dươ";
    ApplyTone(text, U'\u0303');
    CHECK(text == "dưỡ");
    text = "khai ";
    ApplyTone(text, U'\u0301');
    CHECK(text == "khai ");  // nothing typed in the new word yet
    std::string deleted = "sổ";
    keyboard_editing::RemoveLastCharacter(deleted);
    CHECK(deleted == "s");
}
