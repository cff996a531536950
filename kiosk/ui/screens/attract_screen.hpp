#pragma once
// Attract: while nobody uses the kiosk, the commune's posters and slogans from the content,
// one every few seconds, with "Chạm vào màn hình để bắt đầu". It needs a frame only when
// the poster changes (KioskUi::SecondsUntilWake asks SecondsUntilNextPoster), so the
// kiosk sleeps in between and idle CPU stays near zero. The touch that wakes the kiosk opens the home screen and
// nothing else: the finger is held on this screen until it lifts. Outside display.screen_hours
// it is dark instead (nothing drawn but black), and wakes the same way.
#include <cstddef>

namespace kiosk::ui {

struct AttractScreen {
    static constexpr double kSecondsPerPoster = 8;

    // Draws the whole window (no page frame).
    void Draw();
    // Called on frames that are not the attract screen: true while the finger that woke
    // the kiosk is still down, so that the caller keeps drawing this screen instead of
    // letting the touch land on a home tile.
    bool HoldsWakingTouch();
    // How long until the next poster is due; a long time when there is only one poster.
    double SecondsUntilNextPoster(double now) const;

    bool showing = false;     // the last frame drawn was this screen
    bool dark = false;        // outside display.screen_hours: the screen is black, no posters
    double started_at = 0;    // when the posters began, on the context's clock
    std::size_t shown_index = 0;  // the poster on screen (for tests)
    double next_poster_at = 1e18;  // on the context's clock
};

}  // namespace kiosk::ui
