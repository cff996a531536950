#pragma once
// HeadlessKiosk: the real kiosk UI in its own ImGui context, drawn with SDL's software
// renderer into memory — no window, no display. The screenshot command, the UI tests and
// the start-up benchmark all drive the kiosk through it, with injected taps and drags.
#include <SDL.h>

#include <filesystem>
#include <ctime>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/font_files.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/platform/rotated_canvas.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/frame_record.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/services.hpp"

struct ImGuiContext;

namespace kiosk::platform {

class HeadlessKiosk {
public:
    // Without services it opens its own from the configuration (content, vote outbox).
    static Result<std::unique_ptr<HeadlessKiosk>> Create(const Config& config, int width, int height,
                                                         ui::Services* services = nullptr);
    ~HeadlessKiosk();
    HeadlessKiosk(const HeadlessKiosk&) = delete;
    HeadlessKiosk& operator=(const HeadlessKiosk&) = delete;

    // Advances the clock and draws one frame (ImGui only; pixels are made on demand).
    void Frame(double seconds = 1.0 / 30.0);
    // Draws frames until the layout settles (ImGui sizes some things a frame late).
    void Settle(int frames = 3);

    // A finger down for one frame at position, lifted the next; then the UI settles.
    void Tap(ImVec2 position);
    // A finger down on the panel at output pixel `output_position` (what a touch screen
    // reports), turned back through display.rotation like the window's events.
    void TapScreen(ImVec2 output_position);
    // Where a point of the UI's canvas shows on the panel (output pixels).
    ImVec2 OnScreen(ImVec2 position) const;
    // Taps the centre of the tappable item whose label equals label. False if none is drawn.
    bool TapLabel(std::string_view label);
    // A finger held down at position for `seconds` (drifting by `drift` over that time), then
    // lifted; then the UI settles. A long press, e.g. the hidden way into staff mode.
    void Hold(ImVec2 position, double seconds, ImVec2 drift = ImVec2(0, 0));
    // A finger dragged from one point to another over a number of frames, then lifted.
    void Drag(ImVec2 from, ImVec2 to, int steps = 10);
    // The wall clock the UI reads (local time for display.screen_hours, the top bar's
    // clock), from now on moving with the kiosk's own clock; by default the real time.
    void SetWallTime(std::time_t wall_time);
    // Lets time pass without input (the idle timer runs), a frame every step_seconds.
    void Wait(double seconds, double step_seconds = 0.5);

    // Rasterizes the last frame into the memory surface (what a window's present costs).
    void Render();
    // Renders the last frame and returns its pixels (RGBA, row-major), or writes a PNG.
    std::vector<unsigned char> Pixels();
    Status SavePng(const std::filesystem::path& file);

    ui::KioskUi& ui() { return *ui_; }
    ui::Services& services() { return *services_; }
    const ui::FrameRecord& record() const { return ui::CurrentFrameRecord(); }
    double now() const { return now_; }
    // The canvas the UI lays out on; the panel's pixels (Pixels, SavePng) are output().
    int width() const { return logical_.width; }
    int height() const { return logical_.height; }
    ScreenSize output() const { return output_; }

private:
    explicit HeadlessKiosk(Rotation rotation) : canvas_(rotation) {}
    void MakeCurrent();

    RotatedCanvas canvas_;
    ScreenSize output_, logical_;
    double now_ = 1000;  // a monotonic clock of our own; tests move it forward
    std::optional<std::time_t> wall_time_;  // SetWallTime's, at wall_time_set_at_ on now_
    double wall_time_set_at_ = 0;
    ImGuiContext* imgui_ = nullptr;
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<ui::Services> owned_services_;
    ui::Services* services_ = nullptr;
    std::unique_ptr<ui::Fonts> fonts_;
    std::unique_ptr<ui::KioskUi> ui_;
    bool renderer_backend_ready_ = false;
    bool texture_dirty_ = true;
};

}  // namespace kiosk::platform
