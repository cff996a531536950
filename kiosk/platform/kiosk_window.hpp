#pragma once
// The kiosk on a real display: a full-screen SDL window with no way out for a citizen,
// rendering on demand (it sleeps in SDL_WaitEventTimeout until something changes).
#include "kiosk/core/config.hpp"

namespace kiosk::ui {
class Services;
}

namespace kiosk::platform {

struct WindowOptions {
    bool windowed = false;      // development: a normal window instead of full screen
    int width = 1080;           // window size when windowed
    int height = 1920;
    bool allow_exit = false;    // development and staff: Escape and closing the window quit
    int exit_after_frames = 0;  // > 0: quit after this many frames (benchmarks, smoke tests)
};

// Runs until SIGTERM/SIGINT (or an allowed exit). Returns the process exit code.
int RunKioskWindow(const Config& config, const WindowOptions& options, ui::Services* services);

}  // namespace kiosk::platform
