#include <doctest/doctest.h>

#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/ui/screen_scenes.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;

namespace {

void RenderEveryScene(Language language, TextSize text_size, int width, int height) {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.language = language;
    config.text_size = text_size;
    for (const auto& scene : AllScenes()) {
        auto kiosk = kiosk::testing::MakeHeadlessKiosk(config, width, height);
        scene.enter(kiosk->ui());
        kiosk->Settle(4);
        std::string where = scene.name + " " + std::to_string(width) + "x" + std::to_string(height) + " " +
                            std::string(LanguageCode(language)) + " size " + std::to_string(static_cast<int>(text_size));
        CHECK_MESSAGE(!kiosk->record().texts.empty(), where, ": nothing drawn");
        kiosk::testing::CheckFrameIsClean(*kiosk, where);
        auto pixels = kiosk->Pixels();
        REQUIRE(pixels.size() == static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    }
}

}  // namespace

TEST_CASE("screens: every screen renders in portrait and landscape with every glyph present") {
    RenderEveryScene(Language::Vietnamese, TextSize::Normal, 1080, 1920);
    RenderEveryScene(Language::Vietnamese, TextSize::Normal, 1920, 1080);
    RenderEveryScene(Language::English, TextSize::Normal, 1080, 1920);
    RenderEveryScene(Language::English, TextSize::Normal, 1920, 1080);
    auto missing = i18n::MissingKeysSeen();
    CHECK_MESSAGE(missing.empty(), "interface strings missing from the tables: ", missing.size());
}

TEST_CASE("screens: the screenshot is a real picture (the top bar is the accent colour)") {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config);
    auto pixels = kiosk->Pixels();
    Palette palette = PaletteFor(Theme::Standard);
    ImVec4 accent = ImGui::ColorConvertU32ToFloat4(palette.accent);
    size_t at = (static_cast<size_t>(20) * 1080 + 10) * 4;  // a pixel inside the top bar
    CHECK(pixels[at + 0] == static_cast<unsigned char>(accent.x * 255 + 0.5f));
    CHECK(pixels[at + 1] == static_cast<unsigned char>(accent.y * 255 + 0.5f));
    CHECK(pixels[at + 2] == static_cast<unsigned char>(accent.z * 255 + 0.5f));

    auto png = data / "home.png";
    REQUIRE(kiosk->SavePng(png).ok());
    CHECK(std::filesystem::file_size(png) > 10000);
}
