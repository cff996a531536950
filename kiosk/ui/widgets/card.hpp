#pragma once
// A card: a white rounded box around whatever is laid out between BeginCard and EndCard,
// as tall as its content (the background is drawn after the content is measured).
#include <imgui.h>

namespace kiosk::ui {

enum class CardStyle { Plain, Accent, Warning };

void BeginCard(CardStyle style = CardStyle::Plain);
void EndCard();

}  // namespace kiosk::ui
