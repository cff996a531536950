#include "kiosk/ui/screens/staff_screen_test_screen.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

constexpr int kGreySteps = 11;  // black to white in tenths

// The ramp: a person who cannot tell the darkest two or the lightest two apart has the
// brightness or contrast set wrong. Returns the height used.
float DrawGreyRamp(Context& context, ImVec2 origin, float width) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float y = origin.y;
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(origin.x, y), context.palette.text, context.S("staff.test.brightness"), width);
    y += MeasureText(FontRole::Bold, context.S("staff.test.brightness"), width).y + metrics.Px(8);
    float step = width / kGreySteps;
    float height = metrics.Px(90);
    for (int index = 0; index < kGreySteps; ++index) {
        int level = static_cast<int>(std::lround(255.0 * index / (kGreySteps - 1)));
        draw_list->AddRectFilled(ImVec2(origin.x + step * static_cast<float>(index), y),
                                 ImVec2(origin.x + step * static_cast<float>(index + 1), y + height),
                                 IM_COL32(level, level, level, 255));
    }
    draw_list->AddRect(ImVec2(origin.x, y), ImVec2(origin.x + width, y + height), context.palette.border, 0, 0, metrics.Px(2));
    y += height + metrics.Px(8);
    DrawTextAt(draw_list, FontRole::Body, ImVec2(origin.x, y), context.palette.text_muted,
               context.S("staff.test.brightness_hint"), width);
    y += MeasureText(FontRole::Body, context.S("staff.test.brightness_hint"), width).y;
    return y - origin.y;
}

// Rotation: the screen says which way it stands and points at its top edge.
float DrawOrientation(Context& context, ImVec2 origin, float width) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    std::string size = std::to_string(static_cast<int>(context.display_size.x)) + " × " +
                       std::to_string(static_cast<int>(context.display_size.y));
    std::string sentence =
        i18n::Format(context.S(context.Landscape() ? "staff.test.landscape" : "staff.test.portrait"), {size});
    float arrow = metrics.Px(70);
    ImVec2 tip(origin.x + arrow * 0.5f, origin.y);
    draw_list->AddTriangleFilled(tip, ImVec2(origin.x, origin.y + arrow * 0.6f), ImVec2(origin.x + arrow, origin.y + arrow * 0.6f),
                                 context.palette.accent);
    draw_list->AddRectFilled(ImVec2(origin.x + arrow * 0.35f, origin.y + arrow * 0.55f),
                             ImVec2(origin.x + arrow * 0.65f, origin.y + arrow * 1.2f), context.palette.accent);
    float text_left = origin.x + arrow + metrics.gap;
    float text_width = width - arrow - metrics.gap;
    DrawTextAt(draw_list, FontRole::Body, ImVec2(text_left, origin.y), context.palette.text, sentence, text_width);
    float text_height = MeasureText(FontRole::Body, sentence, text_width).y;
    return std::max(arrow * 1.2f, text_height);
}

}  // namespace

void StaffScreenTestScreen::DrawTouchCanvas(ImVec2 min, ImVec2 max) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(min, max, context.palette.surface);
    draw_list->AddRect(min, max, context.palette.accent, 0, 0, metrics.Px(3));
    if (strokes.empty())
        DrawTextCentered(draw_list, FontRole::Body, ImVec2(min.x + metrics.Px(24), min.y), ImVec2(max.x - metrics.Px(24), max.y),
                         context.palette.text_muted, context.S("staff.test.touch_hint"));
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##touch-canvas", ImVec2(max.x - min.x, max.y - min.y));
    if (ImGui::IsItemActivated()) strokes.emplace_back();
    if (ImGui::IsItemActive() && !strokes.empty()) {
        ImVec2 point = ImGui::GetIO().MousePos;
        point.x = std::clamp(point.x, min.x, max.x);
        point.y = std::clamp(point.y, min.y, max.y);
        auto& stroke = strokes.back();
        if (stroke.empty() || std::hypot(stroke.back().x - point.x, stroke.back().y - point.y) >= metrics.Px(2))
            stroke.push_back(point);
    }
    draw_list->PushClipRect(min, max, true);
    for (const auto& stroke : strokes) {
        if (stroke.size() == 1) draw_list->AddCircleFilled(stroke.front(), metrics.Px(8), context.palette.accent);
        if (stroke.size() >= 2)
            draw_list->AddPolyline(stroke.data(), static_cast<int>(stroke.size()), context.palette.accent, 0, metrics.Px(10));
    }
    draw_list->PopClipRect();
}

void StaffScreenTestScreen::SendTestVote() {
    Context& context = CurrentContext();
    VoteRecorder* recorder = context.services ? context.services->vote_recorder() : nullptr;
    if (!recorder) {
        vote_failed = true;
        vote_message = std::string(context.S("staff.test.vote_unavailable"));
        RecordStaffAction("test_vote", "failed", vote_message);
        return;
    }
    VoteContext vote_context;
    vote_context.kind = VoteKind::StaffTest;
    auto vote = recorder->Record(recorder->settings().scale, vote_context);
    if (!vote) {
        vote_failed = true;
        vote_message = vote.error().message_vietnamese.empty() ? vote.error().message : vote.error().message_vietnamese;
        RecordStaffAction("test_vote", "failed", vote_message);
        return;
    }
    vote_failed = false;
    vote_message = i18n::Format(context.S("staff.test.vote_sent"), {staff::VietnameseDateTime(context.wall_time)});
    RecordStaffAction("test_vote", "ok", vote_message);
}

void StaffScreenTestScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    float top = DrawPageTitle(area, context.S("staff.test.title")) + metrics.gap;
    bool landscape = context.Landscape();
    float canvas_width = landscape ? area.Width() * 0.55f : area.Width();
    float canvas_height = landscape ? area.max.y - top : std::min(area.Height() * 0.4f, metrics.Px(640));
    DrawTouchCanvas(ImVec2(area.min.x, top), ImVec2(area.min.x + canvas_width, top + canvas_height));

    // The rest: beside the canvas in landscape, below it in portrait.
    float x = landscape ? area.min.x + canvas_width + metrics.gap * 2 : area.min.x;
    float y = landscape ? top : top + canvas_height + metrics.gap;
    float width = landscape ? area.max.x - x : area.Width();
    float button_width = (width - metrics.gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (Button(context.S("staff.test.clear"), ImVec2(button_width, metrics.button_height), ButtonKind::Secondary,
               Icon::Backspace, "clear-drawing"))
        strokes.clear();
    ImGui::SetCursorScreenPos(ImVec2(x + button_width + metrics.gap, y));
    if (Button(context.S("staff.test.vote"), ImVec2(button_width, metrics.button_height), ButtonKind::Primary, Icon::Smile,
               "test-vote"))
        SendTestVote();
    y += metrics.button_height + metrics.Px(12);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    std::string_view vote_line = vote_message.empty() ? context.S("staff.test.vote_hint") : std::string_view(vote_message);
    DrawTextAt(draw_list, FontRole::Body, ImVec2(x, y), vote_failed ? context.palette.warning : context.palette.text, vote_line,
               width);
    y += MeasureText(FontRole::Body, vote_line, width).y + metrics.gap;
    y += DrawGreyRamp(context, ImVec2(x, y), width) + metrics.gap;
    DrawOrientation(context, ImVec2(x, y), width);
}

}  // namespace kiosk::ui
