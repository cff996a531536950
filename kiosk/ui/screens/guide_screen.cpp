#include "kiosk/ui/screens/guide_screen.hpp"

#include <algorithm>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/screens/guide_pictures.hpp"
#include "kiosk/ui/screens/qr_block.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// One segment per step, the steps done and the current one filled: how far there is to go.
void DrawProgress(ImDrawList* draw_list, ImVec2 min, ImVec2 max, size_t current, size_t count) {
    Context& context = CurrentContext();
    float gap = context.metrics.Px(8);
    float width = (max.x - min.x - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    for (size_t index = 0; index < count; ++index) {
        float left = min.x + (width + gap) * static_cast<float>(index);
        FillRoundedRect(draw_list, ImVec2(left, min.y), ImVec2(left + width, max.y),
                        index <= current ? context.palette.accent : context.palette.surface_pressed,
                        (max.y - min.y) * 0.5f);
    }
}

void DrawPicture(const content::GuideStep& step, float height) {
    std::optional<GuidePicture> picture = PictureForStep(step);
    if (!picture) return;
    Context& context = CurrentContext();
    ImVec2 min = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    DrawGuidePicture(ImGui::GetWindowDrawList(), *picture, min, ImVec2(min.x + width, min.y + height));
    ImGui::Dummy(ImVec2(width, height));
}

void DrawStepText(Context& context, const content::GuideStep& step) {
    BeginCard();
    Paragraph(FontRole::Heading, context.palette.text, step.title);
    Paragraph(FontRole::Body, context.palette.text, step.text);
    EndCard();
}

void DrawQr(Context& context, const content::Guide& guide, const content::GuideStep& step) {
    const std::string& url = step.url.empty() ? guide.qr_url : step.url;
    if (url.empty()) return;
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    QrBlock(url, context.T("qr.caption.page"), ReadableAddress(url));
}

}  // namespace

void GuideScreen::Draw(const PageArea& area, const std::string& guide_id) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    if (guide_id != loaded_id) {
        loaded_id = guide_id;
        guide.reset();
        for (auto& candidate : catalog->Guides())
            if (candidate.id == guide_id) guide = std::move(candidate);
        step = 0;
        step_changed = true;
    }
    const Metrics& metrics = context.metrics;
    const Palette& palette = context.palette;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float width = area.Width();
    if (!guide) {
        ImVec2 title_size = MeasureText(FontRole::Heading, context.T("guide.not_found.title"), width);
        DrawTextAt(draw_list, FontRole::Heading, area.min, palette.text, context.T("guide.not_found.title"), width);
        DrawTextAt(draw_list, FontRole::Body, ImVec2(area.min.x, area.min.y + title_size.y + metrics.gap), palette.text,
                   context.T("guide.not_found.body"), width);
        return;
    }
    size_t count = guide->steps.size();
    step = std::min(step, count - 1);
    const content::GuideStep& current = guide->steps[step];

    // The guide's name, then where the citizen is: "Bước 2/6" and a bar of steps.
    float y = area.min.y;
    ImVec2 title_size = MeasureText(FontRole::Bold, guide->title, width);
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(area.min.x, y), palette.text_muted, guide->title, width);
    y += title_size.y + metrics.Px(8);
    std::string counter = i18n::Format(context.T("guide.step_counter"), {std::to_string(step + 1), std::to_string(count)});
    ImVec2 counter_size = MeasureText(FontRole::Heading, counter, width);
    DrawTextAt(draw_list, FontRole::Heading, ImVec2(area.min.x, y), palette.accent, counter, width);
    float progress_left = area.min.x + counter_size.x + metrics.gap * 1.5f;
    if (area.max.x - progress_left >= metrics.Px(160)) {
        float middle = y + counter_size.y * 0.5f;
        DrawProgress(draw_list, ImVec2(progress_left, middle - metrics.Px(10)), ImVec2(area.max.x, middle + metrics.Px(10)),
                     step, count);
    }
    y += counter_size.y + metrics.gap;

    // The step itself, scrolling when large text makes it taller than the page.
    float buttons_top = area.max.y - metrics.button_height;
    float body_height = buttons_top - metrics.gap - y;
    bool to_top = step_changed;
    step_changed = false;
    if (context.Landscape()) {
        float left_width = (width - metrics.gap * 2) * 0.56f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        BeginScrollView("guide-step", ImVec2(left_width, body_height), to_top);
        DrawStepText(context, current);
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, y));
        BeginScrollView("guide-side", ImVec2(width - left_width - metrics.gap * 2, body_height), to_top);
        DrawPicture(current, metrics.Px(240));
        DrawQr(context, *guide, current);
        EndScrollView();
    } else {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, y));
        BeginScrollView("guide-step", ImVec2(width, body_height), to_top);
        DrawPicture(current, metrics.Px(360));
        ImGui::Dummy(ImVec2(0, metrics.Px(4)));
        DrawStepText(context, current);
        DrawQr(context, *guide, current);
        EndScrollView();
    }

    // The two buttons stay in the same place on every step; the first step has no "back".
    float button_width = (width - metrics.gap) * 0.5f;
    if (step > 0) {
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, buttons_top));
        if (Button(context.T("guide.previous"), ImVec2(button_width, metrics.button_height), ButtonKind::Secondary,
                   Icon::Back, "guide-previous")) {
            --step;
            step_changed = true;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x + button_width + metrics.gap, buttons_top));
    if (step + 1 < count) {
        if (Button(context.T("guide.next"), ImVec2(button_width, metrics.button_height), ButtonKind::Primary, Icon::Next,
                   "guide-next")) {
            ++step;
            step_changed = true;
        }
    } else if (Button(context.T("guide.done"), ImVec2(button_width, metrics.button_height), ButtonKind::Primary,
                      Icon::Check, "guide-done")) {
        // Finished: back to the list, and the guide starts at step 1 when opened again.
        step = 0;
        step_changed = true;
        context.navigator.Back();
    }
}

}  // namespace kiosk::ui
