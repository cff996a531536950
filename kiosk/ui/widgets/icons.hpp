#pragma once
// Icons drawn with ImGui primitives: no icon font, no emoji font. Each icon always has a
// word beside or under it; the picture only helps recognition.
#include <imgui.h>

namespace kiosk::ui {

enum class Icon {
    None,
    Document,   // procedures
    Search,
    Phone,
    Globe,      // online services
    Smile,      // satisfaction
    Chart,      // results
    Home,
    Back,
    Next,
    Check,
    Clock,
    Money,
    Place,
    Keyboard,
    Backspace,
    Warning,
    TextSize,
    Language,
};

void DrawIcon(ImDrawList* draw_list, Icon icon, ImVec2 center, float size, ImU32 color);

// A face for the satisfaction scale: mood from -1 (unhappy) to +1 (very happy).
void DrawFace(ImDrawList* draw_list, ImVec2 center, float radius, float mood, ImU32 face_color, ImU32 line_color);

}  // namespace kiosk::ui
