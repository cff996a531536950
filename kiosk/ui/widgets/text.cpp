#include "kiosk/ui/widgets/text.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/frame_record.hpp"

namespace kiosk::ui {
namespace {

float LongestWordWidth(ImFont* font, std::string_view text) {
    float longest = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find_first_of(" \n", start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start)
            longest = std::max(longest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data() + start, text.data() + end).x);
        start = end + 1;
    }
    return longest;
}

// ImGui wraps at spaces, and cuts a word that is wider than the whole line wherever it must.
bool BreaksInsideWord(ImFont* font, std::string_view text, float wrap_width) {
    return wrap_width > 0 && LongestWordWidth(font, text) > wrap_width + 0.5f;
}

void Audit(FontRole role, std::string_view text, ImVec2 min, ImVec2 max, float wrap_width) {
    Context& context = CurrentContext();
    ImFont* font = context.fonts->Get(role);
    FrameRecord& record = CurrentFrameRecord();
    DrawnText* drawn = nullptr;
    if (record.enabled) {
        ImGuiWindow* window = ImGui::GetCurrentWindow();
        ImRect bounds = window->InnerClipRect;
        drawn = &record.texts.emplace_back();
        drawn->text = std::string(text);
        drawn->min = min;
        drawn->max = max;
        drawn->window_min = bounds.Min;
        drawn->window_max = bounds.Max;
        drawn->horizontally_outside = min.x < bounds.Min.x - 1 || max.x > bounds.Max.x + 1;
        drawn->breaks_inside_word = BreaksInsideWord(font, text, wrap_width);
    }
    for (char32_t code_point : text::DecodeUtf8(text)) {
        if (code_point < 0x20 || code_point == 0x2028) continue;  // line breaks are not glyphs
        if (code_point > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(code_point))) {
            if (code_point <= 0xFFFF) context.fonts->NoteMissingCharacter(static_cast<ImWchar>(code_point));
            if (drawn) drawn->missing_characters.push_back(static_cast<ImWchar>(code_point > 0xFFFF ? 0xFFFD : code_point));
        }
    }
}

}  // namespace

float LongestWordWidth(FontRole role, std::string_view text) {
    return LongestWordWidth(CurrentContext().fonts->Get(role), text);
}

ImVec2 MeasureText(FontRole role, std::string_view text, float wrap_width) {
    ImFont* font = CurrentContext().fonts->Get(role);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

void DrawTextAt(ImDrawList* draw_list, FontRole role, ImVec2 position, ImU32 color, std::string_view text,
                float wrap_width) {
    if (text.empty()) return;
    ImFont* font = CurrentContext().fonts->Get(role);
    ImVec2 size = MeasureText(role, text, wrap_width);
    Audit(role, text, position, ImVec2(position.x + size.x, position.y + size.y), wrap_width);
    draw_list->AddText(font, font->FontSize, position, color, text.data(), text.data() + text.size(), wrap_width);
}

void DrawTextCentered(ImDrawList* draw_list, FontRole role, ImVec2 min, ImVec2 max, ImU32 color,
                      std::string_view text) {
    float width = max.x - min.x;
    ImVec2 size = MeasureText(role, text, width);
    if (size.x <= width) {
        // Centre each wrapped line: ImGui wraps left-aligned, so lay lines out one by one.
        ImFont* font = CurrentContext().fonts->Get(role);
        FrameRecord& record = CurrentFrameRecord();
        size_t first_line_record = record.texts.size();
        float y = min.y + (max.y - min.y - size.y) * 0.5f;
        const char* cursor = text.data();
        const char* end = text.data() + text.size();
        while (cursor < end) {
            const char* line_end = font->CalcWordWrapPositionA(1.0f, cursor, end, width);
            if (line_end == cursor) line_end = cursor + 1;
            std::string_view line(cursor, static_cast<size_t>(line_end - cursor));
            while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
            float line_width = MeasureText(role, line).x;
            DrawTextAt(draw_list, role, ImVec2(min.x + (width - line_width) * 0.5f, y), color, line);
            y += font->FontSize;
            cursor = line_end;
            while (cursor < end && (*cursor == ' ' || *cursor == '\n')) ++cursor;
        }
        // Each line was recorded on its own; a word cut in two is a fault of the whole label.
        if (record.enabled && BreaksInsideWord(font, text, width))
            for (size_t index = first_line_record; index < record.texts.size(); ++index)
                record.texts[index].breaks_inside_word = true;
    } else {
        DrawTextAt(draw_list, role, min, color, text, width);
    }
}

void Paragraph(FontRole role, ImU32 color, std::string_view text) {
    float width = ImGui::GetContentRegionAvail().x - CurrentContext().right_inset;
    ImVec2 position = ImGui::GetCursorScreenPos();
    ImVec2 size = MeasureText(role, text, width);
    DrawTextAt(ImGui::GetWindowDrawList(), role, position, color, text, width);
    ImGui::Dummy(ImVec2(width, size.y));
}

void Heading(std::string_view text) {
    Paragraph(FontRole::Heading, CurrentContext().palette.text, text);
}

}  // namespace kiosk::ui
