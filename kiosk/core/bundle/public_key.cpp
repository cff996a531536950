#include "kiosk/core/bundle/public_key.hpp"

#include <sodium.h>

#include <cstring>

#include "kiosk/core/bundle/base64_text.hpp"

namespace kiosk::bundle {
namespace {

std::string_view TrimLine(std::string_view line) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    return line;
}

}  // namespace

Result<PublicKey> PublicKey::Parse(std::string_view line) {
    static_assert(kBytes == crypto_sign_PUBLICKEYBYTES);
    line = TrimLine(line);
    const std::string_view prefix = kPublicKeyPrefix;
    if (line.substr(0, prefix.size()) != prefix)
        return Error{"is not a public key as `kiosk content keygen` writes it (it must start with \"ed25519:\")",
                     "không phải khóa công khai do `kiosk content keygen` tạo (phải bắt đầu bằng \"ed25519:\")"};
    line.remove_prefix(prefix.size());
    auto space = line.find(' ');
    std::string_view key_text = line.substr(0, space);
    std::string name = space == std::string_view::npos ? std::string() : std::string(TrimLine(line.substr(space + 1)));
    auto bytes = DecodeBase64(key_text);
    if (!bytes || bytes->size() != kBytes)
        return Error{"is not a public key as `kiosk content keygen` writes it (after \"ed25519:\" must come the base64 of "
                     "32 bytes)",
                     "không phải khóa công khai do `kiosk content keygen` tạo (sau \"ed25519:\" phải là 32 byte mã base64)"};
    PublicKey key;
    std::memcpy(key.bytes_.data(), bytes->data(), kBytes);
    key.name_ = std::move(name);
    return key;
}

PublicKey PublicKey::FromBytes(const std::array<unsigned char, kBytes>& bytes, std::string name) {
    PublicKey key;
    key.bytes_ = bytes;
    key.name_ = std::move(name);
    return key;
}

std::string PublicKey::KeyText() const {
    return kPublicKeyPrefix + EncodeBase64(std::string_view(reinterpret_cast<const char*>(bytes_.data()), kBytes));
}

std::string PublicKey::Line() const { return name_.empty() ? KeyText() : KeyText() + " " + name_; }

std::string PublicKey::DisplayName() const {
    std::string short_key = KeyText().substr(0, std::string_view(kPublicKeyPrefix).size() + 8) + "…";
    return name_.empty() ? short_key : name_ + " (" + short_key + ")";
}

bool PublicKey::Verifies(std::string_view message, std::string_view signature) const {
    if (sodium_init() < 0) return false;
    if (signature.size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                       bytes_.data()) == 0;
}

}  // namespace kiosk::bundle
