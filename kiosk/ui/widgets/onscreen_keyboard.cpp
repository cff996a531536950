#include "kiosk/ui/widgets/onscreen_keyboard.hpp"

#include <imgui.h>
#include <utf8proc.h>

#include <algorithm>
#include <vector>

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/button.hpp"

namespace kiosk::ui {
namespace keyboard_editing {

void RemoveLastCharacter(std::string& text) {
    auto code_points = text::DecodeUtf8(text);
    if (code_points.empty()) return;
    code_points.pop_back();
    std::string rebuilt;
    for (char32_t code_point : code_points) rebuilt += text::EncodeUtf8(code_point);
    text = rebuilt;
}

void ApplyTone(std::string& text, char32_t combining_tone) {
    auto code_points = text::DecodeUtf8(text);
    for (size_t index = code_points.size(); index-- > 0;) {
        if (code_points[index] == U' ') return;  // only the word being typed gets a tone
        std::string folded = text::Fold(text::EncodeUtf8(code_points[index]));
        if (folded.size() != 1 || std::string_view("aeiouy").find(folded[0]) == std::string_view::npos) continue;
        // Decompose the vowel (NFD), keep its base and shape marks (ă â ê ô ơ ư), drop the
        // tone it had, add the new one, and compose again.
        utf8proc_int32_t parts[8];
        int options = UTF8PROC_DECOMPOSE;
        utf8proc_ssize_t count = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(code_points[index]), parts, 8,
                                                         static_cast<utf8proc_option_t>(options), nullptr);
        if (count <= 0) return;
        std::string vowel;
        for (utf8proc_ssize_t part = 0; part < count; ++part) {
            char32_t mark = static_cast<char32_t>(parts[part]);
            bool is_tone = mark == 0x0300 || mark == 0x0301 || mark == 0x0303 || mark == 0x0309 || mark == 0x0323;
            if (!is_tone) vowel += text::EncodeUtf8(mark);
        }
        vowel += text::EncodeUtf8(combining_tone);
        std::string rebuilt;
        for (size_t i = 0; i < code_points.size(); ++i)
            rebuilt += i == index ? text::NormalizeNfc(vowel) : text::EncodeUtf8(code_points[i]);
        text = rebuilt;
        return;
    }
}

}  // namespace keyboard_editing

namespace {

struct Key {
    const char* label;   // what the key shows
    const char* insert;  // what it types; nullptr for the special keys
    float width = 1;     // in key widths
};

float ComfortableKeyHeight() {
    const Metrics& metrics = CurrentContext().metrics;
    return metrics.Px(96) * (1.0f + (metrics.text_scale - 1.0f) * 0.4f);
}
float KeyGap() { return CurrentContext().metrics.Px(12); }
constexpr int kLatinRows = 5;  // the taller page decides the key size of both

}  // namespace

void OnscreenKeyboard::FitInto(float available_height) {
    float fitted = (available_height - (kLatinRows - 1) * KeyGap()) / kLatinRows;
    key_height = std::clamp(fitted, CurrentContext().metrics.Px(64), ComfortableKeyHeight());
}

float OnscreenKeyboard::Height() const {
    int rows = vietnamese_page ? 3 : kLatinRows;
    float key = key_height > 0 ? key_height : ComfortableKeyHeight();
    return rows * key + (rows - 1) * KeyGap();
}

bool OnscreenKeyboard::Draw(std::string& text, float width) {
    Context& context = CurrentContext();
    float gap = KeyGap();
    float key_height = this->key_height > 0 ? this->key_height : ComfortableKeyHeight();
    bool changed = false;

    auto row_of = [&](const std::vector<Key>& keys, int row) {
        float units = 0;
        for (const auto& key : keys) units += key.width;
        float unit = (width - gap * static_cast<float>(keys.size() - 1)) / std::max(units, 10.0f);
        float row_width = unit * units + gap * static_cast<float>(keys.size() - 1);
        ImVec2 start = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(start.x + (width - row_width) * 0.5f, start.y));
        for (size_t index = 0; index < keys.size(); ++index) {
            if (index) ImGui::SameLine(0, gap);
            const Key& key = keys[index];
            std::string suffix = "key-" + std::to_string(row) + "-" + std::to_string(index);
            if (Button(key.label, ImVec2(unit * key.width, key_height), ButtonKind::Secondary, Icon::None, suffix) &&
                key.insert) {
                text += key.insert;
                changed = true;
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + key_height + gap));
    };

    if (!vietnamese_page) {
        row_of({{"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}, {"6", "6"}, {"7", "7"}, {"8", "8"}, {"9", "9"}, {"0", "0"}}, 0);
        row_of({{"Q", "q"}, {"W", "w"}, {"E", "e"}, {"R", "r"}, {"T", "t"}, {"Y", "y"}, {"U", "u"}, {"I", "i"}, {"O", "o"}, {"P", "p"}}, 1);
        row_of({{"A", "a"}, {"S", "s"}, {"D", "d"}, {"F", "f"}, {"G", "g"}, {"H", "h"}, {"J", "j"}, {"K", "k"}, {"L", "l"}}, 2);
        row_of({{"Z", "z"}, {"X", "x"}, {"C", "c"}, {"V", "v"}, {"B", "b"}, {"N", "n"}, {"M", "m"}}, 3);
    } else {
        row_of({{"Ă", "ă"}, {"Â", "â"}, {"Đ", "đ"}, {"Ê", "ê"}, {"Ô", "ô"}, {"Ơ", "ơ"}, {"Ư", "ư"}}, 0);
        // Tone keys show the mark on an "a" so the shape is recognisable; they do not type.
        struct Tone {
            const char* label;
            char32_t mark;
        };
        static const Tone tones[] = {{"Á", U'\u0301'}, {"À", U'\u0300'}, {"Ả", U'\u0309'}, {"Ã", U'\u0303'}, {"Ạ", U'\u0323'}};
        float unit = (width - gap * 4) / 5;
        ImVec2 start = ImGui::GetCursorScreenPos();
        for (size_t index = 0; index < std::size(tones); ++index) {
            if (index) ImGui::SameLine(0, gap);
            std::string suffix = "tone-" + std::to_string(index);
            if (Button(tones[index].label, ImVec2(unit, key_height), ButtonKind::Secondary, Icon::None, suffix)) {
                keyboard_editing::ApplyTone(text, tones[index].mark);
                changed = true;
            }
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + key_height + gap));
    }

    // The bottom row: switch page, space, delete, clear.
    float unit = (width - gap * 3) / 10;
    std::string page_label(vietnamese_page ? context.T("search.key.latin") : context.T("search.key.vietnamese"));
    if (Button(page_label, ImVec2(unit * 3, key_height), ButtonKind::Selected, Icon::None, "page"))
        vietnamese_page = !vietnamese_page;
    ImGui::SameLine(0, gap);
    if (Button(context.T("search.key.space"), ImVec2(unit * 3, key_height), ButtonKind::Secondary, Icon::None, "space")) {
        if (!text.empty() && text.back() != ' ') {
            text += ' ';
            changed = true;
        }
    }
    ImGui::SameLine(0, gap);
    if (Button(context.T("search.key.backspace"), ImVec2(unit * 2, key_height), ButtonKind::Secondary, Icon::Backspace,
               "backspace")) {
        keyboard_editing::RemoveLastCharacter(text);
        changed = true;
    }
    ImGui::SameLine(0, gap);
    if (Button(context.T("search.key.clear"), ImVec2(unit * 2, key_height), ButtonKind::Warning, Icon::None, "clear")) {
        changed = !text.empty();
        text.clear();
    }
    return changed;
}

}  // namespace kiosk::ui
