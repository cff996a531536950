#include "kiosk/core/server_url.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace kiosk {
namespace {

bool IsLowerCaseEqual(std::string_view text, std::string_view lower) {
    return text.size() == lower.size() &&
           std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

// Where the authority (after "scheme://") ends.
std::size_t AuthorityEnd(std::string_view text, std::size_t from) {
    std::size_t end = text.find_first_of("/?#", from);
    return end == std::string_view::npos ? text.size() : end;
}

}  // namespace

bool ServerUrl::loopback() const {
    return IsLowerCaseEqual(host, "localhost") || host == "[::1]" || host.rfind("127.", 0) == 0;
}

Result<ServerUrl> ParseServerUrl(std::string_view text) {
    auto refuse = [&](const std::string& why) -> Error {
        return Error{"\"server.url\" " + why + ", found \"" + RedactUrl(text) + "\"",
                     "Cấu hình sai: địa chỉ máy chủ \"server.url\" không hợp lệ."};
    };
    for (unsigned char character : text)
        if (character <= ' ' || character == 0x7F) return refuse("must not contain spaces or control characters");
    auto separator = text.find("://");
    if (separator == std::string_view::npos) return refuse("must start with https:// (or http://)");
    ServerUrl url;
    std::string scheme(text.substr(0, separator));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme != "https" && scheme != "http") return refuse("must start with https:// (or http://)");
    url.scheme = scheme;
    std::size_t authority_start = separator + 3;
    std::size_t authority_end = AuthorityEnd(text, authority_start);
    std::string_view authority = text.substr(authority_start, authority_end - authority_start);
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        url.has_credentials = true;
        authority = authority.substr(at + 1);
    }
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
        auto close = host.find(']');
        if (close == std::string_view::npos) return refuse("has an IPv6 address without its closing \"]\"");
        port = host.substr(close + 1);
        host = host.substr(0, close + 1);
        if (!port.empty() && port.front() != ':') return refuse("has text after the IPv6 address");
        if (!port.empty()) port.remove_prefix(1);
    } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (port.empty()) return refuse("has a \":\" without a port number after it");
    }
    if (host.empty()) return refuse("names no server (nothing between :// and the path)");
    if (!port.empty()) {
        if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535)
            return refuse("has a port that is not a number from 1 to 65535");
    }
    if (text.find_first_of("?#", authority_end) != std::string_view::npos)
        return refuse("must not have a query (?) or fragment (#): the kiosk adds /api/v1/... itself");
    url.host = std::string(host);
    return url;
}

std::string RedactUrl(std::string_view url) { return RedactUrlsIn(url); }

std::string RedactUrlsIn(std::string_view text) {
    std::string out;
    std::size_t position = 0;
    while (true) {
        auto separator = text.find("://", position);
        if (separator == std::string_view::npos) break;
        std::size_t authority_start = separator + 3;
        std::size_t authority_end = text.find_first_of("/?# \t\r\n\"'", authority_start);
        if (authority_end == std::string_view::npos) authority_end = text.size();
        std::string_view authority = text.substr(authority_start, authority_end - authority_start);
        out.append(text.substr(position, authority_start - position));
        if (auto at = authority.rfind('@'); at != std::string_view::npos) {
            out += "***@";
            out.append(authority.substr(at + 1));
        } else {
            out.append(authority);
        }
        position = authority_end;
    }
    out.append(text.substr(position));
    return out;
}

}  // namespace kiosk
