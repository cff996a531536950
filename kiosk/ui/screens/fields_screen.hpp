#pragma once
// Fields: one large tile per lĩnh vực with the number of procedures in it, and a way to
// search instead of browsing.
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct FieldsScreen {
    void Draw(const PageArea& area);
};

// Shared by the procedure screens: what to show when the content could not be loaded.
void DrawContentUnavailable(const PageArea& area);

}  // namespace kiosk::ui
