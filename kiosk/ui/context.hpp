#pragma once
// Context: what every screen and widget of one frame may read. Like ImGui's own context it
// is reached through CurrentContext() instead of being threaded through every call.
#include <algorithm>
#include <ctime>
#include <string>
#include <string_view>

#include "kiosk/core/config.hpp"
#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/navigator.hpp"
#include "kiosk/ui/session.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

class Services;  // the core components the screens read and write (catalog, votes …)

struct Context {
    Config config;              // the kiosk's settings, read-only while it runs
    Session session;            // the citizen's language, text size and theme
    Navigator navigator;
    Fonts* fonts = nullptr;
    Services* services = nullptr;
    Palette palette{};
    Metrics metrics{};
    ImVec2 display_size{1080, 1920};
    double now = 0;             // seconds on a monotonic clock
    std::time_t wall_time = 0;  // for the clock in the top bar and vote timestamps
    bool animating = false;     // set by widgets that move on their own (momentum, countdown)
    double wake_at = 1e18;      // the soonest time (on `now`'s clock) a screen asked to be drawn again
    float right_inset = 0;      // a card's right padding: Paragraph wraps this much short of the edge
    bool staff_mode_open = false;  // the right PIN was entered and staff mode has not ended since

    std::string_view T(std::string_view key) const { return i18n::Get(session.language, key); }
    std::string_view S(std::string_view key) const { return i18n::GetStaff(key); }  // staff screens: Vietnamese
    bool Landscape() const { return display_size.x > display_size.y; }
    // A screen that changes by itself (a thank-you that returns home, a poster) asks for a
    // frame then; the loop sleeps until the soonest request.
    void RequestWake(double seconds) { wake_at = std::min(wake_at, now + std::max(0.0, seconds)); }
};

Context& CurrentContext();
void SetCurrentContext(Context* context);

}  // namespace kiosk::ui
