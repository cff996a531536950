#pragma once
// Hotline and feedback: the commune's reform hotline, address and opening hours (from the
// content), then every channel for questions and complaints — the national portal's free
// hotline 1800 1096, nguoidan.chinhphu.vn, doanhnghiep.chinhphu.vn, the portal's PAKN —
// each with a QR code (tel: for numbers) so a citizen can call or write from home.
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct HotlineScreen {
    void Draw(const PageArea& area);
};

}  // namespace kiosk::ui
