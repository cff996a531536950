#pragma once
// GuardedHttpServer: cpp-httplib's server with the defences it lacks (issue 13 items 11
// and 12). Connections are served by a fixed pool of workers; one client address may
// hold only a few of them at once (the others are answered 503 at once, not queued
// behind it), and every request runs on a ConnectionStream with head and request
// deadlines, so slow clients cannot take every worker. The listening socket is bound
// without SO_REUSEPORT, which cpp-httplib sets by default and which lets a second server
// bind the same address and silently take half of the votes.
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>

#include "kiosk/core/result.hpp"
#include "server/connection_limits.hpp"

namespace kiosk::server {

class GuardedHttpServer : public httplib::Server {
public:
    explicit GuardedHttpServer(ConnectionLimits limits);

    // Binds host:port (port 0: a free one) for this server alone and returns the port; the
    // error says who holds the address when it is taken.
    Result<int> Bind(const std::string& host, int port);

    const ConnectionLimits& limits() const { return limits_; }

private:
    bool process_and_close_socket(socket_t socket) override;
    // One more connection from `address`, unless it already holds its share.
    bool Admit(const std::string& address);
    void Release(const std::string& address);
    void RefuseBusy(int socket, const std::string& address);

    ConnectionLimits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::size_t> open_by_address_;
    std::atomic<std::int64_t> last_refusal_log_s_{0};
};

// Ends a connection whose request was answered before it was read to the end: stops
// writing, reads and drops what the client still sends for a short while (so the kernel
// does not answer it with a reset that can destroy our answer in flight), then closes.
void CloseAfterEarlyAnswer(int socket);

}  // namespace kiosk::server
