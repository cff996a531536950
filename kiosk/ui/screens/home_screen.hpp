#pragma once
// Home: a greeting and one big tile per section of the kiosk.
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct HomeScreen {
    void Draw(const PageArea& area);
};

}  // namespace kiosk::ui
