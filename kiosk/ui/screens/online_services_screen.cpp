#include "kiosk/ui/screens/online_services_screen.hpp"

#include <string>

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// A coloured label ("Toàn trình") followed by the old name in smaller words.
void LevelBadge(std::string_view name, std::string_view old_name) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 position = ImGui::GetCursorScreenPos();
    float padding = metrics.Px(16);
    ImVec2 name_size = MeasureText(FontRole::Bold, name);
    ImVec2 badge_max(position.x + name_size.x + 2 * padding, position.y + name_size.y + metrics.Px(8));
    FillRoundedRect(draw_list, position, badge_max, context.palette.accent, metrics.rounding);
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(position.x + padding, position.y + metrics.Px(4)), context.palette.on_accent,
               name);
    ImGui::Dummy(ImVec2(badge_max.x - position.x, badge_max.y - position.y));
    Paragraph(FontRole::Small, context.palette.text_muted, old_name);
}

void DrawExplanation(Context& context) {
    BeginCard(CardStyle::Accent);
    Paragraph(FontRole::Bold, context.palette.text, context.T("online.levels.title"));
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    LevelBadge(context.T("online.level.full.name"), context.T("online.level.full.old"));
    Paragraph(FontRole::Body, context.palette.text, context.T("online.level.full.body"));
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    LevelBadge(context.T("online.level.partly.name"), context.T("online.level.partly.old"));
    Paragraph(FontRole::Body, context.palette.text, context.T("online.level.partly.body"));
    EndCard();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    BeginCard();
    Paragraph(FontRole::Body, context.palette.text, context.T("online.account"));
    EndCard();
}

// One guide as one big row: its number, title, what it is for, and how many steps.
bool GuideRow(int number, const content::Guide& guide) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const Palette& palette = context.palette;
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    float padding = metrics.Px(24);
    float badge = metrics.Px(64) * (1.0f + (metrics.text_scale - 1.0f) * 0.5f);
    float arrow = metrics.Px(40);
    float text_left = padding + badge + padding;
    float text_width = width - text_left - padding - arrow - padding;
    std::string steps = i18n::Format(context.T("online.guide.steps"), {std::to_string(guide.steps.size())});
    ImVec2 title_size = MeasureText(FontRole::Tile, guide.title, text_width);
    ImVec2 summary_size = guide.summary.empty() ? ImVec2(0, 0) : MeasureText(FontRole::Body, guide.summary, text_width);
    ImVec2 steps_size = MeasureText(FontRole::Small, steps, text_width);
    float line_gap = metrics.Px(6);
    float height = std::max(metrics.button_height,
                            padding * 2 + title_size.y + line_gap + summary_size.y + line_gap + steps_size.y);

    ImVec2 min = ImGui::GetCursorScreenPos();
    std::string id = "##guide-" + guide.id;
    bool released_inside = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    bool pressed_now = ImGui::IsItemActive() && ImGui::GetIO().MouseDragMaxDistanceSqr[0] < metrics.Px(24) * metrics.Px(24);
    ImVec2 max(min.x + width, min.y + height);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    FillRoundedRect(draw_list, min, max, pressed_now ? palette.surface_pressed : palette.surface, metrics.rounding);
    draw_list->AddRect(min, max, palette.border, metrics.rounding, 0, palette.border_width * metrics.scale * 1.5f);
    ImVec2 badge_center(min.x + padding + badge * 0.5f, min.y + padding + badge * 0.5f);
    draw_list->AddCircleFilled(badge_center, badge * 0.5f, palette.accent);
    DrawTextCentered(draw_list, FontRole::Bold, ImVec2(badge_center.x - badge * 0.5f, badge_center.y - badge * 0.5f),
                     ImVec2(badge_center.x + badge * 0.5f, badge_center.y + badge * 0.5f), palette.on_accent,
                     std::to_string(number));
    float y = min.y + padding;
    DrawTextAt(draw_list, FontRole::Tile, ImVec2(min.x + text_left, y), palette.text, guide.title, text_width);
    y += title_size.y + line_gap;
    if (!guide.summary.empty()) {
        DrawTextAt(draw_list, FontRole::Body, ImVec2(min.x + text_left, y), palette.text_muted, guide.summary, text_width);
        y += summary_size.y + line_gap;
    }
    DrawTextAt(draw_list, FontRole::Small, ImVec2(min.x + text_left, y), palette.accent, steps, text_width);
    DrawIcon(draw_list, Icon::Next, ImVec2(max.x - padding - arrow * 0.5f, (min.y + max.y) * 0.5f), arrow, palette.accent);
    RecordTappable(guide.title, min, max);
    return TappedWithoutDrag(released_inside);
}

void DrawGuideList(Context& context, const std::vector<content::Guide>& guides) {
    Paragraph(FontRole::Heading, context.palette.text, context.T("online.guides.title"));
    if (guides.empty()) {
        Paragraph(FontRole::Body, context.palette.text, context.T("online.guides.none"));
        return;
    }
    for (size_t index = 0; index < guides.size(); ++index)
        if (GuideRow(static_cast<int>(index + 1), guides[index])) context.navigator.Push({ScreenId::Guide, guides[index].id});
}

}  // namespace

void OnlineServicesScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    const Metrics& metrics = context.metrics;
    std::vector<content::Guide> guides = catalog->Guides();

    float top = DrawPageTitle(area, context.T("online.title")) + metrics.gap;
    ImVec2 size(area.Width(), area.max.y - top);

    if (context.Landscape()) {
        // Side by side: the words to understand on the left, the guides to choose on the right.
        float left_width = (size.x - metrics.gap * 2) * 0.42f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("online-explanation", ImVec2(left_width, size.y));
        DrawExplanation(context);
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("online-guides", ImVec2(size.x - left_width - metrics.gap * 2, size.y));
        DrawGuideList(context, guides);
        EndScrollView();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("online-services", size);
    DrawExplanation(context);
    DrawGuideList(context, guides);
    EndScrollView();
}

Route GuideRouteForOnlineFiling() {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (catalog) {
        // Content names guides freely; the filing guide is the one about "nộp hồ sơ".
        for (const auto& guide : catalog->Guides())
            if (text::Fold(guide.title).find("nop ho so") != std::string::npos) return {ScreenId::Guide, guide.id};
    }
    return {ScreenId::OnlineServices, {}};
}

}  // namespace kiosk::ui
