// display.screen_hours on the real screens, headless: dark at night once nobody is there,
// woken by a touch, posters by day; votes and content keep working behind it.
#include <doctest/doctest.h>

#include <ctime>

#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;

namespace {

// Today at hour:minute, local time.
std::time_t TodayAt(int hour, int minute) {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_sec = 0;
    return std::mktime(&local);
}

bool AllBlack(const std::vector<unsigned char>& pixels) {
    for (size_t at = 0; at < pixels.size(); at += 4)
        if (pixels[at] != 0 || pixels[at + 1] != 0 || pixels[at + 2] != 0) return false;
    return true;
}

std::unique_ptr<platform::HeadlessKiosk> KioskWithHours(kiosk::testing::TemporaryDirectory& data, std::time_t wall_time) {
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.display.screen_hours = *ParseScreenHours("07:00-17:00");
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config);
    kiosk->SetWallTime(wall_time);
    kiosk->Settle();
    return kiosk;
}

}  // namespace

TEST_CASE("screen hours: at night the idle kiosk goes dark, a touch wakes it to home, and it sleeps until morning") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = KioskWithHours(data, TodayAt(22, 0));
    // Someone is there: the screen stays lit even at night.
    CHECK(kiosk::testing::HasText(*kiosk, "Xin chào"));
    CHECK_FALSE(AllBlack(kiosk->Pixels()));
    // Nobody for attract_after_s (and the countdown's seconds): dark, nothing drawn.
    kiosk->Wait(DefaultConfig().attract_after_s + 30, 5);
    CHECK(kiosk->record().texts.empty());
    CHECK(AllBlack(kiosk->Pixels()));
    // No frame due for the clock: the next one is the morning's (07:00, nine hours on).
    double sleep = kiosk->ui().SecondsUntilWake(kiosk->now());
    CHECK(sleep > 8 * 3600);
    CHECK(sleep <= 9 * 3600 + 60);
    // A touch wakes it to the home screen, and that touch presses nothing.
    kiosk->Tap(ImVec2(540, 1000));
    CHECK(kiosk::testing::HasText(*kiosk, "Xin chào"));
    CHECK_FALSE(AllBlack(kiosk->Pixels()));
}

TEST_CASE("screen hours: by day the idle kiosk shows its posters, not a dark screen") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = KioskWithHours(data, TodayAt(10, 0));
    kiosk->Wait(DefaultConfig().attract_after_s + 30, 5);
    CHECK(kiosk->ui().attract_screen().showing);
    CHECK_FALSE(kiosk->ui().attract_screen().dark);
    CHECK_FALSE(kiosk->record().texts.empty());
    CHECK_FALSE(AllBlack(kiosk->Pixels()));
}
