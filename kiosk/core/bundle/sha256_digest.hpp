#pragma once
// Sha256Digest: the SHA-256 of bytes fed in pieces (libsodium), written as the 64
// lower-case hex digits a bundle index lists for every file.
#include <sodium.h>

#include <string>
#include <string_view>

namespace kiosk::bundle {

class Sha256Digest {
public:
    Sha256Digest();
    void Update(std::string_view bytes);
    // Finishes the digest; call once.
    std::string Hex();

    static std::string Of(std::string_view bytes);
    // True for 64 lower-case hex digits.
    static bool IsHex(std::string_view text);

private:
    crypto_hash_sha256_state state_;
};

}  // namespace kiosk::bundle
