#include "kiosk/ui/widgets/qr_code.hpp"

#include <qrencode.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

struct Matrix {
    int width = 0;
    std::vector<bool> dark;
};

// Encoding costs far more than drawing, so each text is encoded once.
const Matrix* Encode(std::string_view text) {
    static std::map<std::string, Matrix, std::less<>> cache;
    if (auto it = cache.find(text); it != cache.end()) return it->second.width ? &it->second : nullptr;
    if (cache.size() > 64) cache.clear();
    Matrix& matrix = cache[std::string(text)];
    std::string owned(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                         &QRcode_free);
    if (!code) return nullptr;
    matrix.width = code->width;
    matrix.dark.resize(static_cast<size_t>(code->width * code->width));
    for (int i = 0; i < code->width * code->width; ++i) matrix.dark[static_cast<size_t>(i)] = code->data[i] & 1;
    return &matrix;
}

}  // namespace

bool QrCode(std::string_view text, float side, std::string_view caption) {
    const Matrix* matrix = Encode(text);
    if (!matrix) return false;
    Context& context = CurrentContext();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const int quiet_zone = 4;  // modules of white around the code, as the standard asks
    float module = std::floor(side / static_cast<float>(matrix->width + 2 * quiet_zone));
    float drawn_side = module * static_cast<float>(matrix->width + 2 * quiet_zone);
    draw_list->AddRectFilled(origin, ImVec2(origin.x + drawn_side, origin.y + drawn_side), IM_COL32_WHITE);
    for (int y = 0; y < matrix->width; ++y)
        for (int x = 0; x < matrix->width; ++x)
            if (matrix->dark[static_cast<size_t>(y * matrix->width + x)]) {
                ImVec2 min(origin.x + (x + quiet_zone) * module, origin.y + (y + quiet_zone) * module);
                draw_list->AddRectFilled(min, ImVec2(min.x + module, min.y + module), IM_COL32_BLACK);
            }
    draw_list->AddRect(origin, ImVec2(origin.x + drawn_side, origin.y + drawn_side), context.palette.border, 0, 0,
                       context.metrics.Px(2));
    ImGui::Dummy(ImVec2(drawn_side, drawn_side + context.metrics.Px(8)));
    if (!caption.empty()) {
        float width = std::max(drawn_side, ImGui::GetContentRegionAvail().x);
        ImVec2 position = ImGui::GetCursorScreenPos();
        ImVec2 size = MeasureText(FontRole::Body, caption, width);
        DrawTextAt(draw_list, FontRole::Body, position, context.palette.text, caption, width);
        ImGui::Dummy(ImVec2(width, size.y));
    }
    return true;
}

}  // namespace kiosk::ui
