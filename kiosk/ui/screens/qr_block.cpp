#include "kiosk/ui/screens/qr_block.hpp"

#include <cctype>
#include <vector>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/qr_code.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

std::string TelephoneUri(std::string_view phone) {
    std::string uri = "tel:";
    for (char character : phone.substr(0, phone.find('('))) {
        if (std::isdigit(static_cast<unsigned char>(character)) || (character == '+' && uri.size() == 4))
            uri += character;
    }
    return uri;
}

std::string ReadableAddress(std::string_view uri) {
    for (std::string_view scheme : {"https://", "http://", "mailto:", "tel:"})
        if (uri.starts_with(scheme)) uri.remove_prefix(scheme.size());
    if (uri.ends_with('/')) uri.remove_suffix(1);
    return std::string(uri);
}

namespace {

// A web address has no spaces, so ImGui would cut it anywhere: break it after its own
// '/' (then after '-' or '.') so each line is a readable piece of the address.
std::string BreakAddressIntoLines(std::string_view address, FontRole role, float width) {
    if (LongestWordWidth(role, address) <= width) return std::string(address);
    std::vector<std::string> pieces{std::string(address)};
    for (char separator : {'/', '-', '.'}) {
        std::vector<std::string> finer;
        for (const std::string& piece : pieces) {
            if (LongestWordWidth(role, piece) <= width) {
                finer.push_back(piece);
                continue;
            }
            size_t start = 0;
            for (size_t index = 0; index < piece.size(); ++index)
                if (piece[index] == separator && index + 1 < piece.size()) {
                    finer.push_back(piece.substr(start, index + 1 - start));
                    start = index + 1;
                }
            finer.push_back(piece.substr(start));
        }
        pieces = std::move(finer);
    }
    std::string text, line;
    for (const std::string& piece : pieces) {
        if (!line.empty() && MeasureText(role, line + piece).x > width) {
            text += line + "\n";
            line.clear();
        }
        line += piece;
    }
    return text + line;
}

}  // namespace

float QrSide() { return CurrentContext().metrics.Px(320); }

void QrBlock(std::string_view uri, std::string_view caption, std::string_view shown) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    float side = QrSide();
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    ImVec2 start = ImGui::GetCursorScreenPos();
    float beside_width = width - side - metrics.gap * 1.5f;
    // Beside the code while a line still holds a dozen words; under it otherwise.
    bool beside = beside_width >= metrics.Px(380) * metrics.text_scale;
    ImGui::BeginGroup();
    bool drawn = QrCode(uri, side, {});
    ImGui::EndGroup();
    float code_bottom = drawn ? ImGui::GetItemRectMax().y : start.y;
    float text_left = drawn && beside ? start.x + side + metrics.gap * 1.5f : start.x;
    float text_top = drawn && beside ? start.y : code_bottom + metrics.Px(4);
    float text_width = drawn && beside ? beside_width : width;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 caption_size = MeasureText(FontRole::Body, caption, text_width);
    if (drawn) DrawTextAt(draw_list, FontRole::Body, ImVec2(text_left, text_top), context.palette.text, caption, text_width);
    float shown_top = text_top + (drawn ? caption_size.y + metrics.Px(12) : 0);
    std::string shown_lines = BreakAddressIntoLines(shown, FontRole::Bold, text_width);
    ImVec2 shown_size = MeasureText(FontRole::Bold, shown_lines, text_width);
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(text_left, shown_top), context.palette.accent, shown_lines, text_width);
    float bottom = std::max(code_bottom, shown_top + shown_size.y);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, bottom - start.y));
}

}  // namespace kiosk::ui
