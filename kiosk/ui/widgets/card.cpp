#include "kiosk/ui/widgets/card.hpp"

#include <vector>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

namespace kiosk::ui {
namespace {

struct OpenCard {
    ImVec2 min;
    float width;
    float previous_inset;
    CardStyle style;
};

std::vector<OpenCard> open_cards;

}  // namespace

void BeginCard(CardStyle style) {
    Context& context = CurrentContext();
    float padding = context.metrics.Px(28);
    ImVec2 min = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    open_cards.push_back({min, width, context.right_inset, style});
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->ChannelsSplit(2);
    draw_list->ChannelsSetCurrent(1);  // content above, the background goes below it later
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + padding));
    ImGui::BeginGroup();
    context.right_inset = context.right_inset + padding * 2;
}

void EndCard() {
    Context& context = CurrentContext();
    OpenCard card = open_cards.back();
    open_cards.pop_back();
    float padding = context.metrics.Px(28);
    ImGui::EndGroup();
    float bottom = ImGui::GetItemRectMax().y + padding;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->ChannelsSetCurrent(0);
    ImVec2 max(card.min.x + card.width, bottom);
    const Palette& palette = context.palette;
    ImU32 fill = card.style == CardStyle::Accent ? palette.accent_soft
               : card.style == CardStyle::Warning ? palette.warning_soft
                                                  : palette.surface;
    ImU32 border = card.style == CardStyle::Warning ? palette.warning : palette.border;
    FillRoundedRect(draw_list, card.min, max, fill, context.metrics.rounding);
    draw_list->AddRect(card.min, max, border, context.metrics.rounding, 0, palette.border_width * context.metrics.scale * 1.5f);
    draw_list->ChannelsMerge();
    context.right_inset = card.previous_inset;
    ImGui::SetCursorScreenPos(ImVec2(card.min.x, bottom));
    ImGui::Dummy(ImVec2(card.width, 0));
}

}  // namespace kiosk::ui
