#include "server/guarded_http_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>

#include "server/connection_state.hpp"
#include "server/connection_stream.hpp"

namespace kiosk::server {
namespace {

// Only SO_REUSEADDR: a restarted server may bind again while old connections sit in
// TIME_WAIT, but Linux refuses a second listener on the same address.
void ExclusiveAddress(socket_t socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

std::int64_t NowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void Drain(int socket, std::chrono::milliseconds time_limit, std::size_t byte_limit) {
    auto deadline = std::chrono::steady_clock::now() + time_limit;
    std::size_t drained = 0;
    char sink[16 * 1024];
    while (drained < byte_limit) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) break;
        pollfd descriptor{socket, POLLIN, 0};
        if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) break;
        ssize_t got = recv(socket, sink, sizeof sink, 0);
        if (got <= 0) break;
        drained += static_cast<std::size_t>(got);
    }
}

}  // namespace

void CloseAfterEarlyAnswer(int socket) {
    shutdown(socket, SHUT_WR);
    Drain(socket, std::chrono::milliseconds(1000), 4 * 1024 * 1024);
    close(socket);
}

GuardedHttpServer::GuardedHttpServer(ConnectionLimits limits) : limits_(limits) {
    new_task_queue = [workers = limits_.workers] { return new httplib::ThreadPool(workers); };
    set_socket_options(ExclusiveAddress);
    set_tcp_nodelay(true);  // headers and body go in separate writes: do not wait on delayed ACKs
    set_payload_max_length(limits_.default_body_bytes);
}

Result<int> GuardedHttpServer::Bind(const std::string& host, int port) {
    errno = 0;
    int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    if (bound > 0) return bound;
    int cause = errno;
    std::string where = host + ":" + std::to_string(port);
    if (cause == EADDRINUSE)
        return Error{"cannot listen on " + where +
                         ": the address is already in use — another kiosk-server (or another program) listens there. "
                         "Two servers on one address would split the kiosks' votes between two databases, so this "
                         "one does not start; stop the other or choose another --listen address",
                     ""};
    if (cause == EACCES)
        return Error{"cannot listen on " + where + ": permission denied (ports below 1024 need privileges)", ""};
    return Error{"cannot listen on " + where + (cause ? std::string(": ") + std::strerror(cause) : std::string()), ""};
}

bool GuardedHttpServer::Admit(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto& open = open_by_address_[address];
    if (open >= limits_.connections_per_address) return false;
    ++open;
    return true;
}

void GuardedHttpServer::Release(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto found = open_by_address_.find(address);
    if (found == open_by_address_.end()) return;
    if (--found->second == 0) open_by_address_.erase(found);
}

void GuardedHttpServer::RefuseBusy(int socket, const std::string& address) {
    static const std::string body =
        R"({"error":"too_many_connections","message":"this address already has as many connections open as the server allows; try again in a few seconds"})";
    std::string answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\n"
                         "Retry-After: 5\r\nConnection: close\r\nContent-Length: " +
                         std::to_string(body.size()) + "\r\n\r\n" + body;
    (void)send(socket, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    shutdown(socket, SHUT_WR);
    Drain(socket, std::chrono::milliseconds(100), 64 * 1024);
    close(socket);
    // One line per ten seconds at most: an attack must not fill the journal.
    auto now = NowSeconds();
    auto last = last_refusal_log_s_.load();
    if (now - last >= 10 && last_refusal_log_s_.compare_exchange_strong(last, now))
        std::cerr << "kiosk-server: refused a connection from " << address << ": it already holds "
                  << limits_.connections_per_address << " connections (--max-connections-per-address)\n";
}

bool GuardedHttpServer::process_and_close_socket(socket_t socket) {
    std::string address = PeerAddress(socket);
    if (!Admit(address)) {
        RefuseBusy(socket, address);
        return true;
    }
    ConnectionState state;
    CurrentConnectionScope scope(state);
    ConnectionStream stream(socket, limits_, state);
    auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
    bool served = false;
    bool early_answer = false;
    for (std::size_t left = limits_.requests_per_connection; left > 0 && stream.WaitForRequest(stopping); --left) {
        state.StartRequest(ConnectionLimits::BodyWireBudget(limits_.default_body_bytes));
        stream.StartRequest();
        bool client_closes = false;
        served = process_request(stream, left == 1, client_closes, nullptr);
        early_answer = state.close_after_response || state.body_over_budget;
        if (!served || client_closes || early_answer || state.StreamGaveUp() || state.bare_line_feed) break;
    }
    if (!state.answered && (state.head_timed_out || state.head_too_large)) {
        // cpp-httplib gives up silently when the request line itself is too slow or too long.
        const std::string answer = state.head_timed_out
                                       ? "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                                       : "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                                         "Content-Length: 0\r\n\r\n";
        (void)send(socket, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    if (early_answer) {
        CloseAfterEarlyAnswer(socket);
    } else {
        shutdown(socket, SHUT_RDWR);
        close(socket);
    }
    Release(address);
    return served;
}

}  // namespace kiosk::server
