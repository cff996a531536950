#include "kiosk/ui/page_frame.hpp"

#include <ctime>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/frame_record.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

std::string FormatClock(std::time_t wall_time, Language language) {
    std::tm local{};
    localtime_r(&wall_time, &local);
    char buffer[64];
    if (language == Language::English)
        std::strftime(buffer, sizeof buffer, "%H:%M  %d/%m/%Y", &local);
    else
        std::strftime(buffer, sizeof buffer, "%H:%M  ngày %d/%m/%Y", &local);
    return buffer;
}

// The bars are recorded so tests can tell a page's button that slid under a bar.
void RecordBar(ImVec2 min, ImVec2 max) {
    FrameRecord& record = CurrentFrameRecord();
    if (record.enabled) record.bars.push_back({min, max});
}

namespace {

TextSize NextTextSize(TextSize size) {
    switch (size) {
        case TextSize::Normal: return TextSize::Large;
        case TextSize::Large: return TextSize::ExtraLarge;
        default: return TextSize::Normal;
    }
}

const char* TextSizeKey(TextSize size) {
    switch (size) {
        case TextSize::Large: return "frame.text_size.large";
        case TextSize::ExtraLarge: return "frame.text_size.extra_large";
        default: return "frame.text_size.normal";
    }
}

// Returns the bar's bottom edge. The bar keeps its height unless the commune's name, the
// clock and the demo marker cannot fit in it at the citizen's text size: then it grows,
// because the demo marker must never disappear (nobody may take demo values for real ones)
// and nothing may spill out of the bar.
float DrawTopBar(Context& context, const std::string& commune_name, bool demo_content) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float bezel = metrics.Px(40);

    // Right side: language and text size, the two controls every screen offers.
    float button_height = metrics.top_bar_height - metrics.Px(24);
    float right = context.display_size.x - metrics.margin;
    std::string size_label = std::string(context.T("frame.text_size")) + " " + std::string(context.T(TextSizeKey(context.session.text_size)));
    float size_width = MeasureText(FontRole::Bold, size_label).x + metrics.Px(110);
    float language_width = MeasureText(FontRole::Bold, context.T("frame.switch_language")).x + metrics.Px(110);

    // Left side: the commune's name, the time and the demo marker, wrapped into what room is left.
    float left = metrics.margin;
    float text_width = right - size_width - language_width - 2 * metrics.gap - left;
    std::string clock = FormatClock(context.wall_time, context.session.language);
    std::string demo_line;
    if (demo_content) {
        std::string with_demo = clock + "  ·  " + std::string(context.T("frame.demo_content"));
        if (MeasureText(FontRole::Small, with_demo).x <= text_width)
            clock = with_demo;
        else
            demo_line = std::string(context.T("frame.demo_content"));
    }
    FontRole name_role = FontRole::Bold;
    ImVec2 name_size = MeasureText(name_role, commune_name, text_width);
    ImVec2 clock_size = MeasureText(FontRole::Small, clock, text_width);
    ImVec2 demo_size = demo_line.empty() ? ImVec2(0, 0) : MeasureText(FontRole::Small, demo_line, text_width);
    if (name_size.y + clock_size.y + demo_size.y > metrics.top_bar_height) {
        name_role = FontRole::Small;
        name_size = MeasureText(name_role, commune_name, text_width);
    }
    float text_height = name_size.y + clock_size.y + demo_size.y;
    float bar_height = std::max(metrics.top_bar_height, text_height + metrics.Px(16));
    float bottom = bezel + bar_height;
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(context.display_size.x, bottom), context.palette.accent);
    RecordBar(ImVec2(0, 0), ImVec2(context.display_size.x, bottom));

    float button_top = bezel + (bar_height - button_height) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(right - size_width, button_top));
    if (Button(size_label, ImVec2(size_width, button_height), ButtonKind::Secondary, Icon::TextSize, "text-size"))
        context.session.text_size = NextTextSize(context.session.text_size);
    ImGui::SetCursorScreenPos(ImVec2(right - size_width - metrics.gap - language_width, button_top));
    if (Button(context.T("frame.switch_language"), ImVec2(language_width, button_height), ButtonKind::Secondary,
               Icon::Language, "language"))
        context.session.language = context.session.language == Language::English ? Language::Vietnamese : Language::English;

    float top = bezel + (bar_height - text_height) * 0.5f;
    DrawTextAt(draw_list, name_role, ImVec2(left, top), context.palette.on_accent, commune_name, text_width);
    // The hidden way into staff mode: a long, still press on the name. A short one does
    // nothing, as before.
    WatchStaffGesture(ImVec2(left, top), ImVec2(left + name_size.x, top + name_size.y));
    top += name_size.y;
    DrawTextAt(draw_list, FontRole::Small, ImVec2(left, top), context.palette.on_accent, clock, text_width);
    top += clock_size.y;
    if (!demo_line.empty())
        DrawTextAt(draw_list, FontRole::Small, ImVec2(left, top), context.palette.on_accent, demo_line, text_width);
    return bottom;
}

void DrawBottomBar(Context& context, const HelpAction& help) {
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float bezel = metrics.Px(40);
    float top = context.display_size.y - metrics.bottom_bar_height;
    draw_list->AddRectFilled(ImVec2(0, top), context.display_size, context.palette.surface);
    RecordBar(ImVec2(0, top), context.display_size);
    draw_list->AddLine(ImVec2(0, top), ImVec2(context.display_size.x, top), context.palette.border, metrics.Px(2));

    float button_height = metrics.bottom_bar_height - bezel - metrics.Px(24);
    float button_top = top + metrics.Px(16);
    float width = (context.display_size.x - 2 * metrics.margin - 2 * metrics.gap) / 3.0f;
    float x = metrics.margin;
    ImGui::SetCursorScreenPos(ImVec2(x, button_top));
    if (context.navigator.CanGoBack()) {
        if (Button(context.T("frame.back"), ImVec2(width, button_height), ButtonKind::Secondary, Icon::Back, "back"))
            context.navigator.Back();
    }
    ImGui::SetCursorScreenPos(ImVec2(x + width + metrics.gap, button_top));
    if (context.navigator.CanGoBack()) {
        if (Button(context.T("frame.home"), ImVec2(width, button_height), ButtonKind::Primary, Icon::Home, "home"))
            context.navigator.Home();
    }
    if (!help.label.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x + 2 * (width + metrics.gap), button_top));
        if (Button(help.label, ImVec2(width, button_height), ButtonKind::Secondary, help.icon, "help"))
            context.navigator.Push(help.route);
    }
}

}  // namespace

float DrawPageTitle(const PageArea& area, std::string_view title) {
    DrawTextAt(ImGui::GetWindowDrawList(), FontRole::Heading, area.min, CurrentContext().palette.text, title, area.Width());
    return area.min.y + MeasureText(FontRole::Heading, title, area.Width()).y;
}

PageArea DrawPageFrame(const std::string& commune_name, bool demo_content, const HelpAction& help) {
    Context& context = CurrentContext();
    float top_bar_bottom = DrawTopBar(context, commune_name, demo_content);
    DrawBottomBar(context, help);
    const Metrics& metrics = context.metrics;
    PageArea area;
    area.min = ImVec2(metrics.margin, top_bar_bottom + metrics.margin * 0.75f);
    area.max = ImVec2(context.display_size.x - metrics.margin,
                      context.display_size.y - metrics.bottom_bar_height - metrics.margin * 0.5f);
    return area;
}

}  // namespace kiosk::ui
