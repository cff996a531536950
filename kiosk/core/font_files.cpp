#include "kiosk/core/font_files.hpp"

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/shipped_files.hpp"

namespace kiosk {

Result<FontFiles> ResolveFontFiles(const std::filesystem::path& fonts_json) {
    std::ifstream stream(fonts_json);
    if (!stream)
        return Error{"cannot read the font list " + fonts_json.string(),
                     "Không đọc được danh sách phông chữ " + fonts_json.string() + "."};
    auto document = nlohmann::json::parse(stream, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{fonts_json.string() + " is not a JSON object", "Danh sách phông chữ sai định dạng."};

    auto first_existing = [&](const char* role, bool required) -> Result<std::filesystem::path> {
        auto list = document.find(role);
        if (list == document.end() || !list->is_array()) {
            if (!required) return std::filesystem::path{};
            return Error{fonts_json.string() + ": \"" + role + "\" must be a list of font files",
                         "Danh sách phông chữ thiếu mục \"" + std::string(role) + "\"."};
        }
        for (const auto& candidate : *list) {
            if (!candidate.is_string()) continue;
            std::filesystem::path path(candidate.get<std::string>());
            if (path.is_relative()) path = fonts_json.parent_path() / path;
            std::error_code error;
            if (std::filesystem::is_regular_file(path, error)) return path;
        }
        if (!required) return std::filesystem::path{};
        return Error{std::string("no ") + role + " font found from " + fonts_json.string() +
                         " (install Debian's fonts-noto-core or fonts-dejavu-core)",
                     "Không tìm thấy phông chữ tiếng Việt. Cần cài gói fonts-noto-core."};
    };

    FontFiles files;
    auto regular = first_existing("regular", true);
    if (!regular) return regular.error();
    auto bold = first_existing("bold", true);
    if (!bold) return bold.error();
    auto fallback = first_existing("fallback", false);
    files.regular = regular.value();
    files.bold = bold.value();
    if (fallback) files.fallback = fallback.value();
    return files;
}

std::filesystem::path DefaultFontsJson() {
    if (const char* path = std::getenv("KIOSK_FONTS_JSON"); path && *path) return path;
    return ShippedFilesDirectory("fonts") / "fonts.json";
}

}  // namespace kiosk
