#include "kiosk/ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

constexpr ImU32 Rgb(unsigned rgb) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, 0xFF);
}

float Linear(float channel) {
    return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float Luminance(ImU32 color) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    return 0.2126f * Linear(c.x) + 0.7152f * Linear(c.y) + 0.0722f * Linear(c.z);
}

}  // namespace

Palette PaletteFor(Theme theme) {
    if (theme == Theme::HighContrast) {
        return Palette{
            .background = Rgb(0xFFFFFF),
            .surface = Rgb(0xFFFFFF),
            .surface_pressed = Rgb(0xD0D8E8),
            .border = Rgb(0x000000),
            .text = Rgb(0x000000),
            .text_muted = Rgb(0x1F1F1F),
            .accent = Rgb(0x00256B),
            .accent_pressed = Rgb(0x000F33),
            .on_accent = Rgb(0xFFFFFF),
            .accent_soft = Rgb(0xE3EAF8),
            .warning = Rgb(0x8C0F0F),
            .warning_soft = Rgb(0xFCE8E8),
            .success = Rgb(0x0B4D1E),
            .border_width = 3,
        };
    }
    return Palette{
        .background = Rgb(0xEEF2F8),
        .surface = Rgb(0xFFFFFF),
        .surface_pressed = Rgb(0xD5DFEF),
        .border = Rgb(0xB8C4D6),
        .text = Rgb(0x17202E),
        .text_muted = Rgb(0x4A5568),
        .accent = Rgb(0x0B4EA2),
        .accent_pressed = Rgb(0x07356F),
        .on_accent = Rgb(0xFFFFFF),
        .accent_soft = Rgb(0xDCE8F8),
        .warning = Rgb(0xB3261E),
        .warning_soft = Rgb(0xFBE9E7),
        .success = Rgb(0x1E6B34),
        .border_width = 1.5f,
    };
}

Palette StaffPalette() {
    Palette palette = PaletteFor(Theme::Standard);
    palette.background = Rgb(0xF8EFE4);
    palette.surface_pressed = Rgb(0xF0DCC4);
    palette.border = Rgb(0xCFAE8A);
    palette.text = Rgb(0x2A1A0C);
    palette.text_muted = Rgb(0x5A4632);
    palette.accent = Rgb(0x8A3B00);
    palette.accent_pressed = Rgb(0x5C2700);
    palette.accent_soft = Rgb(0xF7E1C8);
    return palette;
}

float ContrastRatio(ImU32 foreground, ImU32 background) {
    float a = Luminance(foreground) + 0.05f;
    float b = Luminance(background) + 0.05f;
    return std::max(a, b) / std::min(a, b);
}

float TextScaleFor(TextSize text_size) {
    switch (text_size) {
        case TextSize::Large: return 1.25f;
        case TextSize::ExtraLarge: return 1.5f;
        default: return 1.0f;
    }
}

Metrics MetricsFor(ImVec2 display_size, TextSize text_size) {
    Metrics metrics;
    metrics.scale = std::max(0.4f, std::min(display_size.x, display_size.y) / 1080.0f);
    metrics.text_scale = TextScaleFor(text_size);
    float grow = 1.0f + (metrics.text_scale - 1.0f) * 0.5f;  // bars grow a little with the text
    metrics.top_bar_height = metrics.Px(120) * grow;
    metrics.bottom_bar_height = metrics.Px(150) * grow;
    metrics.margin = metrics.Px(40);
    metrics.gap = metrics.Px(20);
    metrics.button_height = metrics.Px(104) * grow;
    metrics.touch_minimum = metrics.Px(72) * grow;
    metrics.rounding = metrics.Px(14);
    return metrics;
}

void ApplyStyle(const Palette& palette, const Metrics& metrics) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.ChildRounding = 0;
    style.FramePadding = ImVec2(metrics.Px(16), metrics.Px(12));
    style.ItemSpacing = ImVec2(metrics.gap, metrics.gap);
    style.ScrollbarSize = 0;  // lists scroll by dragging; we draw a wide indicator ourselves
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;
    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(palette.background);
    colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(palette.surface);
    colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(palette.text);
    colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(palette.border);
    colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);
}

}  // namespace kiosk::ui
