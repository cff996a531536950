#include "server/staff_password.hpp"

#include <sodium.h>

#include <fstream>

#include "kiosk/core/bundle/base64_text.hpp"

namespace kiosk::server {
namespace {

constexpr std::size_t kMinimumPasswordLength = 10;
constexpr std::size_t kRememberedHeaders = 8;
constexpr auto kRememberFor = std::chrono::minutes(10);

bool IsPasswordHash(const std::string& hash) {
    if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

std::string Digest(const std::string& text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

constexpr const char* kAskPage =
    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cần mật khẩu cán bộ</title></head><body>"
    "<h1>Cần mật khẩu cán bộ</h1><p>Trang này dành cho cán bộ xã. Hãy nhập mật khẩu cán bộ mà bộ phận công nghệ "
    "thông tin của xã đã cấp (tên đăng nhập tùy ý).</p></body></html>\n";

}  // namespace

Result<std::shared_ptr<StaffPassword>> StaffPassword::Load(const std::filesystem::path& file) {
    std::ifstream stream(file);
    if (!stream) return Error{"cannot read the staff password file " + file.string()};
    std::string line;
    std::getline(stream, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\n')) line.pop_back();
    auto loaded = FromHash(line);
    if (!loaded) return Error{file.string() + ": " + loaded.error().message};
    return loaded;
}

Result<std::shared_ptr<StaffPassword>> StaffPassword::FromHash(std::string hash) {
    if (!IsPasswordHash(hash))
        return Error{"the first line is not a password hash (make one with: kiosk-server hash-password > FILE)"};
    return std::shared_ptr<StaffPassword>(new StaffPassword(std::move(hash)));
}

bool StaffPassword::Matches(const std::string& authorization) {
    const std::string prefix = "Basic ";
    if (authorization.size() <= prefix.size() || authorization.compare(0, prefix.size(), prefix) != 0) return false;
    std::string digest = Digest(authorization);
    std::lock_guard lock(checking_);
    auto now = std::chrono::steady_clock::now();
    while (!remembered_.empty() && remembered_.front().until < now) remembered_.pop_front();
    for (const auto& entry : remembered_)
        if (sodium_memcmp(entry.digest.data(), digest.data(), digest.size()) == 0) return true;

    auto decoded = bundle::DecodeBase64(std::string_view(authorization).substr(prefix.size()));
    if (!decoded) return false;
    auto colon = decoded->find(':');
    if (colon == std::string::npos) return false;
    std::string password = decoded->substr(colon + 1);
    bool matches = crypto_pwhash_str_verify(hash_.c_str(), password.data(), password.size()) == 0;
    sodium_memzero(password.data(), password.size());
    sodium_memzero(decoded->data(), decoded->size());
    if (!matches) return false;
    if (remembered_.size() >= kRememberedHeaders) remembered_.pop_front();
    remembered_.push_back({digest, now + kRememberFor});
    return true;
}

bool StaffPassword::Admit(const httplib::Request& request, httplib::Response& response) {
    if (Matches(request.get_header_value("Authorization"))) return true;
    response.status = 401;
    response.set_header("WWW-Authenticate", "Basic realm=\"kiosk-server: trang cho can bo\", charset=\"UTF-8\"");
    response.set_content(kAskPage, "text/html; charset=utf-8");
    return false;
}

Authenticator StaffAuthenticator(std::shared_ptr<StaffPassword> password) {
    if (!password) return {};
    return [password](const httplib::Request& request, httplib::Response& response) {
        return password->Admit(request, response);
    };
}

Result<std::string> HashStaffPassword(const std::string& password) {
    if (password.size() < kMinimumPasswordLength)
        return Error{"the staff password must have at least " + std::to_string(kMinimumPasswordLength) +
                     " characters, found " + std::to_string(password.size())};
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"hashing the password ran out of memory (it needs 64 MiB)"};
    return std::string(hash);
}

}  // namespace kiosk::server
