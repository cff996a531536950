#pragma once
// Online public services: what "toàn trình" and "một phần" mean (and that posters still say
// "mức độ 4" and "mức độ 3"), then one big row per step-by-step guide from the content.
#include "kiosk/ui/navigator.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct OnlineServicesScreen {
    void Draw(const PageArea& area);
};

// Where a procedure's "how to do it online" button leads: the guide to finding a
// procedure and filing it online when the content has one, else the list of guides.
// For the procedure detail screen.
Route GuideRouteForOnlineFiling();

}  // namespace kiosk::ui
