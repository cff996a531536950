#pragma once
// QR codes (libqrencode) drawn as squares, large, with a quiet zone and a sentence under
// them, so a citizen can carry a page away on their phone.
#include <imgui.h>

#include <string_view>

namespace kiosk::ui {

// Draws the code for text at the cursor, side × side pixels (at least 300 px is readable
// from a phone held at arm's length), followed by the caption. False if text cannot be
// encoded (too long), in which case nothing is drawn.
bool QrCode(std::string_view text, float side, std::string_view caption);

}  // namespace kiosk::ui
