#pragma once
// RotatedCanvas: draws a frame for a panel mounted the other way round (`display.rotation`).
// The frame's draw lists go into a texture the size of the logical canvas, which is then
// copied onto the output turned clockwise by the rotation; unrotated, the lists go straight
// to the output with no extra copy. The window and the headless kiosk both draw through it,
// so what the screenshots show is what the panel shows.
#include <SDL.h>
#include <imgui.h>

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
    // Clears the output and draws the frame's lists on it, turned. False (with SDL's error)
    // when the canvas texture cannot be made.
    bool Draw(SDL_Renderer* renderer, const ImDrawData* draw_data, ScreenSize output);
    // Frees the canvas texture: call before destroying the renderer that owns it.
    void Release();

private:
    Rotation rotation_;
    SDL_Texture* texture_ = nullptr;
    SDL_Renderer* texture_renderer_ = nullptr;
    ScreenSize texture_size_;
};

}  // namespace kiosk::platform
