#include "kiosk/ui/screens/vote_screen.hpp"

#include "kiosk/core/votes/vote.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/icons.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// The procedure or field the citizen looked at before voting, if any: context for the
// commune, never personal data.
VoteContext ContextFromNavigation(const Navigator& navigator) {
    VoteContext vote_context;
    for (const auto& route : navigator.Stack()) {
        if (route.screen == ScreenId::ProcedureDetail) vote_context.procedure_code = route.argument;
        if (route.screen == ScreenId::FieldProcedures) vote_context.field_id = route.argument;
    }
    if (!IsVoteCode(vote_context.procedure_code)) vote_context.procedure_code.clear();
    if (!IsVoteCode(vote_context.field_id)) vote_context.field_id.clear();
    return vote_context;
}

ImU32 FaceFill(float mood) {
    if (mood > 0.2f) return IM_COL32(0xDF, 0xF3, 0xE4, 0xFF);
    if (mood < -0.2f) return IM_COL32(0xFB, 0xE3, 0xE1, 0xFF);
    return IM_COL32(0xFF, 0xF4, 0xCC, 0xFF);
}

// One face: a big target with the face and its label. True when the finger lifted on it.
bool FaceButton(int rating, int scale, ImVec2 size, bool horizontal_layout) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    std::string label(context.T(RatingLabelKey(rating, scale)));
    std::string id = "##face-" + std::to_string(rating);
    ImVec2 min = ImGui::GetCursorScreenPos();
    bool released_inside = ImGui::InvisibleButton(id.c_str(), size);
    bool pressed = ImGui::IsItemActive();
    ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    FillRoundedRect(draw_list, min, max, pressed ? context.palette.surface_pressed : context.palette.surface, metrics.rounding * 1.5f);
    draw_list->AddRect(min, max, pressed ? context.palette.accent : context.palette.border, metrics.rounding * 1.5f, 0,
                       pressed ? metrics.Px(6) : context.palette.border_width * metrics.scale * 1.5f);
    float mood = MoodOf(rating, scale);
    if (horizontal_layout) {
        // Face above, label below (landscape: faces side by side).
        float radius = std::min(size.x * 0.36f, (size.y - metrics.Px(120)) * 0.42f);
        ImVec2 center(min.x + size.x * 0.5f, min.y + metrics.Px(30) + radius);
        DrawFace(draw_list, center, radius, mood, FaceFill(mood), context.palette.text);
        DrawTextCentered(draw_list, FontRole::Tile, ImVec2(min.x + metrics.Px(12), center.y + radius + metrics.Px(12)),
                         ImVec2(max.x - metrics.Px(12), max.y - metrics.Px(12)), context.palette.text, label);
    } else {
        // Face on the left, label beside it (portrait: faces stacked).
        float radius = std::min(size.y * 0.4f, metrics.Px(110));
        ImVec2 center(min.x + metrics.Px(40) + radius, (min.y + max.y) * 0.5f);
        DrawFace(draw_list, center, radius, mood, FaceFill(mood), context.palette.text);
        float text_left = center.x + radius + metrics.Px(40);
        DrawTextCentered(draw_list, FontRole::Heading, ImVec2(text_left, min.y), ImVec2(max.x - metrics.Px(24), max.y),
                         context.palette.text, label);
    }
    RecordTappable(label, min, max);
    // A drag that slid off (or across) the face is not a vote.
    return TappedWithoutDrag(released_inside);
}

}  // namespace

float MoodOf(int rating, int scale) {
    // By distance from the best face, so "Hài lòng" always smiles and "Bình thường" is flat.
    int from_top = scale - rating;
    if (from_top <= 0) return 1.0f;
    if (from_top == 1) return 0.5f;
    int below_neutral = scale == 3 ? from_top - 1 : from_top - 2;  // 3 levels have no neutral face
    if (below_neutral <= 0) return 0.0f;
    return below_neutral == 1 && scale == 5 ? -0.6f : -1.0f;
}

void VoteScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float y = area.min.y;
    std::string_view question = context.T("vote.question");
    DrawTextAt(draw_list, FontRole::Heading, ImVec2(area.min.x, y), context.palette.text, question, area.Width());
    y += MeasureText(FontRole::Heading, question, area.Width()).y + metrics.Px(8);
    std::string_view hint = failure.empty() ? context.T("vote.hint") : std::string_view(failure);
    DrawTextAt(draw_list, FontRole::Body, ImVec2(area.min.x, y), failure.empty() ? context.palette.text_muted : context.palette.warning,
               hint, area.Width());
    y += MeasureText(FontRole::Body, hint, area.Width()).y + metrics.gap * 1.5f;

    VoteRecorder* recorder = context.services ? context.services->vote_recorder() : nullptr;
    int scale = recorder ? recorder->settings().scale : context.config.votes.scale;
    bool landscape = context.Landscape();
    float available = area.max.y - y;
    ImVec2 size = landscape ? ImVec2((area.Width() - metrics.gap * static_cast<float>(scale - 1)) / static_cast<float>(scale),
                                     std::min(available, metrics.Px(560)))
                            : ImVec2(area.Width(), std::min(metrics.Px(380), (available - metrics.gap * static_cast<float>(scale - 1)) /
                                                                                 static_cast<float>(scale)));
    for (int rating = scale; rating >= 1; --rating) {  // the best face first
        float index = static_cast<float>(scale - rating);
        ImGui::SetCursorScreenPos(landscape ? ImVec2(area.min.x + index * (size.x + metrics.gap), y)
                                            : ImVec2(area.min.x, y + index * (size.y + metrics.gap)));
        if (!FaceButton(rating, scale, size, landscape)) continue;
        if (!recorder) {
            failure = std::string(context.T("vote.failed"));
            continue;
        }
        bool negative = !IsSatisfied(rating, scale);
        bool offer_reason = negative && context.services->catalog() && !context.services->catalog()->VoteReasons().empty();
        auto vote = recorder->Record(rating, ContextFromNavigation(context.navigator),
                                     offer_reason ? ReasonFollowUp::Offered : ReasonFollowUp::None);
        if (!vote) {
            // Nothing was stored: say so, and let the citizen try again or tell the desk.
            failure = std::string(context.T("vote.failed"));
            std::fprintf(stderr, "kiosk: vote not recorded: %s\n", vote.error().message.c_str());
            continue;
        }
        failure.clear();
        if (VoteUplink* uplink = context.services->vote_uplink()) uplink->WakeUp();
        if (offer_reason)
            context.navigator.Push({ScreenId::VoteReason, vote->uuid});
        else
            context.navigator.Push({ScreenId::VoteThanks, {}});
    }
}

}  // namespace kiosk::ui
