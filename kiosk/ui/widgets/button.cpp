#include "kiosk/ui/widgets/button.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include <string>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/frame_record.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

struct ButtonColors {
    ImU32 fill, pressed, text, border;
};

ButtonColors ColorsFor(ButtonKind kind) {
    const Palette& palette = CurrentContext().palette;
    switch (kind) {
        case ButtonKind::Primary: return {palette.accent, palette.accent_pressed, palette.on_accent, palette.accent};
        case ButtonKind::Warning: return {palette.warning, palette.accent_pressed, palette.on_accent, palette.warning};
        case ButtonKind::Selected: return {palette.accent_soft, palette.surface_pressed, palette.text, palette.accent};
        case ButtonKind::Quiet: return {palette.background, palette.surface_pressed, palette.accent, palette.background};
        case ButtonKind::Secondary:
        default: return {palette.surface, palette.surface_pressed, palette.text, palette.border};
    }
}

}  // namespace

bool TappedWithoutDrag(bool released_inside) {
    // Beyond this distance the finger was scrolling, not pressing.
    float threshold = CurrentContext().metrics.Px(24);
    return released_inside && ImGui::GetIO().MouseDragMaxDistanceSqr[0] < threshold * threshold;
}

void RecordTappable(std::string_view label, ImVec2 min, ImVec2 max) {
    FrameRecord& record = CurrentFrameRecord();
    if (!record.enabled) return;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 clip_min = draw_list->GetClipRectMin(), clip_max = draw_list->GetClipRectMax();
    ImVec2 visible_min(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    ImVec2 visible_max(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    record.tappables.push_back({std::string(label), min, max, visible_min, visible_max,
                                ImGui::GetCurrentWindow()->RootWindow->ID});
}

bool Button(std::string_view label, ImVec2 size, ButtonKind kind, Icon icon, std::string_view id_suffix) {
    Context& context = CurrentContext();
    std::string id = std::string(label) + "##" + std::string(id_suffix);
    ImVec2 min = ImGui::GetCursorScreenPos();
    bool released_inside = ImGui::InvisibleButton(id.c_str(), size);
    bool pressed_now = ImGui::IsItemActive() && ImGui::GetIO().MouseDragMaxDistanceSqr[0] <
                                                    context.metrics.Px(24) * context.metrics.Px(24);
    ImVec2 max(min.x + size.x, min.y + size.y);
    ButtonColors colors = ColorsFor(kind);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float rounding = context.metrics.rounding;
    FillRoundedRect(draw_list, min, max, pressed_now ? colors.pressed : colors.fill, rounding);
    if (kind != ButtonKind::Quiet)
        draw_list->AddRect(min, max, colors.border, rounding, 0, context.palette.border_width * context.metrics.scale * 1.5f);
    ImU32 text_color = pressed_now && kind != ButtonKind::Primary && kind != ButtonKind::Warning ? context.palette.text : colors.text;
    float padding = context.metrics.Px(18);
    float inner_top = min.y + context.metrics.Px(6);
    float inner_bottom = max.y - context.metrics.Px(6);
    float icon_size = std::min(size.y * 0.5f, context.metrics.Px(48));
    float icon_gap = padding * 0.6f;
    // A word is never cut in two: when the label's longest word does not fit beside the
    // icon, the icon goes (the word carries the meaning); then the label is set smaller.
    FontRole role = FontRole::Bold;
    float room_with_icon = size.x - 2 * padding - icon_size - icon_gap;
    float room_alone = size.x - 2 * padding;
    bool with_icon = icon != Icon::None;
    if (with_icon && LongestWordWidth(role, label) > room_with_icon) {
        if (LongestWordWidth(role, label) <= room_alone)
            with_icon = false;
        else
            role = FontRole::Small;
        if (role == FontRole::Small && LongestWordWidth(role, label) > room_with_icon) with_icon = false;
    } else if (!with_icon && LongestWordWidth(role, label) > room_alone) {
        role = FontRole::Small;
    }
    if (!with_icon) {
        DrawTextCentered(draw_list, role, ImVec2(min.x + padding, inner_top), ImVec2(max.x - padding, inner_bottom),
                         text_color, label);
    } else {
        // Icon and label centred together as one group; a label too long for one line
        // wraps in the room right of the icon.
        float label_width = MeasureText(role, label).x;
        float group_width = icon_size + icon_gap + std::min(label_width, room_with_icon);
        float left = min.x + (size.x - group_width) * 0.5f;
        DrawIcon(draw_list, icon, ImVec2(left + icon_size * 0.5f, (min.y + max.y) * 0.5f), icon_size, text_color);
        float text_left = left + icon_size + icon_gap;
        DrawTextCentered(draw_list, role, ImVec2(text_left, inner_top),
                         // A pixel of slack: a box exactly as wide as the label can make ImGui's
                         // wrap (summing glyph advances in another order) break the last word.
                         ImVec2(text_left + std::min(label_width + context.metrics.Px(2), room_with_icon), inner_bottom),
                         text_color, label);
    }
    RecordTappable(label, min, max);
    return TappedWithoutDrag(released_inside);
}

namespace {
// A tile's inner layout, shared by Tile and TileHeightFor so the measure is the drawing's.
struct TileLayout {
    float padding, icon_size, text_offset;  // text_offset: from the tile's left to the text
    static TileLayout For(float height) {
        const Metrics& metrics = CurrentContext().metrics;
        TileLayout layout;
        layout.padding = metrics.Px(28);
        layout.icon_size = std::min(height * 0.42f, metrics.Px(96));
        layout.text_offset = layout.padding * 1.6f + layout.icon_size;
        return layout;
    }
    float TextWidth(float width) const { return width - padding - text_offset; }
};
}  // namespace

float TileHeightFor(std::string_view title, std::string_view hint, float width) {
    const Metrics& metrics = CurrentContext().metrics;
    TileLayout layout = TileLayout::For(1e9f);  // the widest icon: the narrowest text column
    float text_width = layout.TextWidth(width);
    if (LongestWordWidth(FontRole::Tile, title) > text_width ||
        (!hint.empty() && LongestWordWidth(FontRole::Body, hint) > text_width))
        return 1e9f;
    float text_height = MeasureText(FontRole::Tile, title, text_width).y;
    if (!hint.empty()) text_height += metrics.Px(8) + MeasureText(FontRole::Body, hint, text_width).y;
    return std::max(metrics.touch_minimum, text_height + 2 * metrics.Px(20));
}

bool Tile(std::string_view title, std::string_view hint, Icon icon, ImVec2 size, bool accent) {
    Context& context = CurrentContext();
    const Palette& palette = context.palette;
    std::string id = std::string(title) + "##tile";
    ImVec2 min = ImGui::GetCursorScreenPos();
    bool released_inside = ImGui::InvisibleButton(id.c_str(), size);
    bool pressed_now = ImGui::IsItemActive();
    ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float rounding = context.metrics.rounding * 1.4f;
    ImU32 fill = accent ? (pressed_now ? palette.accent_pressed : palette.accent)
                        : (pressed_now ? palette.surface_pressed : palette.surface);
    ImU32 text = accent ? palette.on_accent : palette.text;
    ImU32 muted = accent ? palette.on_accent : palette.text_muted;
    FillRoundedRect(draw_list, min, max, fill, rounding);
    draw_list->AddRect(min, max, accent ? palette.accent : palette.border, rounding, 0,
                       palette.border_width * context.metrics.scale * 1.5f);

    TileLayout layout = TileLayout::For(size.y);
    float text_left = min.x + layout.text_offset;
    DrawIcon(draw_list, icon, ImVec2(min.x + layout.padding + layout.icon_size * 0.5f, (min.y + max.y) * 0.5f),
             layout.icon_size, accent ? palette.on_accent : palette.accent);
    float text_width = layout.TextWidth(size.x);
    ImVec2 title_size = MeasureText(FontRole::Tile, title, text_width);
    ImVec2 hint_size = hint.empty() ? ImVec2(0, 0) : MeasureText(FontRole::Body, hint, text_width);
    float gap = hint.empty() ? 0 : context.metrics.Px(8);
    float top = min.y + (size.y - title_size.y - gap - hint_size.y) * 0.5f;
    DrawTextAt(draw_list, FontRole::Tile, ImVec2(text_left, top), text, title, text_width);
    if (!hint.empty())
        DrawTextAt(draw_list, FontRole::Body, ImVec2(text_left, top + title_size.y + gap), muted, hint, text_width);
    RecordTappable(title, min, max);
    return TappedWithoutDrag(released_inside);
}

}  // namespace kiosk::ui
