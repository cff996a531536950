#include "kiosk/core/bundle/sha256_digest.hpp"

namespace kiosk::bundle {

Sha256Digest::Sha256Digest() {
    // SHA-256 needs no sodium_init(); keys and signatures call it where they are used.
    crypto_hash_sha256_init(&state_);
}

void Sha256Digest::Update(std::string_view bytes) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Sha256Digest::Hex() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state_, digest);
    char text[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(text, sizeof text, digest, sizeof digest);
    return std::string(text);
}

std::string Sha256Digest::Of(std::string_view bytes) {
    Sha256Digest digest;
    digest.Update(bytes);
    return digest.Hex();
}

bool Sha256Digest::IsHex(std::string_view text) {
    if (text.size() != crypto_hash_sha256_BYTES * 2) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace kiosk::bundle
