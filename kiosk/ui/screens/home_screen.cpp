#include "kiosk/ui/screens/home_screen.hpp"

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

struct Section {
    const char* title_key;
    const char* hint_key;
    Icon icon;
    ScreenId screen;
};

constexpr Section kSections[] = {
    {"home.tile.procedures", "home.tile.procedures.hint", Icon::Document, ScreenId::Fields},
    {"home.tile.search", "home.tile.search.hint", Icon::Search, ScreenId::Search},
    {"home.tile.online", "home.tile.online.hint", Icon::Globe, ScreenId::OnlineServices},
    {"home.tile.hotline", "home.tile.hotline.hint", Icon::Phone, ScreenId::Hotline},
    {"home.tile.vote", "home.tile.vote.hint", Icon::Smile, ScreenId::Vote},
    {"home.tile.results", "home.tile.results.hint", Icon::Chart, ScreenId::Results},
};

}  // namespace

void HomeScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImGui::SetCursorScreenPos(area.min);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(area.max.x);
    ImVec2 heading_position = ImGui::GetCursorScreenPos();
    ImVec2 heading_size = MeasureText(FontRole::Heading, context.T("home.greeting"), area.Width());
    DrawTextAt(ImGui::GetWindowDrawList(), FontRole::Heading, heading_position, context.palette.text,
               context.T("home.greeting"), area.Width());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();

    float top = area.min.y + heading_size.y + metrics.gap * 1.5f;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    ImVec2 view_size(area.Width(), area.max.y - top);
    BeginScrollView("home-tiles", view_size);
    int columns = context.Landscape() ? 2 : 1;
    int rows = (static_cast<int>(std::size(kSections)) + columns - 1) / columns;
    float width = (ImGui::GetContentRegionAvail().x - metrics.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // Tiles share the height, but never shrink below what two lines of large text need.
    float fitted = (view_size.y - metrics.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
    float needed = metrics.Px(150) * metrics.text_scale;
    float height = std::max(fitted, needed);
    for (size_t index = 0; index < std::size(kSections); ++index) {
        const Section& section = kSections[index];
        if (index % static_cast<size_t>(columns) != 0) ImGui::SameLine(0, metrics.gap);
        if (Tile(context.T(section.title_key), context.T(section.hint_key), section.icon, ImVec2(width, height), index == 0))
            context.navigator.Push({section.screen, {}});
    }
    EndScrollView();
}

}  // namespace kiosk::ui
