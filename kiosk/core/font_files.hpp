#pragma once
// Which font files to use, from fonts/fonts.json: the first existing candidate of each
// list wins, so a machine with Noto gets Noto and one with only DejaVu still works.
#include <filesystem>

#include "kiosk/core/result.hpp"

namespace kiosk {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
    std::filesystem::path fallback;  // merged in for characters the main font lacks; may be empty
};

Result<FontFiles> ResolveFontFiles(const std::filesystem::path& fonts_json);

// fonts.json of the shipped files (kiosk/core/shipped_files.hpp), or KIOSK_FONTS_JSON when set.
std::filesystem::path DefaultFontsJson();

}  // namespace kiosk
