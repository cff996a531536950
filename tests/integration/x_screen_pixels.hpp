#pragma once
// The pixels an X server holds for its screen, read with Xlib. Xlib's macros (Status,
// Success, None, Bool …) clash with ordinary names, so only x_screen_pixels.cpp sees it.
#include <string>
#include <vector>

namespace kiosk::testing {

// The top-left width × height of the display's screen, RGBA like HeadlessKiosk::Pixels();
// empty when the display cannot be opened.
std::vector<unsigned char> XScreenPixels(const std::string& display, int width, int height);

}  // namespace kiosk::testing
