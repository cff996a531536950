#include "kiosk/core/bundle/base64_text.hpp"

#include <sodium.h>

#include <vector>

namespace kiosk::bundle {

std::string EncodeBase64(std::string_view bytes) {
    constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
    std::vector<char> text(sodium_base64_ENCODED_LEN(bytes.size(), kVariant));
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      kVariant);
    return std::string(text.data());
}

std::optional<std::string> DecodeBase64(std::string_view text) {
    std::string bytes(text.size(), '\0');
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    if (end != text.data() + text.size()) return std::nullopt;  // trailing characters
    bytes.resize(length);
    return bytes;
}

}  // namespace kiosk::bundle
