#include "kiosk/ui/screens/vote_reason_screen.hpp"

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

std::string ReasonCode(std::string_view reason) {
    std::string code;
    for (char character : text::Fold(reason)) {
        bool keep = (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9');
        if (keep)
            code += character;
        else if (!code.empty() && code.back() != '-')
            code += '-';
    }
    while (!code.empty() && code.back() == '-') code.pop_back();
    if (code.size() > 64) code.resize(64);
    return code.empty() ? "khac" : code;
}

void VoteReasonScreen::Draw(const PageArea& area, const std::string& vote_uuid) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    VoteRecorder* recorder = context.services ? context.services->vote_recorder() : nullptr;
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;

    ImGui::SetCursorScreenPos(area.min);
    BeginScrollView("vote-reasons", ImVec2(area.Width(), area.Height()));
    Paragraph(FontRole::Heading, context.palette.text, context.T("vote.reason.question"));
    Paragraph(FontRole::Body, context.palette.text_muted, context.T("vote.reason.hint"));
    float width = ImGui::GetContentRegionAvail().x;
    if (catalog && recorder) {
        for (const auto& reason : catalog->VoteReasons()) {
            if (!Button(reason, ImVec2(width, metrics.button_height), ButtonKind::Secondary)) continue;
            auto attached = recorder->AttachReason(vote_uuid, ReasonCode(reason));
            if (!attached) std::fprintf(stderr, "kiosk: reason not attached: %s\n", attached.error().message.c_str());
            if (VoteUplink* uplink = context.services->vote_uplink()) uplink->WakeUp();  // the vote may go now
            context.navigator.Replace({ScreenId::VoteThanks, {}});
        }
    }
    ImGui::Dummy(ImVec2(0, metrics.gap));
    if (Button(context.T("vote.reason.skip"), ImVec2(width, metrics.button_height), ButtonKind::Quiet)) {
        if (recorder) (void)recorder->SkipReason(vote_uuid);  // the vote goes now, without a reason
        if (VoteUplink* uplink = context.services ? context.services->vote_uplink() : nullptr) uplink->WakeUp();
        context.navigator.Replace({ScreenId::VoteThanks, {}});
    }
    EndScrollView();
}

}  // namespace kiosk::ui
