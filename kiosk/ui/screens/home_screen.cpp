#include "kiosk/ui/screens/home_screen.hpp"

#include <algorithm>
#include <iterator>

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
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
    bool fits = false;  // every tile on the glass without scrolling
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
            grid.fits = needed <= fitted;
            if (grid.fits) return grid;
            if (fallback.tile_width == 0) fallback = grid;
        }
    }
    return fallback;  // the most readable arrangement, scrolled
}

// The pinned procedures as a band of buttons above the tiles: as many rows as leave every
// tile on the glass (the sections come first; a shortcut is only a quicker way in).
struct ShortcutBand {
    int columns = 1, rows = 0;
    float button_width = 0, button_height = 0, height = 0;
};

// The commune's short name; else the official name without its "Thủ tục " prefix, cut after
// the last whole word that fits kLongestLabel letters (the detail screen has the full name).
std::string ShortcutLabel(const catalog::ProcedureSummary& procedure) {
    constexpr size_t kLongestLabel = 40;
    if (!procedure.short_name.empty()) return procedure.short_name;
    std::string name = procedure.name;
    if (name.rfind("Thủ tục ", 0) == 0) name = name.substr(std::string("Thủ tục ").size());
    std::u32string letters;
    for (char32_t letter : text::DecodeUtf8(name)) letters += letter;
    if (letters.size() <= kLongestLabel) return name;
    size_t cut = letters.rfind(U' ', kLongestLabel);
    if (cut == std::u32string::npos || cut == 0) cut = kLongestLabel;
    while (cut > 0 && (letters[cut - 1] == U',' || letters[cut - 1] == U';' || letters[cut - 1] == U' ')) --cut;
    std::string out;
    for (size_t index = 0; index < cut; ++index) out += text::EncodeUtf8(letters[index]);
    return out + "…";
}

ShortcutBand FitShortcuts(const std::vector<catalog::ProcedureSummary>& shortcuts, ImVec2 view_size) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ShortcutBand band;
    if (shortcuts.empty()) return band;
    band.columns = context.Landscape() ? 3 : 2;
    band.button_width = (view_size.x - metrics.gap * static_cast<float>(band.columns - 1)) / static_cast<float>(band.columns);
    float padding = metrics.Px(18);
    band.button_height = metrics.touch_minimum;
    for (const auto& procedure : shortcuts) {
        std::string label = ShortcutLabel(procedure);
        if (LongestWordWidth(FontRole::Bold, label) > band.button_width - 2 * padding) continue;
        band.button_height = std::max(band.button_height,
                                      MeasureText(FontRole::Bold, label, band.button_width - 2 * padding).y + metrics.Px(24));
    }
    float title_height = MeasureText(FontRole::Bold, context.T("home.shortcuts"), view_size.x).y + metrics.Px(8);
    int most_rows = std::min(2, static_cast<int>((shortcuts.size() + band.columns - 1) / band.columns));
    for (int rows = most_rows; rows > 0; --rows) {
        float height = title_height + static_cast<float>(rows) * (band.button_height + metrics.gap) + metrics.gap * 0.5f;
        if (FitTiles(ImVec2(view_size.x, view_size.y - height)).fits) {
            band.rows = rows;
            band.height = height;
            return band;
        }
    }
    return band;
}

void DrawShortcuts(const std::vector<catalog::ProcedureSummary>& shortcuts, const ShortcutBand& band, ImVec2 origin,
                   float width) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    std::string_view title = context.T("home.shortcuts");
    DrawTextAt(draw_list, FontRole::Bold, origin, context.palette.text_muted, title, width);
    float y = origin.y + MeasureText(FontRole::Bold, title, width).y + metrics.Px(8);
    size_t shown = std::min(shortcuts.size(), static_cast<size_t>(band.rows * band.columns));
    for (size_t index = 0; index < shown; ++index) {
        size_t column = index % static_cast<size_t>(band.columns), row = index / static_cast<size_t>(band.columns);
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(column) * (band.button_width + metrics.gap),
                                         y + static_cast<float>(row) * (band.button_height + metrics.gap)));
        if (Button(ShortcutLabel(shortcuts[index]), ImVec2(band.button_width, band.button_height), ButtonKind::Secondary,
                   Icon::None, shortcuts[index].code))
            context.navigator.Push({ScreenId::ProcedureDetail, shortcuts[index].code});
    }
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

    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    std::string content_key = catalog ? catalog->content_key() : std::string();
    if (content_key != loaded_content_key) {
        loaded_content_key = content_key;
        shortcuts = catalog ? catalog->PinnedProcedures() : std::vector<catalog::ProcedureSummary>();
    }

    float top = area.min.y + heading_size.y + metrics.gap * 1.5f;
    ShortcutBand band = FitShortcuts(shortcuts, ImVec2(area.Width(), area.max.y - top));
    if (band.rows > 0) {
        DrawShortcuts(shortcuts, band, ImVec2(area.min.x, top), area.Width());
        top += band.height;
    }
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
