#pragma once
// RotatedCanvas: draws a frame for a panel mounted the other way round (`display.rotation`).
// The UI lays out on the upright canvas; the frame's draw lists are turned onto the output
// vertex by vertex (a quarter turn keeps every rectangle and clip rectangle axis-aligned),
// so the picture costs what an upright one does: no extra texture, no rotated copy (which
// SDL's software renderer takes ~70 ms a frame for at 1920×1080). Unrotated, the lists go
// straight through. The window and the headless kiosk both draw through it, so what the
// screenshots show is what the panel shows.
#include <SDL.h>
#include <imgui.h>

#include <vector>

#include "kiosk/core/display_rotation.hpp"

namespace kiosk::platform {

class RotatedCanvas {
public:
    explicit RotatedCanvas(Rotation rotation) : rotation_(rotation) {}
    ~RotatedCanvas();
    RotatedCanvas(const RotatedCanvas&) = delete;
    RotatedCanvas& operator=(const RotatedCanvas&) = delete;

    Rotation rotation() const { return rotation_; }
    // The size the UI lays out on for an output of `output` pixels.
    ScreenSize Logical(ScreenSize output) const { return LogicalSize(output, rotation_); }
    // Clears the output and draws the frame's lists on it, turned.
    void Draw(SDL_Renderer* renderer, const ImDrawData* draw_data, ScreenSize output);

private:
    Rotation rotation_;
    std::vector<ImDrawList*> turned_;  // this frame's lists, turned (kept to reuse their buffers)
};

}  // namespace kiosk::platform
