#include "kiosk/ui/screens/vote_thanks_screen.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/icons.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

void VoteThanksScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (shown_since < 0) shown_since = context.now;
    double remaining = kThanksSeconds - (context.now - shown_since);
    if (remaining <= 0) {
        shown_since = -1;
        context.navigator.Home();
        return;
    }
    context.RequestWake(remaining);

    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float radius = metrics.Px(150);
    ImVec2 center((area.min.x + area.max.x) * 0.5f, area.min.y + area.Height() * 0.25f);
    draw_list->AddCircleFilled(center, radius, context.palette.success, 64);
    DrawIcon(draw_list, Icon::Check, center, radius * 1.2f, context.palette.on_accent);
    float y = center.y + radius + metrics.Px(60);
    std::string_view title = context.T("vote.thanks.title");
    std::string_view body = context.T("vote.thanks.body");
    float title_height = MeasureText(FontRole::Heading, title, area.Width()).y;
    DrawTextCentered(draw_list, FontRole::Heading, ImVec2(area.min.x, y), ImVec2(area.max.x, y + title_height),
                     context.palette.text, title);
    y += title_height + metrics.gap;
    DrawTextCentered(draw_list, FontRole::Body, ImVec2(area.min.x, y),
                     ImVec2(area.max.x, y + MeasureText(FontRole::Body, body, area.Width()).y), context.palette.text, body);
}

}  // namespace kiosk::ui
