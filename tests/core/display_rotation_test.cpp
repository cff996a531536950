// display.rotation: the arithmetic that turns the picture and the touches alike.
#include <doctest/doctest.h>

#include "kiosk/core/config.hpp"
#include "kiosk/core/display_rotation.hpp"

using namespace kiosk;

TEST_CASE("display rotation: a quarter turn swaps the sides, and a point goes out and comes back where it was") {
    const ScreenSize output{1920, 1080};
    for (Rotation rotation : {Rotation::None, Rotation::Quarter, Rotation::Half, Rotation::ThreeQuarters}) {
        ScreenSize logical = LogicalSize(output, rotation);
        bool quarter = rotation == Rotation::Quarter || rotation == Rotation::ThreeQuarters;
        CHECK(logical.width == (quarter ? 1080 : 1920));
        CHECK(logical.height == (quarter ? 1920 : 1080));
        for (ScreenPoint point : {ScreenPoint{0, 0}, ScreenPoint{100, 700}, ScreenPoint{1079, 5}}) {
            ScreenPoint shown = ToOutput(point, logical, rotation);
            CHECK(shown.x >= 0);
            CHECK(shown.x <= static_cast<float>(output.width));
            CHECK(shown.y >= 0);
            CHECK(shown.y <= static_cast<float>(output.height));
            ScreenPoint back = ToLogical(shown, logical, rotation);
            CHECK(back.x == doctest::Approx(point.x));
            CHECK(back.y == doctest::Approx(point.y));
        }
    }
    // Clockwise: the canvas's top-left corner is the output's top-right after 90°, its
    // bottom-right after 180°, its bottom-left after 270°.
    const ScreenSize portrait{1080, 1920};
    ScreenPoint corner{0, 0};
    CHECK(ToOutput(corner, portrait, Rotation::Quarter).x == 1920);
    CHECK(ToOutput(corner, portrait, Rotation::Quarter).y == 0);
    CHECK(ToOutput(corner, {1920, 1080}, Rotation::Half).x == 1920);
    CHECK(ToOutput(corner, {1920, 1080}, Rotation::Half).y == 1080);
    CHECK(ToOutput(corner, portrait, Rotation::ThreeQuarters).x == 0);
    CHECK(ToOutput(corner, portrait, Rotation::ThreeQuarters).y == 1080);
}

TEST_CASE("display rotation: the configuration takes 0, 90, 180 or 270 and refuses any other angle with a sentence") {
    auto turned = ParseConfig(R"({"display": {"rotation": 270}})", ".");
    REQUIRE(turned.ok());
    CHECK(turned->display.rotation == Rotation::ThreeQuarters);
    CHECK(ParseConfig("{}", ".")->display.rotation == Rotation::None);
    auto slanted = ParseConfig(R"({"display": {"rotation": 45}})", ".");
    REQUIRE_FALSE(slanted.ok());
    CHECK(slanted.error().message.find("\"display.rotation\" must be 0, 90, 180 or 270") != std::string::npos);
    CHECK(slanted.error().message.find("found 45") != std::string::npos);
    CHECK_FALSE(slanted.error().message_vietnamese.empty());
    CHECK_FALSE(ParseConfig(R"({"display": {"rotation": "90"}})", ".").ok());
    CHECK_FALSE(ParseConfig(R"({"display": {"turn": 90}})", ".").ok());  // unknown keys are refused
}

TEST_CASE("screen hours: HH:MM-HH:MM in local time, over midnight too, and a sentence for anything else") {
    auto day = ParseScreenHours("07:00-17:30");
    REQUIRE(day.ok());
    CHECK(day->LitAt(7 * 60));
    CHECK(day->LitAt(17 * 60 + 29));
    CHECK_FALSE(day->LitAt(17 * 60 + 30));
    CHECK_FALSE(day->LitAt(3 * 60));
    auto night_shift = ParseScreenHours("22:00-06:00");
    REQUIRE(night_shift.ok());
    CHECK(night_shift->LitAt(23 * 60));
    CHECK(night_shift->LitAt(5 * 60));
    CHECK_FALSE(night_shift->LitAt(12 * 60));
    CHECK(ParseScreenHours("")->AlwaysLit());
    std::tm evening{};
    evening.tm_hour = 22;
    CHECK(day->SecondsUntilChange(evening) == doctest::Approx(9 * 3600));  // until 07:00
    for (const char* bad : {"7:00-17:00", "07:00", "07:00-24:00", "07:60-08:00", "08:00-08:00", "sáng"}) {
        INFO(bad);
        auto refused = ParseScreenHours(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("display.screen_hours") != std::string::npos);
        CHECK_FALSE(refused.error().message_vietnamese.empty());
    }
    auto configured = ParseConfig(R"({"display": {"screen_hours": "06:30-18:00"}})", ".");
    REQUIRE(configured.ok());
    CHECK(configured->display.screen_hours.on_minute == 6 * 60 + 30);
    CHECK_FALSE(ParseConfig(R"({"display": {"screen_hours": "all day"}})", ".").ok());
}
