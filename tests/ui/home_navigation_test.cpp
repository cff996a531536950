#include <doctest/doctest.h>

#include "kiosk/core/i18n/strings.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::MakeHeadlessKiosk;

TEST_CASE("ui: tapping a home tile opens its section, Back and Home return") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    auto kiosk = MakeHeadlessKiosk(config);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    REQUIRE(kiosk->TapLabel("Dịch vụ công trực tuyến"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::OnlineServices);
    REQUIRE(kiosk->TapLabel("Quay lại"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    REQUIRE(kiosk->TapLabel("Thủ tục hành chính"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Fields);
    REQUIRE(kiosk->TapLabel("Trang chủ"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
}

TEST_CASE("ui: a drag that starts on a tile scrolls or does nothing, it never presses the tile") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.text_size = TextSize::ExtraLarge;  // tall tiles: the home list scrolls
    auto kiosk = MakeHeadlessKiosk(config);
    const TappableItem* tile = nullptr;
    for (const auto& item : kiosk->record().tappables)
        if (item.label == "Tìm thủ tục") tile = &item;
    REQUIRE(tile);
    ImVec2 start = tile->Center();
    kiosk->Drag(start, ImVec2(start.x, start.y - 300));
    kiosk->Settle();
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
}

TEST_CASE("ui: the idle timer counts down, then returns home and forgets the language") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.idle_timeout_s = 30;
    auto kiosk = MakeHeadlessKiosk(config);
    REQUIRE(kiosk->TapLabel("English"));
    CHECK(kiosk->ui().context().session.language == Language::English);
    CHECK(kiosk->ui().context().config.language == Language::Vietnamese);  // the citizen's choice is not the kiosk's setting
    REQUIRE(kiosk->TapLabel("Hotline & feedback"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Hotline);

    kiosk->Wait(31);
    CHECK(kiosk->ui().navigator().State() == IdleState::Countdown);
    CHECK(kiosk::testing::HasText(*kiosk, "Are you still there?"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Hotline);

    kiosk->Wait(11);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    CHECK(kiosk->ui().context().session.language == Language::Vietnamese);
}

TEST_CASE("ui: 'Tiếp tục' on the countdown keeps the citizen on their screen") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.idle_timeout_s = 30;
    auto kiosk = MakeHeadlessKiosk(config);
    REQUIRE(kiosk->TapLabel("Đường dây nóng & phản ánh"));
    kiosk->Wait(33);
    REQUIRE(kiosk->ui().navigator().State() == IdleState::Countdown);
    REQUIRE(kiosk->TapLabel("Tiếp tục"));
    kiosk->Wait(20);
    CHECK(kiosk->ui().navigator().State() == IdleState::Active);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Hotline);
}

TEST_CASE("ui: the text size button cycles A, A+, A++ and rebuilds the fonts") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    auto kiosk = MakeHeadlessKiosk(config);
    float normal = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    REQUIRE(kiosk->TapLabel("Cỡ chữ A"));
    CHECK(kiosk->ui().context().session.text_size == TextSize::Large);
    float large = ImGui::GetIO().Fonts->Fonts[0]->FontSize;
    CHECK(large == doctest::Approx(normal * 1.25f).epsilon(0.05));
    REQUIRE(kiosk->TapLabel("Cỡ chữ A+"));
    CHECK(kiosk->ui().context().session.text_size == TextSize::ExtraLarge);
    REQUIRE(kiosk->TapLabel("Cỡ chữ A++"));
    CHECK(kiosk->ui().context().session.text_size == TextSize::Normal);
}

namespace {

// What the window's loop does after a click whose press and release arrive together: the
// press in one frame, the release in the next, three frames in all, then more only while
// the UI asks for them. Returns the pixels it leaves on screen.
std::vector<unsigned char> ClickLikeTheWindow(platform::HeadlessKiosk& kiosk, ImVec2 position) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = position;
    io.MouseDown[0] = true;
    kiosk.ui().NoteInput(kiosk.now());
    kiosk.Frame();
    io.MouseDown[0] = false;
    kiosk.Frame();
    kiosk.Frame();
    for (int extra = 0; kiosk.ui().WantsAnotherFrame() && extra < 100; ++extra) kiosk.Frame();
    return kiosk.Pixels();
}

}  // namespace

TEST_CASE("ui: a screen opened by a click is fully laid out before the window sleeps") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(kiosk::testing::DemoConfig(data));
    for (std::string tile : {"Thủ tục hành chính", "Kết quả cải cách hành chính"}) {
        CAPTURE(tile);
        kiosk->ui().navigator().Home();
        kiosk->Settle(4);
        const TappableItem* item = nullptr;
        for (const auto& tappable : kiosk->record().tappables)
            if (tappable.label == tile) item = &tappable;
        REQUIRE(item);
        auto left_on_screen = ClickLikeTheWindow(*kiosk, item->Center());
        CHECK(kiosk->ui().navigator().Current().screen != ScreenId::Home);
        kiosk->Settle(4);  // what later frames would draw: nothing may move any more
        CHECK(left_on_screen == kiosk->Pixels());
    }
}
