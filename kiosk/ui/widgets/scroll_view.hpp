#pragma once
// A region that scrolls when dragged anywhere, with momentum after the finger lifts, and
// a wide indicator beside it instead of ImGui's thin scrollbar. Touch screens send
// touches as mouse events, so this works for fingers and for a mouse alike.
#include <imgui.h>

namespace kiosk::ui {

// Everything between Begin and End is laid out in the region and scrolls.
// Set scroll_to_top when the region shows something new (a new procedure, a new search).
void BeginScrollView(const char* id, ImVec2 size, bool scroll_to_top = false);
void EndScrollView();

}  // namespace kiosk::ui
