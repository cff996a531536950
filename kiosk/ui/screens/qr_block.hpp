#pragma once
// A QR code with what it opens written beside it (or under it when the column is narrow):
// the sentence that says what scanning does, and the address or number itself for people
// who would rather type it. Shared by the guide and hotline screens.
#include <string>
#include <string_view>

namespace kiosk::ui {

// "tel:02213000000" from "0221 3000 000 (số minh họa)": the digits (and a leading +) of
// the number before any remark.
std::string TelephoneUri(std::string_view phone);

// What a person reads for a URI: the address without "https://", the mail address
// without "mailto:", the number without "tel:".
std::string ReadableAddress(std::string_view uri);

// Lays the block out at the cursor, as wide as the column, and moves the cursor below it.
// `shown` is what is written in bold beside the code (a number as the content writes it).
void QrBlock(std::string_view uri, std::string_view caption, std::string_view shown);

// The side of a kiosk QR code: at least 300 px at the 1080 px reference, as the UX asks.
float QrSide();

}  // namespace kiosk::ui
