#include <doctest/doctest.h>

#include "kiosk/ui/navigator.hpp"

using namespace kiosk::ui;

TEST_CASE("navigator: push, back and home keep a back stack") {
    Navigator navigator;
    CHECK(navigator.Current().screen == ScreenId::Home);
    CHECK_FALSE(navigator.CanGoBack());
    navigator.Push({ScreenId::Fields, {}});
    navigator.Push({ScreenId::FieldProcedures, "ho-tich"});
    navigator.Push({ScreenId::FieldProcedures, "ho-tich"});  // a double tap does not stack twice
    CHECK(navigator.Depth() == 3);
    navigator.Back();
    CHECK(navigator.Current().screen == ScreenId::Fields);
    navigator.Push({ScreenId::Search, {}});
    navigator.Home();
    CHECK(navigator.Current().screen == ScreenId::Home);
    CHECK(navigator.Depth() == 1);
    navigator.Back();  // back at home stays home
    CHECK(navigator.Depth() == 1);
}

TEST_CASE("navigator: idle countdown, then home, then posters — a touch starts afresh") {
    Navigator navigator;
    navigator.SetIdleTimes(90, 10, 300);
    navigator.NoteInput(0);
    navigator.Push({ScreenId::ProcedureDetail, "1.001193"});
    CHECK(navigator.Update(89) == IdleState::Active);
    CHECK(navigator.Update(91) == IdleState::Countdown);
    CHECK(navigator.CountdownRemaining(91) == doctest::Approx(9));
    CHECK(navigator.Current().screen == ScreenId::ProcedureDetail);  // a reader is not thrown out yet
    CHECK(navigator.Update(100.5) == IdleState::Active);
    CHECK(navigator.Current().screen == ScreenId::Home);
    CHECK(navigator.TakeSessionEnded());
    CHECK_FALSE(navigator.TakeSessionEnded());
    CHECK(navigator.Update(299) == IdleState::Active);
    CHECK(navigator.Update(301) == IdleState::Attract);
    navigator.NoteInput(302);
    CHECK(navigator.Update(302) == IdleState::Active);
    CHECK(navigator.Current().screen == ScreenId::Home);
}

TEST_CASE("navigator: a touch during the countdown keeps the citizen where they were") {
    Navigator navigator;
    navigator.SetIdleTimes(90, 10, 300);
    navigator.NoteInput(0);
    navigator.Push({ScreenId::Hotline, {}});
    CHECK(navigator.Update(95) == IdleState::Countdown);
    navigator.NoteInput(95);
    CHECK(navigator.Update(150) == IdleState::Active);
    CHECK(navigator.Current().screen == ScreenId::Hotline);
    CHECK_FALSE(navigator.TakeSessionEnded());
}

TEST_CASE("navigator: the home screen shows no countdown, but the session is still cleared") {
    Navigator navigator;
    navigator.SetIdleTimes(90, 10, 300);
    navigator.NoteInput(0);
    CHECK(navigator.Update(95) == IdleState::Active);
    CHECK(navigator.Update(101) == IdleState::Active);
    CHECK(navigator.TakeSessionEnded());  // e.g. the language a citizen picked is reset
}

TEST_CASE("navigator: the loop knows how long it may sleep") {
    Navigator navigator;
    navigator.SetIdleTimes(90, 10, 300);
    navigator.NoteInput(0);
    CHECK(navigator.SecondsUntilNextIdleChange(30) == doctest::Approx(60));
    CHECK(navigator.SecondsUntilNextIdleChange(95) == doctest::Approx(5));
    CHECK(navigator.SecondsUntilNextIdleChange(200) == doctest::Approx(100));
}
