#pragma once
// Thank you: shown once the vote is on disk, then back to the start by itself.
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct VoteThanksScreen {
    void Draw(const PageArea& area);

    double shown_since = -1;  // when this thank-you appeared (context.now)
};

inline constexpr double kThanksSeconds = 6;

}  // namespace kiosk::ui
