#pragma once
// The frame every screen shares: the top bar (commune, date and time, language, text
// size) and the bottom bar (Back, Home, and what helps most from here), always in the same
// place. Between them, one thing per screen.
#include <imgui.h>

#include <ctime>
#include <string>
#include <string_view>

#include "kiosk/core/config.hpp"

#include "kiosk/ui/navigator.hpp"
#include "kiosk/ui/widgets/icons.hpp"

namespace kiosk::ui {

struct PageArea {
    ImVec2 min, max;
    float Width() const { return max.x - min.x; }
    float Height() const { return max.y - min.y; }
};

// The right-hand button of the bottom bar: what helps most from the current screen.
struct HelpAction {
    std::string label;
    Icon icon = Icon::None;
    Route route;
};

// "09:41  ngày 03/12/2026" (or the English form), as the top bar shows the time.
std::string FormatClock(std::time_t wall_time, Language language);
// Records one of the frame's bars for tests (a page's button must not slide under it).
void RecordBar(ImVec2 min, ImVec2 max);

// Draws a screen's title at the top of its area; returns the y just below it.
float DrawPageTitle(const PageArea& area, std::string_view title);

// Draws both bars into the current window and returns the area between them.
PageArea DrawPageFrame(const std::string& commune_name, bool demo_content, const HelpAction& help);

}  // namespace kiosk::ui
