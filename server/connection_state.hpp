#pragma once
// ConnectionState: what the guarded connection layer learnt about the request being
// served on this thread, and what the request's handlers decided about the connection.
// cpp-httplib gives handlers no access to the socket, so the two sides meet here: the
// stream records why it stopped reading (head too slow, too large, body over budget),
// the admission checks record that they answered before reading the body (so the
// connection must close, never be reused with a body still in it), and the error
// handler turns the stream's reasons into the right status and sentence.
#include <cstddef>

namespace kiosk::server {

struct ConnectionState {
    // Found by ConnectionStream while reading this request.
    bool head_complete = false;      // the blank line after the headers has been read
    bool head_too_large = false;     // request line and headers over the head limit
    bool head_timed_out = false;     // the head did not arrive within the header timeout
    bool request_timed_out = false;  // the whole request did not arrive within the request timeout
    bool body_over_budget = false;   // more body bytes on the wire than this request may send
    bool bare_line_feed = false;     // a head line ended in LF without CR (cpp-httplib would skip it)
    bool answered = false;           // some of an answer has been written

    // Set by the admission checks and handlers.
    bool close_after_response = false;  // answered without reading the whole body
    std::size_t body_wire_budget = 0;   // bytes after the head this request may use (chunk framing included)

    // Clears everything for the next request on a kept-alive connection.
    void StartRequest(std::size_t default_body_wire_budget) {
        *this = ConnectionState{};
        body_wire_budget = default_body_wire_budget;
    }
    bool StreamGaveUp() const {
        return head_too_large || head_timed_out || request_timed_out || body_over_budget;
    }
};

// The state of the connection this thread is serving; nullptr outside one.
ConnectionState* CurrentConnection();

// Installs `state` as this thread's current connection for the object's lifetime.
class CurrentConnectionScope {
public:
    explicit CurrentConnectionScope(ConnectionState& state);
    ~CurrentConnectionScope();
    CurrentConnectionScope(const CurrentConnectionScope&) = delete;
    CurrentConnectionScope& operator=(const CurrentConnectionScope&) = delete;
};

}  // namespace kiosk::server
