#pragma once
// RequestAdmission: what the server decides from a request's head alone, before it reads
// a byte of the body (issue 13 items 10 and 13). cpp-httplib reads the whole body into
// memory before any handler runs, chunked bodies without a limit; here, once the headers
// are in:
//   - the framing must be unambiguous: Content-Length only digits, repeated only with the
//     same value; Transfer-Encoding only "chunked", never together with Content-Length;
//     no body on GET/HEAD/OPTIONS; POST/PUT/PATCH say their length one way or the other;
//     header names are HTTP tokens and every head line ends in CRLF. Anything else is
//     what a proxy in front could read differently (request smuggling): 400 (411, 501).
//   - the route's own check runs (a kiosk token, the staff password): 401 at once;
//   - a declared length over the route's limit: 413 at once.
// An answer given before the body was read closes the connection after it.
#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/connection_limits.hpp"

namespace kiosk::server {

// Fills the response (a 401) and returns false when the request may not go on.
using Authenticator = std::function<bool(const httplib::Request&, httplib::Response&)>;

struct RouteRule {
    std::string method;  // "GET", "POST", ...
    std::string path;    // exact
    std::size_t max_body_bytes = 0;  // decoded; 0: the default limit
    Authenticator authenticate;      // empty: open
};

class RequestAdmission {
public:
    explicit RequestAdmission(const ConnectionLimits& limits) : limits_(limits) {}

    void Add(RouteRule rule);
    // Installs the pre-routing check, the Expect: 100-continue answer, the JSON error
    // handler (with the connection layer's reasons) and the exception handler.
    void Install(httplib::Server& server);

    // The limit for a request's body on its route.
    std::size_t BodyLimit(const httplib::Request& request) const;

private:
    // True when the response has been filled with a refusal.
    bool Refuse(const httplib::Request& request, httplib::Response& response) const;
    const RouteRule* Find(const httplib::Request& request) const;

    ConnectionLimits limits_;
    std::vector<RouteRule> rules_;
};

// Reads the body through cpp-httplib's content reader, never keeping more than
// `max_bytes`; on failure fills the response (413, 408 or 400) and returns nothing.
std::optional<std::string> ReadBody(const httplib::ContentReader& reader, std::size_t max_bytes,
                                    httplib::Response& response);

}  // namespace kiosk::server
