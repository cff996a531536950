#pragma once
// Base64 (the standard alphabet, with padding) through libsodium: keys and signatures are
// written as text so they can be pasted into a JSON config and carried in a zip.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::bundle {

std::string EncodeBase64(std::string_view bytes);
// nullopt when the text is not base64 (whitespace is not accepted either).
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace kiosk::bundle
