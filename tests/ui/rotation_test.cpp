// display.rotation on the real screens, headless: the picture is turned onto the panel and a
// touch reported in the panel's pixels lands on what the citizen sees under the finger.
#include <doctest/doctest.h>

#include "kiosk/ui/theme.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;

namespace {

const ui::TappableItem* Tappable(const platform::HeadlessKiosk& kiosk, const std::string& label) {
    for (const auto& item : kiosk.record().tappables)
        if (item.label == label) return &item;
    return nullptr;
}

bool IsAccent(const std::vector<unsigned char>& pixels, ScreenSize output, int x, int y) {
    ImVec4 accent = ImGui::ColorConvertU32ToFloat4(PaletteFor(Theme::Standard).accent);
    size_t at = (static_cast<size_t>(y) * static_cast<size_t>(output.width) + static_cast<size_t>(x)) * 4;
    return pixels[at] == static_cast<unsigned char>(accent.x * 255 + 0.5f) &&
           pixels[at + 1] == static_cast<unsigned char>(accent.y * 255 + 0.5f) &&
           pixels[at + 2] == static_cast<unsigned char>(accent.z * 255 + 0.5f);
}

}  // namespace

TEST_CASE("rotation: a portrait kiosk on a landscape panel turned 90° draws upright and takes taps where the finger is") {
    for (int degrees : {90, 180, 270}) {
        kiosk::testing::TemporaryDirectory data;
        Config config = DefaultConfig();
        config.data_dir = data.path();
        REQUIRE(RotationFromDegrees(degrees, config.display.rotation));
        const bool quarter = degrees != 180;
        auto kiosk = kiosk::testing::MakeHeadlessKiosk(config, quarter ? 1920 : 1080, quarter ? 1080 : 1920);
        INFO("rotation ", degrees);
        // The UI lays out as the portrait kiosk it is.
        CHECK(kiosk->width() == 1080);
        CHECK(kiosk->height() == 1920);
        kiosk::testing::CheckFrameIsClean(*kiosk, "home turned " + std::to_string(degrees));

        // The accent top bar lies along the panel edge the rotation turned the top to.
        auto pixels = kiosk->Pixels();
        ScreenSize output = kiosk->output();
        REQUIRE(pixels.size() == static_cast<size_t>(output.width) * static_cast<size_t>(output.height) * 4);
        ImVec2 in_top_bar = kiosk->OnScreen(ImVec2(10, 20));
        ImVec2 in_footer = kiosk->OnScreen(ImVec2(10, 1900));
        CHECK(IsAccent(pixels, output, static_cast<int>(in_top_bar.x) - (in_top_bar.x >= 1 ? 1 : 0),
                       static_cast<int>(in_top_bar.y) - (in_top_bar.y >= 1 ? 1 : 0)));
        CHECK_FALSE(IsAccent(pixels, output, static_cast<int>(in_footer.x) - (in_footer.x >= 1 ? 1 : 0),
                             static_cast<int>(in_footer.y) - (in_footer.y >= 1 ? 1 : 0)));

        // A finger on the hotline tile, as the panel reports it, opens the hotline.
        const auto* hotline = Tappable(*kiosk, "Đường dây nóng & phản ánh");
        REQUIRE(hotline != nullptr);
        kiosk->TapScreen(kiosk->OnScreen(hotline->Center()));
        CHECK(kiosk::testing::HasText(*kiosk, "Đường dây nóng và phản ánh"));
    }
}

TEST_CASE("rotation: without the turn back, the same panel touch would miss: the input path is what lands it") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.display.rotation = Rotation::Quarter;
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config, 1920, 1080);
    const auto* hotline = Tappable(*kiosk, "Đường dây nóng & phản ánh");
    REQUIRE(hotline != nullptr);
    ImVec2 on_panel = kiosk->OnScreen(hotline->Center());
    // The panel's coordinates taken as the canvas's: some other place (or nothing).
    kiosk->Tap(on_panel);
    CHECK_FALSE(kiosk::testing::HasText(*kiosk, "Đường dây nóng và phản ánh"));
}
