#pragma once
// One online-service guide, one step at a time: "Bước 2/6" in big letters, the step's
// title, a picture and a few sentences, a QR code that opens the right page on the
// citizen's phone, and big "Bước trước" / "Bước tiếp" buttons that never move.
#include <optional>
#include <string>

#include "kiosk/core/content/guide.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct GuideScreen {
    void Draw(const PageArea& area, const std::string& guide_id);

    std::string loaded_id;               // the guide last read from the catalog
    std::optional<content::Guide> guide;  // nothing: no such guide in the content
    size_t step = 0;                     // 0-based step shown
    bool step_changed = true;            // the text area starts at the top of a new step
};

}  // namespace kiosk::ui
