#pragma once
// "Thử màn hình": does the glass work? A touch test (a line follows the finger, so a dead
// strip of the touch panel shows as a gap), a grey ramp and the screen's orientation for
// brightness and rotation, and a test vote that travels to the server marked "staff_test"
// (kept there, never counted).
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct StaffScreenTestScreen {
    std::vector<std::vector<ImVec2>> strokes;  // what the finger drew, one list per touch
    std::string vote_message;
    bool vote_failed = false;

    void Draw(const PageArea& area);

private:
    void DrawTouchCanvas(ImVec2 min, ImVec2 max);
    void SendTestVote();
};

}  // namespace kiosk::ui
