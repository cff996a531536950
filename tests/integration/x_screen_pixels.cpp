#include "tests/integration/x_screen_pixels.hpp"

#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace kiosk::testing {

std::vector<unsigned char> XScreenPixels(const std::string& display, int width, int height) {
    std::vector<unsigned char> pixels;
    Display* connection = XOpenDisplay(display.c_str());
    if (!connection) return pixels;
    XImage* image = XGetImage(connection, DefaultRootWindow(connection), 0, 0, static_cast<unsigned>(width),
                              static_cast<unsigned>(height), AllPlanes, ZPixmap);
    if (image) {
        pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                unsigned long pixel = XGetPixel(image, x, y);  // 0xRRGGBB at depth 24
                unsigned char* out = &pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                              static_cast<std::size_t>(x)) * 4];
                out[0] = static_cast<unsigned char>(pixel >> 16);
                out[1] = static_cast<unsigned char>(pixel >> 8);
                out[2] = static_cast<unsigned char>(pixel);
                out[3] = 255;
            }
        XDestroyImage(image);
    }
    XCloseDisplay(connection);
    return pixels;
}

}  // namespace kiosk::testing
