#include "kiosk/ui/widgets/icons.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

#include <imgui_internal.h>  // IM_PI

#include <cmath>
#include <initializer_list>

namespace kiosk::ui {
namespace {

ImVec2 At(ImVec2 center, float size, float x, float y) {
    return ImVec2(center.x + x * size * 0.5f, center.y + y * size * 0.5f);  // x, y in [-1, 1]
}

// ImGui 1.86 has no AddEllipse: lay the outline out as a path.
void Ellipse(ImDrawList* draw_list, ImVec2 center, float radius_x, float radius_y, ImU32 color, float thickness) {
    constexpr int kSegments = 32;
    for (int i = 0; i < kSegments; ++i) {
        float angle = 2.0f * IM_PI * static_cast<float>(i) / kSegments;
        draw_list->PathLineTo(ImVec2(center.x + std::cos(angle) * radius_x, center.y + std::sin(angle) * radius_y));
    }
    draw_list->PathStroke(color, ImDrawFlags_Closed, thickness);
}

}  // namespace

void DrawIcon(ImDrawList* draw_list, Icon icon, ImVec2 c, float size, ImU32 color) {
    float line = std::max(2.0f, size * 0.08f);
    auto p = [&](float x, float y) { return At(c, size, x, y); };
    switch (icon) {
        case Icon::None: break;
        case Icon::Document:
            draw_list->AddRect(p(-0.6f, -0.85f), p(0.6f, 0.85f), color, size * 0.06f, 0, line);
            for (float y : {-0.4f, -0.05f, 0.3f}) draw_list->AddLine(p(-0.35f, y), p(0.35f, y), color, line);
            break;
        case Icon::Search:
            draw_list->AddCircle(p(-0.15f, -0.15f), size * 0.3f, color, 32, line * 1.2f);
            draw_list->AddLine(p(0.25f, 0.25f), p(0.75f, 0.75f), color, line * 1.6f);
            break;
        case Icon::Phone:
            // An old desk telephone: handset on top, body below, the shape everyone knows.
            FillRoundedRect(draw_list, p(-0.85f, -0.55f), p(0.85f, -0.25f), color, size * 0.12f);
            FillRoundedRect(draw_list, p(-0.85f, -0.55f), p(-0.5f, 0.0f), color, size * 0.08f);
            FillRoundedRect(draw_list, p(0.5f, -0.55f), p(0.85f, 0.0f), color, size * 0.08f);
            draw_list->AddQuadFilled(p(-0.45f, -0.05f), p(0.45f, -0.05f), p(0.75f, 0.8f), p(-0.75f, 0.8f), color);
            draw_list->AddCircle(p(0, 0.38f), size * 0.15f, IM_COL32(255, 255, 255, 255), 20, line);
            break;
        case Icon::Globe:
            draw_list->AddCircle(c, size * 0.45f, color, 40, line);
            Ellipse(draw_list, c, size * 0.2f, size * 0.45f, color, line);
            draw_list->AddLine(p(-0.9f, 0), p(0.9f, 0), color, line);
            draw_list->AddLine(p(-0.78f, -0.45f), p(0.78f, -0.45f), color, line * 0.8f);
            draw_list->AddLine(p(-0.78f, 0.45f), p(0.78f, 0.45f), color, line * 0.8f);
            break;
        case Icon::Smile:
            draw_list->AddCircle(c, size * 0.45f, color, 40, line);
            draw_list->AddCircleFilled(p(-0.3f, -0.2f), size * 0.06f, color);
            draw_list->AddCircleFilled(p(0.3f, -0.2f), size * 0.06f, color);
            draw_list->PathArcTo(p(0, 0.05f), size * 0.25f, 0.15f * IM_PI, 0.85f * IM_PI, 16);
            draw_list->PathStroke(color, 0, line);
            break;
        case Icon::Chart:
            draw_list->AddLine(p(-0.8f, 0.8f), p(0.8f, 0.8f), color, line);
            draw_list->AddRectFilled(p(-0.6f, 0.1f), p(-0.25f, 0.75f), color);
            draw_list->AddRectFilled(p(-0.15f, -0.35f), p(0.2f, 0.75f), color);
            draw_list->AddRectFilled(p(0.3f, -0.75f), p(0.65f, 0.75f), color);
            break;
        case Icon::Home:
            draw_list->AddTriangle(p(-0.8f, -0.05f), p(0, -0.8f), p(0.8f, -0.05f), color, line);
            draw_list->AddRect(p(-0.55f, -0.05f), p(0.55f, 0.8f), color, 0, 0, line);
            draw_list->AddRectFilled(p(-0.15f, 0.3f), p(0.15f, 0.8f), color);
            break;
        case Icon::Back:
        case Icon::Next: {
            float d = icon == Icon::Back ? -1.0f : 1.0f;  // the tip points left for Back, right for Next
            float tip = 0.7f * d;
            draw_list->AddLine(p(-tip, 0), p(tip, 0), color, line * 1.4f);
            draw_list->AddLine(p(tip, 0), p(tip - 0.6f * d, -0.55f), color, line * 1.4f);
            draw_list->AddLine(p(tip, 0), p(tip - 0.6f * d, 0.55f), color, line * 1.4f);
            break;
        }
        case Icon::Check:
            draw_list->AddLine(p(-0.7f, 0.05f), p(-0.2f, 0.55f), color, line * 1.6f);
            draw_list->AddLine(p(-0.2f, 0.55f), p(0.75f, -0.6f), color, line * 1.6f);
            break;
        case Icon::Clock:
            draw_list->AddCircle(c, size * 0.45f, color, 40, line);
            draw_list->AddLine(c, p(0, -0.6f), color, line);
            draw_list->AddLine(c, p(0.45f, 0.2f), color, line);
            break;
        case Icon::Money:
            draw_list->AddRect(p(-0.85f, -0.5f), p(0.85f, 0.5f), color, size * 0.05f, 0, line);
            draw_list->AddCircle(c, size * 0.2f, color, 24, line);
            break;
        case Icon::Place:
            draw_list->AddCircle(p(0, -0.3f), size * 0.3f, color, 32, line);
            draw_list->AddLine(p(-0.5f, -0.1f), p(0, 0.85f), color, line);
            draw_list->AddLine(p(0.5f, -0.1f), p(0, 0.85f), color, line);
            break;
        case Icon::Keyboard:
            draw_list->AddRect(p(-0.9f, -0.55f), p(0.9f, 0.55f), color, size * 0.06f, 0, line);
            for (float y : {-0.2f, 0.1f})
                for (float x = -0.6f; x <= 0.61f; x += 0.3f) draw_list->AddRectFilled(p(x - 0.08f, y - 0.08f), p(x + 0.08f, y + 0.08f), color);
            draw_list->AddLine(p(-0.4f, 0.35f), p(0.4f, 0.35f), color, line);
            break;
        case Icon::Backspace:
            draw_list->AddQuad(p(-0.9f, 0), p(-0.4f, -0.6f), p(0.9f, -0.6f), p(0.9f, 0.6f), color, line);
            draw_list->AddLine(p(-0.4f, 0.6f), p(0.9f, 0.6f), color, line);
            draw_list->AddLine(p(-0.9f, 0), p(-0.4f, 0.6f), color, line);
            draw_list->AddLine(p(0.0f, -0.25f), p(0.5f, 0.25f), color, line);
            draw_list->AddLine(p(0.0f, 0.25f), p(0.5f, -0.25f), color, line);
            break;
        case Icon::Warning:
            draw_list->AddTriangle(p(0, -0.85f), p(0.9f, 0.75f), p(-0.9f, 0.75f), color, line);
            draw_list->AddLine(p(0, -0.35f), p(0, 0.25f), color, line * 1.3f);
            draw_list->AddCircleFilled(p(0, 0.5f), line, color);
            break;
        case Icon::TextSize:
            draw_list->AddLine(p(-0.9f, 0.7f), p(-0.45f, -0.7f), color, line);
            draw_list->AddLine(p(-0.45f, -0.7f), p(0.0f, 0.7f), color, line);
            draw_list->AddLine(p(-0.7f, 0.2f), p(-0.2f, 0.2f), color, line);
            draw_list->AddLine(p(0.3f, 0.7f), p(0.6f, -0.2f), color, line * 0.8f);
            draw_list->AddLine(p(0.6f, -0.2f), p(0.9f, 0.7f), color, line * 0.8f);
            break;
        case Icon::Language:
            draw_list->AddCircle(c, size * 0.45f, color, 40, line);
            Ellipse(draw_list, c, size * 0.18f, size * 0.45f, color, line * 0.8f);
            draw_list->AddLine(p(-0.9f, 0), p(0.9f, 0), color, line * 0.8f);
            break;
    }
}

void DrawFace(ImDrawList* draw_list, ImVec2 c, float radius, float mood, ImU32 face_color, ImU32 line_color) {
    float line = std::max(3.0f, radius * 0.07f);
    draw_list->AddCircleFilled(c, radius, face_color, 64);
    draw_list->AddCircle(c, radius, line_color, 64, line);
    float eye_y = c.y - radius * 0.25f;
    draw_list->AddCircleFilled(ImVec2(c.x - radius * 0.35f, eye_y), radius * 0.1f, line_color);
    draw_list->AddCircleFilled(ImVec2(c.x + radius * 0.35f, eye_y), radius * 0.1f, line_color);
    // The mouth is a quadratic curve whose middle bends down for a smile, up for a frown.
    float mouth_y = c.y + radius * 0.35f;
    float half_width = radius * 0.45f;
    float bend = mood * radius * 0.35f;
    ImVec2 left(c.x - half_width, mouth_y - bend * 0.3f);
    ImVec2 right(c.x + half_width, mouth_y - bend * 0.3f);
    ImVec2 control(c.x, mouth_y + bend);
    draw_list->PathLineTo(left);
    draw_list->PathBezierQuadraticCurveTo(control, right, 24);
    draw_list->PathStroke(line_color, 0, line * 1.2f);
}

}  // namespace kiosk::ui
