#include "kiosk/ui/screens/guide_pictures.hpp"

#include <imgui_internal.h>  // IM_PI

#include <algorithm>
#include <cctype>
#include <string>

#include "kiosk/core/text.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/icons.hpp"
#include "kiosk/ui/widgets/shapes.hpp"

namespace kiosk::ui {
namespace {

struct NamedPicture {
    std::string_view name;
    GuidePicture picture;
};

constexpr NamedPicture kNames[] = {
    {"counter", GuidePicture::Counter},       {"phone-app", GuidePicture::PhoneApp},
    {"phone-code", GuidePicture::PhoneCode},  {"phone-lock", GuidePicture::PhoneLock},
    {"phone-check", GuidePicture::PhoneCheck}, {"browser", GuidePicture::Browser},
    {"search", GuidePicture::Search},         {"place", GuidePicture::Place},
    {"form", GuidePicture::Form},             {"attach", GuidePicture::Attach},
    {"submit", GuidePicture::Submit},         {"pay", GuidePicture::Pay},
    {"receipt", GuidePicture::Receipt},       {"track", GuidePicture::Track},
    {"post", GuidePicture::Post},             {"call", GuidePicture::Call},
    {"download", GuidePicture::Download},
};

// Folded phrases (whole words) and the picture they suggest, most specific first: a step
// titled "Xác nhận trên ứng dụng ngân hàng" is about confirming, not about paying.
constexpr NamedPicture kPhrases[] = {
    {"buu dien", GuidePicture::Post},          {"buu chinh", GuidePicture::Post},
    {"cach nhan", GuidePicture::Post},         {"bien lai", GuidePicture::Receipt},
    {"ket qua dien tu", GuidePicture::Download}, {"xac nhan", GuidePicture::PhoneCheck},
    {"kiem tra", GuidePicture::PhoneCheck},    {"xac thuc", GuidePicture::PhoneCheck},
    {"thanh toan", GuidePicture::Pay},         {"le phi", GuidePicture::Pay},
    {"mat khau", GuidePicture::PhoneLock},     {"ma kich hoat", GuidePicture::PhoneCode},
    {"otp", GuidePicture::PhoneCode},          {"ung dung", GuidePicture::PhoneApp},
    {"cong an", GuidePicture::Counter},        {"mot cua", GuidePicture::Counter},
    {"tra cuu", GuidePicture::Track},          {"theo doi", GuidePicture::Track},
    {"tim", GuidePicture::Search},             {"noi giai quyet", GuidePicture::Place},
    {"to khai", GuidePicture::Form},           {"dinh kem", GuidePicture::Attach},
    {"bo sung", GuidePicture::Attach},         {"nop", GuidePicture::Submit},
    {"hoi", GuidePicture::Call},               {"goi", GuidePicture::Call},
    {"dang nhap", GuidePicture::Browser},      {"cong dich vu cong", GuidePicture::Browser},
    {"tai khoan", GuidePicture::Browser},
};

// " dang ky tai cong an xa " : folded, punctuation turned into spaces, padded so that
// a phrase can be matched as whole words.
std::string WordsOf(std::string_view text) {
    std::string folded = text::Fold(text);
    for (char& character : folded)
        if (!std::isalnum(static_cast<unsigned char>(character))) character = ' ';
    return " " + folded + " ";
}

std::optional<GuidePicture> Suggest(std::string_view text) {
    std::string words = WordsOf(text);
    for (const auto& phrase : kPhrases)
        if (words.find(" " + std::string(phrase.name) + " ") != std::string::npos) return phrase.picture;
    return std::nullopt;
}

// Drawing in a square of half-side `unit` around `center`; x and y run from -1 to 1.
struct Canvas {
    ImDrawList* draw_list;
    ImVec2 center;
    float unit;
    const Palette& palette;

    ImVec2 P(float x, float y) const { return ImVec2(center.x + x * unit, center.y + y * unit); }
    float L(float length) const { return length * unit; }
    float Line() const { return std::max(2.0f, unit * 0.045f); }

    void Box(float x0, float y0, float x1, float y1, ImU32 fill, ImU32 outline, float rounding = 0.06f) const {
        FillRoundedRect(draw_list, P(x0, y0), P(x1, y1), fill, L(rounding));
        draw_list->AddRect(P(x0, y0), P(x1, y1), outline, L(rounding), 0, Line());
    }
    void Bar(float x0, float y, float x1, ImU32 color, float thickness = 0.07f) const {
        FillRoundedRect(draw_list, P(x0, y - thickness / 2), P(x1, y + thickness / 2), color, L(thickness / 2));
    }
    void Tick(float x, float y, float size, ImU32 color) const {
        draw_list->AddLine(P(x - size * 0.5f, y), P(x - size * 0.15f, y + size * 0.35f), color, Line() * 1.6f);
        draw_list->AddLine(P(x - size * 0.15f, y + size * 0.35f), P(x + size * 0.55f, y - size * 0.4f), color,
                           Line() * 1.6f);
    }
    // A smartphone centred at x; returns nothing, its screen spans x±0.38, y -0.68…0.62.
    void Phone(float x) const {
        Box(x - 0.48f, -0.92f, x + 0.48f, 0.92f, palette.text, palette.text, 0.12f);
        FillRoundedRect(draw_list, P(x - 0.4f, -0.76f), P(x + 0.4f, 0.68f), palette.surface, L(0.04f));
        draw_list->AddCircleFilled(P(x, 0.8f), L(0.05f), palette.surface);
    }
    void Paper(float x0, float y0, float x1, float y1, int lines) const {
        Box(x0, y0, x1, y1, palette.surface, palette.text, 0.04f);
        float step = (y1 - y0 - 0.3f) / static_cast<float>(std::max(1, lines));
        for (int line = 0; line < lines; ++line)
            Bar(x0 + 0.15f, y0 + 0.2f + step * static_cast<float>(line), x1 - 0.15f - (line % 2) * 0.2f,
                palette.border, 0.05f);
    }
};

void DrawPicture(const Canvas& c, GuidePicture picture) {
    const Palette& palette = c.palette;
    ImDrawList* draw_list = c.draw_list;
    switch (picture) {
        case GuidePicture::Counter:
            // A clerk behind the desk, a citizen's card on it.
            draw_list->AddCircleFilled(c.P(0, -0.55f), c.L(0.22f), palette.accent);
            FillRoundedRect(draw_list, c.P(-0.42f, -0.3f), c.P(0.42f, 0.2f), palette.accent, c.L(0.2f));
            c.Box(-0.95f, 0.1f, 0.95f, 0.85f, palette.surface, palette.text, 0.04f);
            c.Box(0.2f, -0.02f, 0.75f, 0.28f, palette.accent_soft, palette.text, 0.04f);
            draw_list->AddCircleFilled(c.P(0.33f, 0.13f), c.L(0.07f), palette.accent);
            break;
        case GuidePicture::PhoneApp:
            c.Phone(0);
            for (int row = 0; row < 3; ++row)
                for (int column = 0; column < 3; ++column) {
                    float x = -0.27f + 0.27f * static_cast<float>(column), y = -0.5f + 0.3f * static_cast<float>(row);
                    bool chosen = row == 1 && column == 1;
                    FillRoundedRect(c.draw_list, c.P(x - 0.1f, y - 0.1f), c.P(x + 0.1f, y + 0.1f),
                                    chosen ? palette.warning : palette.accent_soft, c.L(0.04f));
                }
            draw_list->AddCircle(c.P(0, -0.2f), c.L(0.17f), palette.accent, 32, c.Line());
            c.Bar(-0.25f, 0.4f, 0.25f, palette.accent, 0.1f);
            break;
        case GuidePicture::PhoneCode:
            c.Phone(0);
            c.Box(-0.33f, -0.6f, 0.33f, -0.1f, palette.accent_soft, palette.accent, 0.06f);
            for (int digit = 0; digit < 6; ++digit)
                draw_list->AddCircleFilled(c.P(-0.25f + 0.1f * static_cast<float>(digit), -0.35f), c.L(0.035f),
                                           palette.text);
            for (int box = 0; box < 3; ++box) {
                float x = -0.24f + 0.24f * static_cast<float>(box);
                c.Box(x - 0.09f, 0.1f, x + 0.09f, 0.34f, palette.surface, palette.accent, 0.02f);
            }
            break;
        case GuidePicture::PhoneLock:
            c.Phone(0);
            draw_list->PathArcTo(c.P(0, -0.3f), c.L(0.15f), IM_PI, 2 * IM_PI, 16);
            draw_list->PathStroke(palette.accent, 0, c.Line() * 1.5f);
            c.Box(-0.24f, -0.3f, 0.24f, 0.05f, palette.accent, palette.accent, 0.05f);
            draw_list->AddCircleFilled(c.P(0, -0.15f), c.L(0.05f), palette.surface);
            for (int dot = 0; dot < 6; ++dot)
                draw_list->AddCircleFilled(c.P(-0.25f + 0.1f * static_cast<float>(dot), 0.3f), c.L(0.035f), palette.text);
            break;
        case GuidePicture::PhoneCheck:
            c.Phone(0);
            draw_list->AddCircleFilled(c.P(0, -0.1f), c.L(0.3f), palette.success);
            c.Tick(0, -0.1f, 0.32f, palette.surface);
            c.Bar(-0.25f, 0.42f, 0.25f, palette.border, 0.06f);
            break;
        case GuidePicture::Browser:
            c.Box(-0.95f, -0.8f, 0.95f, 0.75f, palette.surface, palette.text, 0.06f);
            FillRoundedRect(draw_list, c.P(-0.95f, -0.8f), c.P(0.95f, -0.55f), palette.accent, c.L(0.06f));
            c.Box(-0.6f, -0.74f, 0.6f, -0.61f, palette.surface, palette.surface, 0.06f);
            c.Box(-0.55f, -0.35f, 0.55f, -0.15f, palette.surface, palette.border, 0.03f);
            c.Box(-0.55f, -0.05f, 0.55f, 0.15f, palette.surface, palette.border, 0.03f);
            c.Box(-0.4f, 0.3f, 0.4f, 0.55f, palette.warning, palette.warning, 0.06f);
            c.Bar(-0.2f, 0.425f, 0.2f, palette.on_accent, 0.06f);
            break;
        case GuidePicture::Search:
            c.Paper(-0.85f, -0.85f, 0.45f, 0.85f, 6);
            draw_list->AddCircleFilled(c.P(0.25f, 0.05f), c.L(0.36f), IM_COL32(255, 255, 255, 200));
            draw_list->AddCircle(c.P(0.25f, 0.05f), c.L(0.36f), palette.accent, 40, c.Line() * 2);
            draw_list->AddLine(c.P(0.52f, 0.32f), c.P(0.9f, 0.72f), palette.accent, c.Line() * 3);
            break;
        case GuidePicture::Place:
            c.Box(-0.95f, -0.55f, 0.95f, 0.85f, palette.accent_soft, palette.border, 0.05f);
            for (float x : {-0.45f, 0.2f, 0.6f}) draw_list->AddLine(c.P(x, -0.55f), c.P(x - 0.25f, 0.85f), palette.surface, c.Line() * 2);
            draw_list->AddLine(c.P(-0.95f, 0.3f), c.P(0.95f, 0.05f), palette.surface, c.Line() * 2);
            draw_list->AddCircleFilled(c.P(0, -0.45f), c.L(0.3f), palette.warning);
            draw_list->AddTriangleFilled(c.P(-0.26f, -0.3f), c.P(0.26f, -0.3f), c.P(0, 0.3f), palette.warning);
            draw_list->AddCircleFilled(c.P(0, -0.45f), c.L(0.11f), palette.surface);
            break;
        case GuidePicture::Form:
            c.Paper(-0.7f, -0.9f, 0.5f, 0.9f, 0);
            for (int row = 0; row < 4; ++row) {
                float y = -0.6f + 0.38f * static_cast<float>(row);
                c.Bar(-0.55f, y - 0.06f, -0.15f, palette.border, 0.05f);
                c.Box(-0.55f, y, 0.35f, y + 0.16f, palette.accent_soft, palette.border, 0.02f);
            }
            draw_list->AddLine(c.P(0.35f, 0.55f), c.P(0.9f, -0.3f), palette.accent, c.Line() * 3);
            draw_list->AddTriangleFilled(c.P(0.3f, 0.68f), c.P(0.28f, 0.5f), c.P(0.42f, 0.58f), palette.text);
            break;
        case GuidePicture::Attach:
            c.Paper(-0.6f, -0.8f, 0.6f, 0.9f, 6);
            draw_list->PathArcTo(c.P(0.35f, -0.65f), c.L(0.12f), IM_PI, 2 * IM_PI, 12);
            draw_list->PathLineTo(c.P(0.47f, -0.1f));
            draw_list->PathArcTo(c.P(0.35f, -0.1f), c.L(0.12f), 0, IM_PI, 12);
            draw_list->PathLineTo(c.P(0.23f, -0.55f));
            draw_list->PathStroke(palette.accent, 0, c.Line() * 1.6f);
            break;
        case GuidePicture::Submit:
            c.Paper(-0.85f, -0.55f, 0.1f, 0.9f, 5);
            draw_list->AddRectFilled(c.P(0.5f, -0.2f), c.P(0.7f, 0.55f), palette.accent);
            draw_list->AddTriangleFilled(c.P(0.3f, -0.2f), c.P(0.9f, -0.2f), c.P(0.6f, -0.75f), palette.accent);
            c.Box(0.25f, 0.62f, 0.95f, 0.9f, palette.accent_soft, palette.accent, 0.05f);
            for (int digit = 0; digit < 5; ++digit)
                draw_list->AddCircleFilled(c.P(0.36f + 0.12f * static_cast<float>(digit), 0.76f), c.L(0.03f), palette.text);
            break;
        case GuidePicture::Pay:
            c.Box(-0.95f, -0.6f, 0.55f, 0.35f, palette.accent, palette.accent, 0.08f);
            draw_list->AddRectFilled(c.P(-0.95f, -0.4f), c.P(0.55f, -0.22f), palette.text);
            c.Box(-0.8f, 0.02f, -0.45f, 0.2f, palette.accent_soft, palette.accent_soft, 0.03f);
            for (int coin = 0; coin < 3; ++coin) {
                ImVec2 center = c.P(0.6f, 0.72f - 0.16f * static_cast<float>(coin));
                draw_list->AddCircleFilled(center, c.L(0.28f), palette.success);
                draw_list->AddCircle(center, c.L(0.28f), palette.surface, 32, c.Line());
            }
            break;
        case GuidePicture::Receipt: {
            float left = -0.55f, right = 0.55f, top = -0.9f, bottom = 0.75f;
            draw_list->AddRectFilled(c.P(left, top), c.P(right, bottom), palette.surface);
            for (int tooth = 0; tooth < 6; ++tooth) {
                float x = left + (right - left) * static_cast<float>(tooth) / 6.0f;
                draw_list->AddTriangleFilled(c.P(x, bottom), c.P(x + (right - left) / 6.0f, bottom),
                                             c.P(x + (right - left) / 12.0f, bottom + 0.15f), palette.surface);
            }
            draw_list->AddRect(c.P(left, top), c.P(right, bottom), palette.text, 0, 0, c.Line());
            for (int line = 0; line < 4; ++line) c.Bar(left + 0.15f, top + 0.25f + 0.2f * line, right - 0.15f, palette.border, 0.05f);
            draw_list->AddCircleFilled(c.P(0.55f, 0.5f), c.L(0.3f), palette.success);
            c.Tick(0.55f, 0.5f, 0.32f, palette.surface);
            break;
        }
        case GuidePicture::Track:
            c.Paper(-0.75f, -0.9f, 0.75f, 0.9f, 0);
            draw_list->AddLine(c.P(-0.35f, -0.6f), c.P(-0.35f, 0.6f), palette.border, c.Line() * 2);
            for (int stage = 0; stage < 4; ++stage) {
                float y = -0.6f + 0.4f * static_cast<float>(stage);
                bool done = stage < 2;
                draw_list->AddCircleFilled(c.P(-0.35f, y), c.L(0.12f), done ? palette.success : palette.surface);
                draw_list->AddCircle(c.P(-0.35f, y), c.L(0.12f), done ? palette.success : palette.border, 24, c.Line());
                c.Bar(-0.1f, y, 0.5f - 0.15f * static_cast<float>(stage % 2), done ? palette.text : palette.border, 0.07f);
            }
            break;
        case GuidePicture::Post:
            c.Box(-0.95f, -0.6f, 0.25f, 0.2f, palette.surface, palette.text, 0.04f);
            draw_list->AddLine(c.P(-0.95f, -0.6f), c.P(-0.35f, -0.15f), palette.text, c.Line());
            draw_list->AddLine(c.P(0.25f, -0.6f), c.P(-0.35f, -0.15f), palette.text, c.Line());
            draw_list->AddRectFilled(c.P(0.05f, -0.55f), c.P(0.2f, -0.38f), palette.warning);
            draw_list->AddTriangleFilled(c.P(0.35f, 0.3f), c.P(0.95f, 0.3f), c.P(0.65f, -0.05f), palette.accent);
            draw_list->AddRectFilled(c.P(0.42f, 0.3f), c.P(0.88f, 0.8f), palette.accent);
            draw_list->AddRectFilled(c.P(0.58f, 0.52f), c.P(0.72f, 0.8f), palette.surface);
            for (float x : {-0.6f, -0.35f, -0.1f, 0.15f}) c.Bar(x, 0.55f, x + 0.12f, palette.border, 0.05f);
            break;
        case GuidePicture::Call:
            DrawIcon(draw_list, Icon::Phone, c.P(-0.3f, 0.3f), c.L(1.1f), palette.accent);
            c.Box(0.05f, -0.9f, 0.95f, -0.3f, palette.accent_soft, palette.accent, 0.2f);
            draw_list->AddTriangleFilled(c.P(0.2f, -0.32f), c.P(0.4f, -0.32f), c.P(0.12f, -0.12f), palette.accent);
            for (int dot = 0; dot < 3; ++dot)
                draw_list->AddCircleFilled(c.P(0.3f + 0.2f * static_cast<float>(dot), -0.6f), c.L(0.05f), palette.accent);
            break;
        case GuidePicture::Download:
            c.Phone(-0.35f);
            c.Paper(-0.65f, -0.2f, -0.05f, 0.55f, 3);
            draw_list->AddRectFilled(c.P(0.45f, -0.85f), c.P(0.65f, -0.25f), palette.success);
            draw_list->AddTriangleFilled(c.P(0.3f, -0.3f), c.P(0.8f, -0.3f), c.P(0.55f, 0.1f), palette.success);
            c.Bar(0.25f, 0.3f, 0.85f, palette.success, 0.1f);
            break;
    }
}

}  // namespace

std::optional<GuidePicture> GuidePictureFromName(std::string_view name) {
    for (const auto& entry : kNames)
        if (entry.name == name) return entry.picture;
    return std::nullopt;
}

std::optional<GuidePicture> PictureForStep(const content::GuideStep& step) {
    constexpr std::string_view kDrawn = "drawn:";
    if (step.picture.starts_with(kDrawn)) {
        if (auto named = GuidePictureFromName(std::string_view(step.picture).substr(kDrawn.size()))) return named;
    }
    // A picture file would need a texture from the platform layer; until one exists the
    // step shows the drawing its words suggest rather than nothing.
    if (auto from_title = Suggest(step.title)) return from_title;
    return Suggest(step.text);
}

void DrawGuidePicture(ImDrawList* draw_list, GuidePicture picture, ImVec2 min, ImVec2 max) {
    const Palette& palette = CurrentContext().palette;
    FillRoundedRect(draw_list, min, max, palette.accent_soft, CurrentContext().metrics.rounding);
    float unit = std::min(max.x - min.x, max.y - min.y) * 0.5f * 0.82f;
    Canvas canvas{draw_list, ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f), unit, palette};
    DrawPicture(canvas, picture);
}

}  // namespace kiosk::ui
