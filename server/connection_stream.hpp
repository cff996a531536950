#pragma once
// ConnectionStream: the socket of one client connection as cpp-httplib reads it, with the
// limits cpp-httplib 0.11 does not have. Its own stream reads the head one byte at a
// time into a line buffer that grows without bound, reads chunked bodies without any
// size limit, and only times out on silence, so a client that trickles bytes (slowloris)
// or streams forever holds a thread and memory as long as it likes. Here every request
// gets a deadline for its head and one for the whole request, the head a byte limit,
// and the body a wire budget; crossing any of them ends the read (cpp-httplib then
// fails the request) and records why in the thread's ConnectionState.
//
// One stream serves every request of a kept-alive connection, so bytes a client sent
// ahead are never lost between requests.
#include <httplib.h>

#include <chrono>
#include <functional>
#include <vector>

#include "server/connection_limits.hpp"
#include "server/connection_state.hpp"

namespace kiosk::server {

class ConnectionStream final : public httplib::Stream {
public:
    ConnectionStream(int socket, const ConnectionLimits& limits, ConnectionState& state);

    // Waits for the first byte of a next request: true when one is there, false after the
    // keep-alive timeout, on end of stream, or once `stopping` says so.
    bool WaitForRequest(const std::function<bool()>& stopping);
    // Starts the deadlines and counters of a new request (after WaitForRequest).
    void StartRequest();

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* pointer, size_t size) override;
    ssize_t write(const char* pointer, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return socket_; }

private:
    using Clock = std::chrono::steady_clock;
    // Makes sure the buffer holds a byte; -1 on timeout or error, 0 at end of stream.
    ssize_t Fill();
    // Delivers head bytes one by one, following the lines to see where the head ends.
    ssize_t DeliverHead(char* pointer, size_t size);

    int socket_;
    const ConnectionLimits& limits_;
    ConnectionState& state_;
    std::vector<char> buffer_;
    size_t begin_ = 0, end_ = 0;
    Clock::time_point head_deadline_{}, request_deadline_{};
    size_t head_bytes_ = 0, body_bytes_ = 0;
    size_t line_index_ = 0, line_length_ = 0;
    char previous_ = 0;
};

// The client's address as text ("127.0.0.2", "2001:db8::1"); an IPv4 address mapped into
// IPv6 is written as IPv4, so one client counts once whichever way it came in.
std::string PeerAddress(int socket, int* port = nullptr);

}  // namespace kiosk::server
