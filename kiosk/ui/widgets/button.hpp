#pragma once
// Big touch buttons and tiles. A pressed button darkens at once; a drag that started on a
// button scrolls instead of pressing it; the click counts when the finger lifts inside.
#include <imgui.h>

#include <string_view>

#include "kiosk/ui/widgets/icons.hpp"

namespace kiosk::ui {

enum class ButtonKind { Primary, Secondary, Warning, Quiet, Selected };

// label is drawn; id_suffix distinguishes equal labels (ImGui ids come from label + suffix).
bool Button(std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Primary, Icon icon = Icon::None,
            std::string_view id_suffix = {});

// A home-screen tile: big icon, a title and a one-line hint (an empty hint draws none).
bool Tile(std::string_view title, std::string_view hint, Icon icon, ImVec2 size, bool accent = false);
// The least height a Tile of this width needs for its title and hint; a very large number
// when a word of them is wider than the tile's text column (it could only be cut in two).
float TileHeightFor(std::string_view title, std::string_view hint, float width);

// The press/drag rule shared by every tappable thing: true when the finger lifted inside
// the item without having dragged (a drag is a scroll).
bool TappedWithoutDrag(bool released_inside);

// Records a tappable item in the frame record so tests can find it by label.
void RecordTappable(std::string_view label, ImVec2 min, ImVec2 max);

}  // namespace kiosk::ui
