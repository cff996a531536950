#include "kiosk/platform/rotated_canvas.hpp"

#include "kiosk/platform/draw_data_renderer.hpp"

namespace kiosk::platform {

RotatedCanvas::~RotatedCanvas() { Release(); }

void RotatedCanvas::Release() {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = nullptr;
    texture_renderer_ = nullptr;
}

bool RotatedCanvas::Draw(SDL_Renderer* renderer, const ImDrawData* draw_data, ScreenSize output) {
    auto clear = [renderer] {
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        SDL_RenderClear(renderer);
    };
    if (rotation_ == Rotation::None) {
        clear();
        RenderDrawData(renderer, draw_data);
        return true;
    }
    ScreenSize logical = Logical(output);
    bool fits = texture_ && texture_renderer_ == renderer && texture_size_.width == logical.width &&
                texture_size_.height == logical.height;
    if (!fits) {
        if (texture_) SDL_DestroyTexture(texture_);
        texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, logical.width,
                                     logical.height);
        texture_renderer_ = renderer;
        texture_size_ = logical;
        if (!texture_) return false;
        SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_NONE);  // the canvas is opaque: a plain copy
    }
    SDL_SetRenderTarget(renderer, texture_);
    clear();
    RenderDrawData(renderer, draw_data);
    SDL_SetRenderTarget(renderer, nullptr);
    clear();
    // SDL turns the destination rectangle about its centre: the canvas-sized rectangle
    // centred on the output covers the output once turned a quarter.
    SDL_Rect target{(output.width - logical.width) / 2, (output.height - logical.height) / 2, logical.width,
                    logical.height};
    SDL_RenderCopyEx(renderer, texture_, nullptr, &target, RotationDegrees(rotation_), nullptr, SDL_FLIP_NONE);
    return true;
}

}  // namespace kiosk::platform
