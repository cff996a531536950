#include "server/connection_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

namespace kiosk::server {
namespace {

constexpr size_t kBufferBytes = 16 * 1024;

int PollOnce(int socket, short events, std::chrono::milliseconds timeout) {
    pollfd descriptor{socket, events, 0};
    int waited = 0;
    do {
        waited = poll(&descriptor, 1, static_cast<int>(std::max<std::int64_t>(timeout.count(), 0)));
    } while (waited < 0 && errno == EINTR);
    return waited;
}

std::string AddressText(const sockaddr_storage& address, int* port) {
    char text[INET6_ADDRSTRLEN] = "";
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        if (port) *port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        if (IN6_IS_ADDR_V4MAPPED(&v6.sin6_addr)) inet_ntop(AF_INET, &v6.sin6_addr.s6_addr[12], text, sizeof text);
        else inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        if (port) *port = ntohs(v6.sin6_port);
    }
    return text;
}

}  // namespace

std::string PeerAddress(int socket, int* port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) != 0) return "";
    return AddressText(address, port);
}

ConnectionStream::ConnectionStream(int socket, const ConnectionLimits& limits, ConnectionState& state)
    : socket_(socket), limits_(limits), state_(state), buffer_(kBufferBytes) {}

bool ConnectionStream::WaitForRequest(const std::function<bool()>& stopping) {
    if (begin_ < end_) return true;
    auto deadline = Clock::now() + limits_.keep_alive_timeout;
    while (!stopping()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        int ready = PollOnce(socket_, POLLIN, std::min(left, std::chrono::milliseconds(100)));
        if (ready < 0) return false;
        if (ready > 0) return true;  // data, or end of stream: the read will tell
    }
    return false;
}

void ConnectionStream::StartRequest() {
    auto now = Clock::now();
    head_deadline_ = now + limits_.header_timeout;
    request_deadline_ = now + limits_.request_timeout;
    head_bytes_ = body_bytes_ = 0;
    line_index_ = line_length_ = 0;
    previous_ = 0;
}

bool ConnectionStream::is_readable() const {
    return begin_ < end_ || PollOnce(socket_, POLLIN, limits_.idle_read_timeout) > 0;
}

bool ConnectionStream::is_writable() const { return PollOnce(socket_, POLLOUT, limits_.write_timeout) > 0; }

ssize_t ConnectionStream::Fill() {
    if (begin_ < end_) return 1;
    while (true) {
        auto deadline = state_.head_complete ? request_deadline_ : head_deadline_;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            (state_.head_complete ? state_.request_timed_out : state_.head_timed_out) = true;
            return -1;
        }
        int ready = PollOnce(socket_, POLLIN, std::min(left, limits_.idle_read_timeout));
        if (ready < 0) return -1;
        if (ready == 0) {
            if (left > limits_.idle_read_timeout) return -1;  // silent for the whole idle timeout
            continue;                                        // the deadline itself: recorded above
        }
        ssize_t got;
        do {
            got = recv(socket_, buffer_.data(), buffer_.size(), 0);
        } while (got < 0 && errno == EINTR);
        if (got <= 0) return got;
        begin_ = 0;
        end_ = static_cast<size_t>(got);
        return 1;
    }
}

ssize_t ConnectionStream::DeliverHead(char* pointer, size_t size) {
    size_t delivered = 0;
    while (delivered < size && begin_ < end_ && !state_.head_complete) {
        if (head_bytes_ >= limits_.head_bytes) {
            state_.head_too_large = true;
            return delivered > 0 ? static_cast<ssize_t>(delivered) : -1;
        }
        char byte = buffer_[begin_++];
        pointer[delivered++] = byte;
        ++head_bytes_;
        ++line_length_;
        if (byte == '\n') {
            if (previous_ != '\r') state_.bare_line_feed = true;
            // The head ends at the first line that is only CRLF after the request line,
            // exactly where cpp-httplib's header reader stops.
            if (line_index_ > 0 && line_length_ == 2 && previous_ == '\r') state_.head_complete = true;
            ++line_index_;
            line_length_ = 0;
        }
        previous_ = byte;
    }
    return static_cast<ssize_t>(delivered);
}

ssize_t ConnectionStream::read(char* pointer, size_t size) {
    if (size == 0) return 0;
    ssize_t filled = Fill();
    if (filled <= 0) return filled;
    if (!state_.head_complete) return DeliverHead(pointer, size);
    size_t available = std::min(size, end_ - begin_);
    if (body_bytes_ + available > state_.body_wire_budget) {
        state_.body_over_budget = true;
        return -1;
    }
    std::memcpy(pointer, buffer_.data() + begin_, available);
    begin_ += available;
    body_bytes_ += available;
    return static_cast<ssize_t>(available);
}

ssize_t ConnectionStream::write(const char* pointer, size_t size) {
    if (!is_writable()) return -1;
    state_.answered = true;
    ssize_t sent;
    do {
        sent = send(socket_, pointer, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const { ip = PeerAddress(socket_, &port); }

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    ip = AddressText(address, &port);
}

}  // namespace kiosk::server
