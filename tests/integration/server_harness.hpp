#pragma once
// For the server hardening and fleet tests: the real kiosk-server started with extra
// flags, a raw TCP client that can send what no HTTP library would (two
// Content-Length headers, a head one byte at a time, 300 MB of chunks) from a chosen
// loopback source address, and the server process's resident memory read from /proc.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tests/integration/votes_processes.hpp"

namespace kiosk::testing {

// kiosk-server --listen 127.0.0.1:0 --db … --tokens … plus `extra` flags.
class HardenedServer {
public:
    HardenedServer(const std::filesystem::path& database, const std::filesystem::path& tokens,
                   const std::vector<std::string>& extra = {})
        : process_(Arguments(database, tokens, extra)) {
        auto line = process_.ReadLine(std::chrono::seconds(10));
        const std::string prefix = "listening on 127.0.0.1:";
        if (line && line->rfind(prefix, 0) == 0) port_ = std::stoi(line->substr(prefix.size()));
    }
    bool started() const { return port_ > 0; }
    int port() const { return port_; }
    pid_t pid() const { return process_.pid(); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    ChildProcess& process() { return process_; }

private:
    static std::vector<std::string> Arguments(const std::filesystem::path& database,
                                              const std::filesystem::path& tokens,
                                              const std::vector<std::string>& extra) {
        std::vector<std::string> arguments{ServerBinary().string(), "--listen", "127.0.0.1:0", "--db",
                                           database.string(), "--tokens", tokens.string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return arguments;
    }
    ChildProcess process_;
    int port_ = 0;
};

// Runs a command with its standard error joined to standard output, to read its sentences.
inline CommandResult RunWithErrors(const std::vector<std::string>& arguments,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    std::vector<std::string> wrapped{"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1"};
    wrapped.insert(wrapped.end(), arguments.begin(), arguments.end());
    return RunCommand(wrapped, timeout);
}

// Kilobytes from a line of /proc/PID/status ("VmRSS", "VmHWM"), or -1.
inline long ProcessMemoryKilobytes(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    return -1;
}

// A TCP connection to 127.0.0.1:port from `source` (any 127.x.y.z: Linux routes the
// whole loopback range, so tests can be several clients with different addresses).
class RawConnection {
public:
    RawConnection(int port, const std::string& source = "127.0.0.1") {
        socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        inet_pton(AF_INET, source.c_str(), &local.sin_addr);
        if (bind(socket_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
            Close();
            return;
        }
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(static_cast<uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        if (connect(socket_, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
            Close();
            return;
        }
        connected_ = true;
    }
    ~RawConnection() { Close(); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return connected_; }
    int socket() const { return socket_; }

    // Sends everything (blocking); false once the server has closed or reset.
    bool Send(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            ssize_t wrote = send(socket_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (wrote <= 0) return false;
            sent += static_cast<std::size_t>(wrote);
        }
        return true;
    }

    // Whatever the server sends until it closes, or the timeout; stops early once a whole
    // answer with a Content-Length body is in.
    std::string ReadAnswer(std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!AnswerComplete()) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd descriptor{socket_, POLLIN, 0};
            if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) break;
            char chunk[16384];
            ssize_t got = recv(socket_, chunk, sizeof chunk, 0);
            if (got <= 0) {
                closed_by_server_ = true;
                break;
            }
            received_.append(chunk, static_cast<std::size_t>(got));
        }
        return received_;
    }

    // Sends `body_block` again and again (up to `total` bytes) while watching for an
    // answer; stops at the answer, at a closed connection or at the deadline. Returns the
    // bytes sent.
    std::size_t Stream(const std::string& body_block, std::size_t total, std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        std::size_t sent = 0;
        while (sent < total && std::chrono::steady_clock::now() < deadline) {
            pollfd descriptor{socket_, POLLIN | POLLOUT, 0};
            if (poll(&descriptor, 1, 100) < 0) break;
            if (descriptor.revents & (POLLIN | POLLERR | POLLHUP)) break;  // the server answered or hung up
            if (!(descriptor.revents & POLLOUT)) continue;
            ssize_t wrote = send(socket_, body_block.data(), std::min(body_block.size(), total - sent),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
            if (wrote < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (wrote <= 0) break;
            sent += static_cast<std::size_t>(wrote);
        }
        return sent;
    }

    bool closed_by_server() const { return closed_by_server_; }
    const std::string& received() const { return received_; }

private:
    bool AnswerComplete() const {
        auto end = received_.find("\r\n\r\n");
        if (end == std::string::npos) return false;
        std::string head = received_.substr(0, end);
        for (auto& character : head) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
        auto at = head.find("content-length:");
        if (at == std::string::npos) return false;
        return received_.size() >= end + 4 + std::stoul(head.substr(at + 15));
    }
    void Close() {
        if (socket_ >= 0) ::close(socket_);
        socket_ = -1;
    }

    int socket_ = -1;
    bool connected_ = false;
    bool closed_by_server_ = false;
    std::string received_;
};

// The status code of a raw answer ("HTTP/1.1 413 …" → 413), 0 when there is none.
inline int AnswerStatus(const std::string& answer) {
    if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
    return std::atoi(answer.substr(9, 3).c_str());
}

// The body of a raw answer (after the blank line).
inline std::string AnswerBody(const std::string& answer) {
    auto end = answer.find("\r\n\r\n");
    return end == std::string::npos ? std::string() : answer.substr(end + 4);
}

}  // namespace kiosk::testing
