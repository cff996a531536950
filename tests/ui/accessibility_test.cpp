// Accessibility across the whole kiosk: every scene at every text size, in both languages
// and both orientations, draws every glyph, keeps every line inside its window and offers
// only touch targets a finger can hit; the colours the screens combine are readable.
#include <doctest/doctest.h>

#include <cmath>

#include "kiosk/ui/screen_scenes.hpp"
#include "kiosk/ui/theme.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;

namespace {

const char* SizeName(TextSize size) {
    switch (size) {
        case TextSize::Large: return "large";
        case TextSize::ExtraLarge: return "extra_large";
        default: return "normal";
    }
}

// The home screen's sections are the whole kiosk: each must be on the glass, whole, without
// scrolling, whatever the text size and the window.
void CheckEveryHomeTileIsInSight(platform::HeadlessKiosk& kiosk, const std::string& where) {
    int tiles = 0;
    for (const auto& item : kiosk.record().tappables) {
        for (const char* key : {"home.tile.procedures", "home.tile.search", "home.tile.online", "home.tile.hotline",
                                "home.tile.vote", "home.tile.results"}) {
            if (item.label != i18n::Get(kiosk.ui().context().session.language, key)) continue;
            ++tiles;
            CHECK_MESSAGE(item.FullyVisible(), where, ": the home tile \"", item.label, "\" is not wholly in sight");
        }
    }
    CHECK_MESSAGE(tiles == 6, where, ": ", tiles, " of 6 home tiles drawn");
}

// One kiosk per configuration (fonts are built once); between scenes the session is ended
// the way the idle timer ends it, so every scene starts from a forgotten, fresh state.
void CheckEveryScene(Language language, TextSize text_size, int width, int height) {
    kiosk::testing::TemporaryDirectory data;
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.language = language;
    config.text_size = text_size;
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config, width, height);
    // Touch targets are measured at the 1080 px reference and scale with the window.
    float scale = std::min(width, height) / 1080.0f;
    for (const auto& scene : AllScenes()) {
        kiosk->ui().NoteInput(kiosk->now() - 1e6);
        kiosk->Frame();  // the session ends: language, text size and screens are reset
        kiosk->ui().NoteInput(kiosk->now());
        kiosk->Frame();
        scene.enter(kiosk->ui());
        kiosk->Settle(4);
        std::string where = scene.name + " " + std::to_string(width) + "x" + std::to_string(height) + " " +
                            std::string(LanguageCode(language)) + " " + SizeName(text_size);
        CHECK_MESSAGE(!kiosk->record().texts.empty(), where, ": nothing drawn");
        kiosk::testing::CheckFrameIsClean(*kiosk, where);
        kiosk::testing::CheckTargetsDoNotOverlap(*kiosk, where);
        if (scene.name == "home") CheckEveryHomeTileIsInSight(*kiosk, where);
        for (const auto& item : kiosk->record().tappables) {
            float item_height = item.max.y - item.min.y;
            float item_width = item.max.x - item.min.x;
            CHECK_MESSAGE(item_height >= 64 * scale - 0.5f, where, ": \"", item.label, "\" is only ", item_height,
                          " px high");
            // The on-screen keyboard's ten keys a row cannot be 96 px wide in portrait; a
            // fingertip square is the least any target may be.
            CHECK_MESSAGE(item_width >= 64 * scale - 0.5f, where, ": \"", item.label, "\" is only ", item_width,
                          " px wide");
        }
    }
}

}  // namespace

TEST_CASE("accessibility: every scene, every text size, both languages, portrait and two landscapes: all glyphs, no word cut, big targets that do not overlap, every home tile in sight") {
    for (Language language : {Language::Vietnamese, Language::English})
        for (TextSize size : {TextSize::Normal, TextSize::Large, TextSize::ExtraLarge})
            for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}, std::pair{1366, 768}}) {
                CAPTURE(width);
                CheckEveryScene(language, size, width, height);
            }
}

TEST_CASE("accessibility: the colour pairs the screens draw text with are readable in both themes") {
    for (Theme theme : {Theme::Standard, Theme::HighContrast}) {
        Palette palette = PaletteFor(theme);
        float minimum = theme == Theme::HighContrast ? 7.0f : 4.5f;
        CAPTURE(static_cast<int>(theme));
        // Step counter, links, QR addresses and figures: accent on every light surface.
        for (ImU32 background : {palette.background, palette.surface, palette.accent_soft})
            CHECK(ContrastRatio(palette.accent, background) >= minimum);
        // Badges ("Toàn trình"), the attract screen, the guide's number circles.
        CHECK(ContrastRatio(palette.on_accent, palette.accent) >= minimum);
        // Muted labels inside accent cards (address, opening hours, old level names).
        CHECK(ContrastRatio(palette.text_muted, palette.accent_soft) >= minimum);
        CHECK(ContrastRatio(palette.text, palette.warning_soft) >= minimum);
    }
}

TEST_CASE("accessibility: touch targets stay at least 64 px high and main buttons 96 px at 1080 px width, at every text size") {
    for (TextSize size : {TextSize::Normal, TextSize::Large, TextSize::ExtraLarge}) {
        Metrics metrics = MetricsFor(ImVec2(1080, 1920), size);
        CHECK(metrics.touch_minimum >= 64);
        CHECK(metrics.button_height >= 96);
    }
}
