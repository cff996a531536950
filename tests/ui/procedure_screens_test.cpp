#include <doctest/doctest.h>

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

    // A drag scrolls the list: the first row moves up, and nothing opens.
    float first_row_top = 0;
    auto first = kiosk->services().catalog()->ProceduresInField(fields.front().id).front();
    for (const auto& item : kiosk->record().tappables)
        if (item.label == first.name) first_row_top = item.min.y;
    kiosk->Drag(ImVec2(540, 1400), ImVec2(540, 900));
    kiosk->Settle();
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::FieldProcedures);
    float moved_top = first_row_top;
    for (const auto& item : kiosk->record().tappables)
        if (item.label == first.name) moved_top = item.min.y;
    CHECK(moved_top < first_row_top - 200);

    kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, first.code});
    kiosk->Settle();
    auto procedure = kiosk->services().catalog()->FindProcedure(first.code);
    REQUIRE(procedure.ok());
    if (!procedure->documents.empty()) {
        REQUIRE(kiosk->TapLabel(procedure->documents.front().name));
        CHECK(kiosk->ui().context().navigator.Current().screen == ScreenId::ProcedureDetail);
    }
    kiosk::testing::CheckFrameIsClean(*kiosk, "procedure detail");
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
