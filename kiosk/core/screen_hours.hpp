#pragma once
// `display.screen_hours`: the hours the screen is lit, "07:00-17:30" (local time). Outside
// them, once nobody has touched the kiosk for attract_after_s, the screen goes dark instead
// of showing posters; a touch wakes it; votes and content updates carry on. A range that
// ends before it starts runs over midnight ("22:00-06:00"). Empty: always lit.
#include <ctime>
#include <optional>
#include <string>

#include "kiosk/core/result.hpp"

namespace kiosk {

struct ScreenHours {
    int on_minute = 0;    // minutes after midnight the screen lights
    int off_minute = 0;   // minutes after midnight it may go dark; equal to on_minute: always lit

    bool AlwaysLit() const { return on_minute == off_minute; }
    // Is `minute_of_day` (0–1439) within the lit hours?
    bool LitAt(int minute_of_day) const;
    // Seconds from `local` until the next change between lit and dark (a day when always lit).
    double SecondsUntilChange(const std::tm& local) const;
};

// "07:00-17:30" → the hours; "" → always lit; anything else: an error naming the key.
Result<ScreenHours> ParseScreenHours(const std::string& text);

}  // namespace kiosk
