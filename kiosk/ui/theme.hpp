#pragma once
// Colours and sizes. One place decides how the kiosk looks: calm, high contrast, one deep
// blue for actions, red only for warnings. Sizes are in pixels of a 1080-wide portrait
// screen and scale with the window.
#include <imgui.h>

#include "kiosk/core/config.hpp"

namespace kiosk::ui {

struct Palette {
    ImU32 background;
    ImU32 surface;          // cards, tiles, list rows
    ImU32 surface_pressed;
    ImU32 border;
    ImU32 text;
    ImU32 text_muted;       // secondary lines, still ≥ 4.5:1 on surface and background
    ImU32 accent;           // action buttons, links, the top bar
    ImU32 accent_pressed;
    ImU32 on_accent;        // text on accent
    ImU32 accent_soft;      // badges, selected keys
    ImU32 warning;          // red: only for warnings
    ImU32 warning_soft;
    ImU32 success;
    float border_width;
};

Palette PaletteFor(Theme theme);
// Staff screens: the same contrast in warm brown and amber instead of the citizens' blue,
// so nobody takes a staff screen for a citizen one (a photo of the kiosk shows it at once).
Palette StaffPalette();

// WCAG 2 contrast ratio between two colours (1 … 21).
float ContrastRatio(ImU32 foreground, ImU32 background);

// Layout metrics for the current window and text size.
struct Metrics {
    float scale = 1;        // window size relative to the 1080 px reference (shorter side)
    float text_scale = 1;   // 1, 1.25, 1.5 for normal / large / extra large
    float top_bar_height = 0;
    float bottom_bar_height = 0;
    float margin = 0;       // page margins; also keeps content out of the bezel band
    float gap = 0;          // space between touch targets (≥ 16 px)
    float button_height = 0;   // main actions (96–120 px)
    float touch_minimum = 0;   // every target (≥ 64 px)
    float rounding = 0;

    float Px(float reference_pixels) const { return reference_pixels * scale; }
};

Metrics MetricsFor(ImVec2 display_size, TextSize text_size);
float TextScaleFor(TextSize text_size);

// Applies colours and spacing to ImGui's style so nothing of its default look remains.
void ApplyStyle(const Palette& palette, const Metrics& metrics);

}  // namespace kiosk::ui
