#pragma once
// StaffPassword: the optional password in front of the staff pages (/report, /report.csv,
// /fleet, /api/v1/fleet, /api/v1/votes/summary) for a server reachable from beyond the
// commune LAN. `--staff-password-file FILE` holds one line, a libsodium password hash
// (Argon2id, crypto_pwhash_str) made by `kiosk-server hash-password`; the password itself
// is stored nowhere. A browser asks for it by HTTP basic auth (any user name).
//
// Each check of a password costs Argon2id's 64 MiB and ~0.1 s, on purpose: checks run one
// at a time (a flood of guesses cannot take the server's memory), and a browser's
// repeated header, once accepted, is remembered by its SHA-256 for ten minutes so that
// reading the pages costs one check, not one per request.
#include <chrono>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include <httplib.h>

#include "kiosk/core/result.hpp"
#include "server/request_admission.hpp"

namespace kiosk::server {

class StaffPassword {
public:
    // The file's first line must be a password hash; anything else is refused with a sentence.
    static Result<std::shared_ptr<StaffPassword>> Load(const std::filesystem::path& file);
    static Result<std::shared_ptr<StaffPassword>> FromHash(std::string hash);

    // True when the request carries the password; otherwise fills a 401 that asks for it.
    bool Admit(const httplib::Request& request, httplib::Response& response);
private:
    explicit StaffPassword(std::string hash) : hash_(std::move(hash)) {}
    bool Matches(const std::string& authorization);

    std::string hash_;
    std::mutex checking_;  // one Argon2id check at a time
    struct Remembered {
        std::string digest;
        std::chrono::steady_clock::time_point until;
    };
    std::deque<Remembered> remembered_;  // accepted headers, newest last (a few)
};

// The Authenticator the routes take; an empty one (open pages) without a password.
Authenticator StaffAuthenticator(std::shared_ptr<StaffPassword> password);

// The hash for a password, for `kiosk-server hash-password`. At least 10 characters.
Result<std::string> HashStaffPassword(const std::string& password);

}  // namespace kiosk::server
