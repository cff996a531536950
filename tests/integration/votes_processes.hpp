#pragma once
// Child processes for the integration tests: the real kiosk-server on 127.0.0.1
// with a port the kernel picks, and `kiosk` commands. Every child is killed and reaped
// when its object dies, so a failing test never leaves a server behind.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/test_support.hpp"

namespace kiosk::testing {

inline std::filesystem::path KioskBinary() { return BinaryDirectory() / "kiosk"; }
inline std::filesystem::path ServerBinary() { return BinaryDirectory() / "kiosk-server"; }

// Loopback must never go through a proxy a developer's shell may have set.
inline void KeepLoopbackOffProxies() {
    setenv("no_proxy", "127.0.0.1,localhost", 1);
    setenv("NO_PROXY", "127.0.0.1,localhost", 1);
}

class ChildProcess {
public:
    // Starts argv[0] with its stdout on a pipe we can read.
    explicit ChildProcess(const std::vector<std::string>& arguments) {
        // Built before fork: the child of a threaded process may only make async-signal-safe calls.
        std::vector<char*> argv;
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        int pipe_ends[2];
        if (pipe2(pipe_ends, O_CLOEXEC) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(pipe_ends[1], STDOUT_FILENO);  // dup2 clears close-on-exec on the copy
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(pipe_ends[1]);
        stdout_ = pipe_ends[0];
    }
    ~ChildProcess() {
        Kill(SIGKILL);
        if (stdout_ >= 0) close(stdout_);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }

    // One line of stdout, or nothing after the timeout.
    std::optional<std::string> ReadLine(std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            if (auto newline = buffered_.find('\n'); newline != std::string::npos) {
                std::string line = buffered_.substr(0, newline);
                buffered_.erase(0, newline + 1);
                return line;
            }
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0 || stdout_ < 0) return std::nullopt;
            pollfd descriptor{stdout_, POLLIN, 0};
            if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
            char chunk[4096];
            ssize_t got = read(stdout_, chunk, sizeof chunk);
            if (got <= 0) return std::nullopt;
            buffered_.append(chunk, static_cast<std::size_t>(got));
        }
    }

    // Everything the child writes until it exits (or the timeout passes).
    std::string ReadAll(std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (stdout_ >= 0) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd descriptor{stdout_, POLLIN, 0};
            if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) break;
            char chunk[65536];
            ssize_t got = read(stdout_, chunk, sizeof chunk);
            if (got <= 0) break;
            buffered_.append(chunk, static_cast<std::size_t>(got));
        }
        return std::exchange(buffered_, std::string());
    }

    // The exit status, or nothing if it is still running after the timeout.
    std::optional<int> Wait(std::chrono::milliseconds timeout) {
        if (exit_code_) return exit_code_;
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (pid_ > 0) {
            int status = 0;
            pid_t done = waitpid(pid_, &status, WNOHANG);
            if (done == pid_) {
                pid_ = -1;
                exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                return exit_code_;
            }
            if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return exit_code_;
    }

    void Kill(int signal_number) {
        if (pid_ <= 0) return;
        kill(pid_, signal_number);
        if (signal_number == SIGKILL) (void)Wait(std::chrono::seconds(10));
    }

private:
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string buffered_;
    std::optional<int> exit_code_;
};

// The real reference server, on 127.0.0.1 and a port the kernel picked (or a given one).
class ServerProcess {
public:
    ServerProcess(const std::filesystem::path& database, const std::filesystem::path& tokens, int port = 0)
        : process_({ServerBinary().string(), "--listen", "127.0.0.1:" + std::to_string(port), "--db",
                    database.string(), "--tokens", tokens.string()}) {
        auto line = process_.ReadLine(std::chrono::seconds(10));
        const std::string prefix = "listening on 127.0.0.1:";
        if (line && line->rfind(prefix, 0) == 0) port_ = std::stoi(line->substr(prefix.size()));
    }
    bool started() const { return port_ > 0; }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    ChildProcess& process() { return process_; }
    void Stop() { process_.Kill(SIGKILL); }

private:
    ChildProcess process_;
    int port_ = 0;
};

struct CommandResult {
    int exit_code = -1;
    std::string output;
};

// Runs a command to completion (bounded), capturing stdout.
inline CommandResult RunCommand(const std::vector<std::string>& arguments,
                                std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    ChildProcess child(arguments);
    CommandResult result;
    result.output = child.ReadAll(timeout);
    result.exit_code = child.Wait(timeout).value_or(-1);
    return result;
}

// uuid column of `kiosk-server export --csv`, one entry per row (duplicates kept, to count them).
inline std::vector<std::string> ExportedUuids(const std::filesystem::path& database) {
    auto exported = RunCommand({ServerBinary().string(), "export", "--db", database.string(), "--csv"});
    std::vector<std::string> uuids;
    std::istringstream lines(exported.output);
    std::string line;
    bool header = true;
    while (std::getline(lines, line)) {
        if (header) {
            header = false;
            continue;
        }
        uuids.push_back(line.substr(0, line.find(',')));
    }
    return uuids;
}

}  // namespace kiosk::testing
