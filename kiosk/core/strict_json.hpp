#pragma once
// JSON as people and tools write it by mistake, refused with a sentence instead of read
// silently wrong. nlohmann's parser alone stops at a NUL byte as if the text ended there
// (a damaged procedures.jsonl line then hides the rest of itself) and keeps the last of
// two equal keys in an object without a word. Content files and the config are read here.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/result.hpp"

namespace kiosk {

// The document, or an English sentence (no file name: the caller adds it):
// "contains a NUL byte at byte 17", "is not valid JSON (near byte 40: ...)",
// "repeats the key \"name\" in one object (at commune)".
Result<nlohmann::json> ParseStrictJson(std::string_view text, bool allow_comments = false);

}  // namespace kiosk
