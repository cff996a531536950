#include "kiosk/core/bundle/signing_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "kiosk/core/bundle/base64_text.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"

namespace kiosk::bundle {
namespace {

std::filesystem::path WithSuffix(const std::filesystem::path& out, const char* suffix) {
    auto file = out;
    file += suffix;
    return file;
}

}  // namespace

std::filesystem::path PublicKeyFile(const std::filesystem::path& out) { return WithSuffix(out, ".pub"); }
std::filesystem::path SecretKeyFile(const std::filesystem::path& out) { return WithSuffix(out, ".secret"); }

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

Result<SigningKey> SigningKey::Generate(std::string name) {
    static_assert(kBytes == crypto_sign_SECRETKEYBYTES);
    if (sodium_init() < 0) return Error{"libsodium could not start", "Không khởi động được thư viện mã hóa."};
    if (name.find_first_of("\r\n") != std::string::npos)
        return Error{"a key name must be one line", "Tên khóa phải nằm trên một dòng."};
    SigningKey key;
    std::array<unsigned char, PublicKey::kBytes> public_bytes{};
    crypto_sign_keypair(public_bytes.data(), key.secret_.data());
    key.public_key_ = PublicKey::FromBytes(public_bytes, std::move(name));
    return key;
}

Result<SigningKey> SigningKey::Parse(std::string_view line) {
    if (sodium_init() < 0) return Error{"libsodium could not start", "Không khởi động được thư viện mã hóa."};
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    const std::string_view prefix = kSecretKeyPrefix;
    Error not_a_key{"is not a secret key as `kiosk content keygen` writes it (NAME.secret)",
                    "không phải khóa bí mật do `kiosk content keygen` tạo (tệp NAME.secret)"};
    if (line.substr(0, prefix.size()) != prefix) return not_a_key;
    line.remove_prefix(prefix.size());
    auto space = line.find(' ');
    auto bytes = DecodeBase64(line.substr(0, space));
    if (!bytes || bytes->size() != kBytes) return not_a_key;
    SigningKey key;
    std::memcpy(key.secret_.data(), bytes->data(), kBytes);
    sodium_memzero(bytes->data(), bytes->size());
    std::array<unsigned char, PublicKey::kBytes> public_bytes{};
    crypto_sign_ed25519_sk_to_pk(public_bytes.data(), key.secret_.data());
    std::string name = space == std::string_view::npos ? std::string() : std::string(line.substr(space + 1));
    key.public_key_ = PublicKey::FromBytes(public_bytes, std::move(name));
    return key;
}

Result<SigningKey> SigningKey::Read(const std::filesystem::path& secret_file) {
    std::ifstream stream(secret_file, std::ios::binary);
    if (!stream)
        return Error{"cannot read the secret key " + secret_file.string(),
                     "Không đọc được khóa bí mật " + secret_file.string() + "."};
    std::string line;
    std::getline(stream, line);
    auto key = Parse(line);
    sodium_memzero(line.data(), line.size());
    if (!key)
        return Error{secret_file.string() + " " + key.error().message,
                     "Tệp " + secret_file.string() + " " + key.error().message_vietnamese + "."};
    return key;
}

std::string SigningKey::Sign(std::string_view message) const {
    std::string signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret_.data());
    return signature;
}

std::string SigningKey::SecretLine() const {
    std::string line = kSecretKeyPrefix +
                       EncodeBase64(std::string_view(reinterpret_cast<const char*>(secret_.data()), secret_.size()));
    if (!public_key_.name().empty()) line += " " + public_key_.name();
    return line;
}

Status SigningKey::WriteKeyFiles(const std::filesystem::path& out) const {
    auto secret_file = SecretKeyFile(out);
    auto public_file = PublicKeyFile(out);
    // O_EXCL: a second keygen never destroys the key every kiosk already trusts.
    int descriptor = ::open(secret_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (descriptor < 0) {
        int error = errno;
        if (error == EEXIST)
            return Error{secret_file.string() + " already exists; keygen never replaces a key (move it away first)",
                         "Tệp " + secret_file.string() + " đã có; không ghi đè khóa cũ."};
        return Error{"cannot create " + secret_file.string() + ": " + std::strerror(error),
                     "Không tạo được tệp " + secret_file.string() + "."};
    }
    std::string line = SecretLine() + "\n";
    bool written = ::fchmod(descriptor, 0600) == 0 && ::write(descriptor, line.data(), line.size()) ==
                                                           static_cast<ssize_t>(line.size()) && ::fsync(descriptor) == 0;
    sodium_memzero(line.data(), line.size());
    ::close(descriptor);
    if (!written) {
        ::unlink(secret_file.c_str());
        return Error{"cannot write " + secret_file.string(), "Không ghi được tệp " + secret_file.string() + "."};
    }
    if (auto status = WriteFileDurably(public_file, public_key_.Line() + "\n", ExistingFile::Replace); !status) {
        ::unlink(secret_file.c_str());
        return status;
    }
    return Success();
}

}  // namespace kiosk::bundle
