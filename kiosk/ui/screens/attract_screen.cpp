#include "kiosk/ui/screens/attract_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/icons.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// A picture above each slogan, in turn, so that something visibly changes from afar.
constexpr Icon kMotifs[] = {Icon::Document, Icon::Globe, Icon::Check, Icon::Smile, Icon::Phone, Icon::Chart};

}  // namespace

bool AttractScreen::HoldsWakingTouch() {
    if (!showing) return false;
    if (ImGui::GetIO().MouseDown[0]) {
        Draw();
        return true;
    }
    showing = false;
    return false;
}

double AttractScreen::SecondsUntilNextPoster(double now) const {
    return showing ? std::max(0.0, next_poster_at - now) : 1e18;
}

void AttractScreen::Draw() {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const Palette& palette = context.palette;
    if (!showing) started_at = context.now;
    showing = true;
    if (dark) {  // the night: black, and no frame until a touch or the lit hours come
        next_poster_at = 1e18;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), context.display_size, IM_COL32(0, 0, 0, 255));
        return;
    }

    std::vector<std::string> slogans;
    std::string commune(context.T("app.name"));
    if (const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr) {
        for (auto& poster : catalog->Posters()) slogans.push_back(std::move(poster.text));
        commune = catalog->manifest().commune.name;
    }
    if (slogans.empty()) slogans.push_back(std::string(context.T("attract.fallback")));

    double elapsed = std::max(0.0, context.now - started_at);
    auto turn = static_cast<size_t>(std::floor(elapsed / kSecondsPerPoster));
    shown_index = turn % slogans.size();
    // The next frame is due when the next poster comes, not before.
    next_poster_at = slogans.size() > 1 ? started_at + static_cast<double>(turn + 1) * kSecondsPerPoster : 1e18;

    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 display = context.display_size;
    draw_list->AddRectFilled(ImVec2(0, 0), display, palette.accent);
    float margin = metrics.margin * 2;
    float width = display.x - 2 * margin;
    float bezel = metrics.Px(40);

    // The commune's name at the top, the invitation at the bottom, the poster between.
    ImVec2 name_size = MeasureText(FontRole::Tile, commune, width);
    DrawTextCentered(draw_list, FontRole::Tile, ImVec2(margin, bezel + metrics.Px(40)),
                     ImVec2(margin + width, bezel + metrics.Px(40) + name_size.y), palette.on_accent, commune);

    std::string_view invitation = context.T("attract.touch");
    float invitation_padding = metrics.Px(32);
    float icon_size = metrics.Px(64);
    float invitation_width = width - icon_size - invitation_padding * 3;
    ImVec2 invitation_size = MeasureText(FontRole::Tile, invitation, invitation_width);
    float pill_height = std::max(icon_size, invitation_size.y) + invitation_padding * 2;
    float pill_bottom = display.y - bezel - metrics.Px(60);
    ImVec2 pill_min(margin, pill_bottom - pill_height);
    FillRoundedRect(draw_list, pill_min, ImVec2(margin + width, pill_bottom), palette.surface, pill_height * 0.5f);
    float group_width = icon_size + invitation_padding + std::min(invitation_size.x, invitation_width);
    float group_left = margin + (width - group_width) * 0.5f;
    DrawIcon(draw_list, Icon::Home, ImVec2(group_left + icon_size * 0.5f, pill_min.y + pill_height * 0.5f), icon_size,
             palette.accent);
    float text_left = group_left + icon_size + invitation_padding;
    DrawTextCentered(draw_list, FontRole::Tile, ImVec2(text_left, pill_min.y),
                     ImVec2(text_left + std::min(invitation_size.x, invitation_width), pill_bottom), palette.accent,
                     invitation);

    // The poster: a white card with a motif and the slogan, and dots saying which one.
    float card_top = bezel + metrics.Px(80) + name_size.y;
    float dots_height = metrics.Px(60);
    float card_bottom = pill_min.y - dots_height - metrics.Px(40);
    const std::string& slogan = slogans[shown_index];
    float inner = width - metrics.Px(120);
    ImVec2 slogan_size = MeasureText(FontRole::Heading, slogan, inner);
    float motif = std::min(metrics.Px(200), std::max(0.0f, card_bottom - card_top - slogan_size.y - metrics.Px(160)));
    float content_height = motif + metrics.Px(40) + slogan_size.y;
    float card_height = std::min(card_bottom - card_top, content_height + metrics.Px(160));
    float card_min_y = card_top + (card_bottom - card_top - card_height) * 0.5f;
    FillRoundedRect(draw_list, ImVec2(margin, card_min_y), ImVec2(margin + width, card_min_y + card_height), palette.surface,
                    metrics.rounding * 2);
    float y = card_min_y + (card_height - content_height) * 0.5f;
    if (motif > metrics.Px(60))
        DrawIcon(draw_list, kMotifs[shown_index % std::size(kMotifs)], ImVec2(display.x * 0.5f, y + motif * 0.5f), motif,
                 palette.accent);
    y += motif + metrics.Px(40);
    float slogan_left = margin + metrics.Px(60);
    DrawTextCentered(draw_list, FontRole::Heading, ImVec2(slogan_left, y), ImVec2(slogan_left + inner, y + slogan_size.y),
                     palette.text, slogan);

    if (slogans.size() > 1) {
        float dot = metrics.Px(12);
        float spacing = metrics.Px(40);
        float dots_width = spacing * static_cast<float>(slogans.size() - 1);
        float dots_y = pill_min.y - metrics.Px(40) - dots_height * 0.5f;
        for (size_t index = 0; index < slogans.size(); ++index) {
            ImVec2 center(display.x * 0.5f - dots_width * 0.5f + spacing * static_cast<float>(index), dots_y);
            if (index == shown_index)
                draw_list->AddCircleFilled(center, dot * 1.4f, palette.on_accent);
            else
                draw_list->AddCircle(center, dot, palette.on_accent, 24, metrics.Px(3));
        }
    }
}

}  // namespace kiosk::ui
