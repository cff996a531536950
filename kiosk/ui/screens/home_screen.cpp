#include "kiosk/ui/screens/home_screen.hpp"

#include <algorithm>
#include <iterator>

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

struct TileGrid {
    int columns = 1;
    bool with_hints = true;
    float tile_width = 0, tile_height = 0;
};

// Every section must be on the glass at once (a first-time user does not know a list
// scrolls): the first arrangement whose tiles all fit, from the most readable down — one
// column in portrait, two in landscape, then a column more, then titles without hints.
// Only a window too small for any of them scrolls.
TileGrid FitTiles(ImVec2 view_size) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    int base_columns = context.Landscape() ? 2 : 1;
    TileGrid fallback;
    for (bool with_hints : {true, false}) {
        for (int columns : {base_columns, base_columns + 1}) {
            int count = static_cast<int>(std::size(kSections));
            int rows = (count + columns - 1) / columns;
            TileGrid grid;
            grid.columns = columns;
            grid.with_hints = with_hints;
            grid.tile_width = (view_size.x - metrics.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
            float needed = 0;
            for (const Section& section : kSections)
                needed = std::max(needed, TileHeightFor(context.T(section.title_key),
                                                        with_hints ? context.T(section.hint_key) : std::string_view(),
                                                        grid.tile_width));
            float fitted = (view_size.y - metrics.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
            grid.tile_height = std::max(fitted, needed);
            if (needed <= fitted) return grid;
            if (fallback.tile_width == 0) fallback = grid;
        }
    }
    return fallback;  // the most readable arrangement, scrolled
}

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
    TileGrid grid = FitTiles(view_size);
    BeginScrollView("home-tiles", view_size);
    for (size_t index = 0; index < std::size(kSections); ++index) {
        const Section& section = kSections[index];
        if (index % static_cast<size_t>(grid.columns) != 0) ImGui::SameLine(0, metrics.gap);
        std::string_view hint = grid.with_hints ? context.T(section.hint_key) : std::string_view();
        if (Tile(context.T(section.title_key), hint, section.icon, ImVec2(grid.tile_width, grid.tile_height), index == 0))
            context.navigator.Push({section.screen, {}});
    }
    EndScrollView();
}

}  // namespace kiosk::ui
