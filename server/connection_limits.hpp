#pragma once
// ConnectionLimits: how much of the server one client may hold, and for how long. The
// defaults are the production ones (docs/protocol.md, "Limits"); tests shorten the timeouts.
#include <chrono>
#include <cstddef>

namespace kiosk::server {

struct ConnectionLimits {
    std::size_t workers = 32;                  // connections served at once (threads)
    std::size_t connections_per_address = 8;   // of those, from one client address
    std::size_t head_bytes = 16 * 1024;        // request line and headers together
    std::size_t default_body_bytes = 1024 * 1024;  // decoded body of a route that sets no limit of its own
    std::chrono::milliseconds header_timeout{10'000};   // the head must arrive within this, from its first byte
    std::chrono::milliseconds request_timeout{60'000};  // the whole request, body included
    std::chrono::milliseconds idle_read_timeout{10'000};  // silence in the middle of a request
    std::chrono::milliseconds write_timeout{10'000};
    std::chrono::milliseconds keep_alive_timeout{5'000};  // silence between two requests
    std::size_t requests_per_connection = 100;

    // Wire bytes a body may take for a decoded limit: room for chunk framing, never unbounded.
    static std::size_t BodyWireBudget(std::size_t decoded_limit) { return decoded_limit + decoded_limit / 4 + 64 * 1024; }
};

}  // namespace kiosk::server
