#pragma once
// Session: what the citizen in front of the kiosk chose for themselves — language, text
// size, theme. It starts from the configuration's defaults and goes back to them when the
// citizen walks away (the idle timer); the configuration itself never changes while the
// kiosk runs.
#include "kiosk/core/config.hpp"

namespace kiosk::ui {

struct Session {
    Language language = Language::Vietnamese;
    TextSize text_size = TextSize::Normal;
    Theme theme = Theme::Standard;

    static Session StartingFrom(const Config& config) { return {config.language, config.text_size, config.theme}; }
    bool operator==(const Session&) const = default;
};

}  // namespace kiosk::ui
