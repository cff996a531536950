#pragma once
// server.url, the commune server's address, read once by one rule for votes and heartbeats:
// what a valid address is, whether the token may travel over it, and how it is written in
// a log line or a status (never with a user:password@ in it).
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk {

struct ServerUrl {
    std::string scheme;  // "https" or "http"
    std::string host;    // as written: "motcua.example.gov.vn", "127.0.0.1", "[::1]"
    bool has_credentials = false;

    bool plain_http() const { return scheme == "http"; }
    // 127.0.0.1, ::1 and localhost: plain HTTP to this machine never leaves it.
    bool loopback() const;
};

// "https://host[:port][/path]" (or http). Refused, with a sentence: other schemes, no host,
// a port that is not a number in 1-65535, spaces or control characters, a query or fragment.
Result<ServerUrl> ParseServerUrl(std::string_view text);

// The url with any "user:password@" replaced by "***@", for every message that prints it.
std::string RedactUrl(std::string_view url);
// Every URL inside a sentence redacted the same way (libcurl and others may quote it).
std::string RedactUrlsIn(std::string_view text);

}  // namespace kiosk
