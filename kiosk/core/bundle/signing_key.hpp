#pragma once
// SigningKey: the secret half of an ed25519 key pair (libsodium), which signs bundle
// indexes. `kiosk content keygen --out NAME` writes NAME.secret (mode 0600, one line
// "ed25519-secret:<base64 of libsodium's 64-byte secret key> <name>") and NAME.pub (the
// PublicKey line to paste into content.trusted_keys). The secret stays with whoever packs
// bundles; a kiosk never needs it.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "kiosk/core/bundle/public_key.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

inline constexpr const char* kSecretKeyPrefix = "ed25519-secret:";

class SigningKey {
public:
    static constexpr size_t kBytes = 64;

    // A fresh random key pair; name is what NAME.pub will call it (e.g. "so-tttt-hung-yen").
    static Result<SigningKey> Generate(std::string name);
    static Result<SigningKey> Parse(std::string_view line);
    static Result<SigningKey> Read(const std::filesystem::path& secret_file);

    SigningKey(const SigningKey&) = default;
    SigningKey& operator=(const SigningKey&) = default;
    ~SigningKey();

    const PublicKey& public_key() const { return public_key_; }
    // The detached 64-byte ed25519 signature of message.
    std::string Sign(std::string_view message) const;
    std::string SecretLine() const;

    // Writes <out>.secret (0600, never over an existing file) and <out>.pub.
    Status WriteKeyFiles(const std::filesystem::path& out) const;

private:
    SigningKey() = default;
    std::array<unsigned char, kBytes> secret_{};
    PublicKey public_key_;
};

// NAME.pub / NAME.secret for the --out NAME of keygen.
std::filesystem::path PublicKeyFile(const std::filesystem::path& out);
std::filesystem::path SecretKeyFile(const std::filesystem::path& out);

}  // namespace kiosk::bundle
