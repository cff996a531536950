#pragma once
// PublicKey: an ed25519 public key (libsodium) as `kiosk content keygen` writes it in
// NAME.pub and as the config's content.trusted_keys lists it — one line of text:
//
//     ed25519:<base64 of the 32 key bytes> <name>
//
// The name (the rest of the line, may be empty) is what staff read as the signer; it is
// taken from the kiosk's own config, never from a bundle, so a bundle cannot claim a name.
#include <array>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr const char* kPublicKeyPrefix = "ed25519:";

class PublicKey {
public:
    static constexpr size_t kBytes = 32;

    // One line as keygen wrote it (a trailing newline is allowed). The error's message reads
    // after the thing that held the line, e.g. "content.trusted_keys[1]" + " is not …".
    static Result<PublicKey> Parse(std::string_view line);
    static PublicKey FromBytes(const std::array<unsigned char, kBytes>& bytes, std::string name);

    const std::array<unsigned char, kBytes>& bytes() const { return bytes_; }
    const std::string& name() const { return name_; }
    // "ed25519:<base64>": how a bundle index names its signer (no name: that is the kiosk's to give).
    std::string KeyText() const;
    // "ed25519:<base64> <name>": the line of NAME.pub and of content.trusted_keys.
    std::string Line() const;
    // "name (ed25519:AbCdEfGh…)", or just the short key when there is no name.
    std::string DisplayName() const;
    bool SameKey(const PublicKey& other) const { return bytes_ == other.bytes_; }

    // True when signature is a valid detached ed25519 signature of message by this key.
    bool Verifies(std::string_view message, std::string_view signature) const;

private:
    std::array<unsigned char, kBytes> bytes_{};
    std::string name_;
};

}  // namespace kiosk::bundle
