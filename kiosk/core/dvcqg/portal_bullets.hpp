#pragma once
// The portal's own list marks at the start of a line ("- ", "+ ", "* ", "• ", "(i) ", "a) ",
// "1. ", "Bước 2:"), recognised so the kiosk can number steps and list papers itself
// without printing "1. -" or "17. * Lưu ý:".
#include <string>
#include <string_view>

namespace kiosk::dvcqg {

enum class BulletKind {
    None,    // the line starts with text
    Dash,    // "-", "–", "—", "•"
    Plus,    // "+"
    Star,    // "*"
    Roman,   // "(i)", "(ii)", "(1)", "(a)"
    Letter,  // "a)", "b."
    Number,  // "1.", "2)", "1.2."
    Step,    // "Bước 1:", "Bước 2."
};

struct Bulleted {
    BulletKind kind = BulletKind::None;
    std::string mark;  // the mark as written, without spaces ("(ii)", "Bước 2:"); empty for None
    std::string text;  // the line without its mark, trimmed
};

// Reads the mark at the start of `line` (input trimmed or not). A line that is only a mark
// gives empty text.
Bulleted SplitBullet(std::string_view line);

// The line without any leading marks (repeated ones too: "- + Giấy …" → "Giấy …").
std::string StripBullets(std::string_view line);

// Does the line (after its marks) open the portal's notes: "Lưu ý:", "Chú ý:", "Ghi chú:"?
// Sets `rest` to the text after the colon.
bool IsNotesHeading(std::string_view line, std::string& rest);

}  // namespace kiosk::dvcqg
