#include <doctest/doctest.h>

#include "kiosk/ui/theme.hpp"

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("theme: every text colour meets WCAG AA (4.5:1) on the backgrounds it is drawn on") {
    Palette palette = PaletteFor(Theme::Standard);
    for (ImU32 background : {palette.background, palette.surface, palette.surface_pressed, palette.accent_soft}) {
        CHECK(ContrastRatio(palette.text, background) >= 4.5f);
        CHECK(ContrastRatio(palette.text_muted, background) >= 4.5f);
    }
    CHECK(ContrastRatio(palette.on_accent, palette.accent) >= 4.5f);
    CHECK(ContrastRatio(palette.on_accent, palette.accent_pressed) >= 4.5f);
    CHECK(ContrastRatio(palette.on_accent, palette.warning) >= 4.5f);
    CHECK(ContrastRatio(palette.accent, palette.surface) >= 4.5f);  // links and quiet buttons
    CHECK(ContrastRatio(palette.warning, palette.warning_soft) >= 4.5f);
}

TEST_CASE("theme: the staff palette meets AA too, and its accent is not the citizens' blue") {
    Palette palette = StaffPalette();
    for (ImU32 background : {palette.background, palette.surface, palette.surface_pressed, palette.accent_soft}) {
        CHECK(ContrastRatio(palette.text, background) >= 4.5f);
        CHECK(ContrastRatio(palette.text_muted, background) >= 4.5f);
    }
    CHECK(ContrastRatio(palette.on_accent, palette.accent) >= 4.5f);
    CHECK(ContrastRatio(palette.on_accent, palette.accent_pressed) >= 4.5f);
    CHECK(ContrastRatio(palette.accent, palette.surface) >= 4.5f);
    CHECK(ContrastRatio(palette.warning, palette.warning_soft) >= 4.5f);
    CHECK(palette.accent != PaletteFor(Theme::Standard).accent);
    CHECK(palette.background != PaletteFor(Theme::Standard).background);
}

TEST_CASE("theme: the high-contrast theme reaches 7:1 (AAA)") {
    Palette palette = PaletteFor(Theme::HighContrast);
    for (ImU32 background : {palette.background, palette.surface, palette.surface_pressed, palette.accent_soft}) {
        CHECK(ContrastRatio(palette.text, background) >= 7.0f);
        CHECK(ContrastRatio(palette.text_muted, background) >= 7.0f);
    }
    CHECK(ContrastRatio(palette.on_accent, palette.accent) >= 7.0f);
    CHECK(ContrastRatio(palette.warning, palette.warning_soft) >= 7.0f);
}

TEST_CASE("theme: touch targets are at least 64 px high at 1080 px width, and scale with the window") {
    Metrics portrait = MetricsFor(ImVec2(1080, 1920), TextSize::Normal);
    CHECK(portrait.touch_minimum >= 64);
    CHECK(portrait.button_height >= 96);
    CHECK(portrait.gap >= 16);
    Metrics landscape = MetricsFor(ImVec2(1920, 1080), TextSize::Normal);
    CHECK(landscape.scale == doctest::Approx(portrait.scale));
    Metrics small = MetricsFor(ImVec2(540, 960), TextSize::Normal);
    CHECK(small.scale == doctest::Approx(0.5f));
}

TEST_CASE("theme: contrast ratio matches known values") {
    CHECK(ContrastRatio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0f).epsilon(0.01));
    CHECK(ContrastRatio(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.48f).epsilon(0.01));
}
