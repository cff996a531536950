// The kiosk under systemd's watchdog: `kiosk run` says READY=1 after its first frame and
// WATCHDOG=1 from its frame loop, at least every half of WATCHDOG_USEC while it sits idle,
// and STOPPING=1 on SIGTERM. A real notify socket (what systemd gives a Type=notify
// service) receives the messages; SDL's dummy video driver stands in for the screen.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/integration/votes_processes.hpp"
#include "tests/test_support.hpp"

using namespace std::chrono_literals;
using kiosk::testing::ChildProcess;

namespace {

// A datagram socket like systemd's $NOTIFY_SOCKET, collecting what the service says.
class NotifySocket {
public:
    explicit NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
        socket_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path_.string().copy(address.sun_path, sizeof(address.sun_path) - 1);
        bound_ = socket_ >= 0 && bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~NotifySocket() {
        if (socket_ >= 0) close(socket_);
    }
    bool bound() const { return bound_; }
    const std::filesystem::path& path() const { return path_; }

    // The messages that arrive within the timeout, each with its arrival time.
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> Receive(std::chrono::milliseconds timeout) {
        std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> messages;
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) break;
            pollfd descriptor{socket_, POLLIN, 0};
            if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) break;
            char buffer[4096];
            ssize_t got = recv(socket_, buffer, sizeof buffer, 0);
            if (got > 0) messages.emplace_back(std::chrono::steady_clock::now(), std::string(buffer, static_cast<size_t>(got)));
        }
        return messages;
    }

private:
    std::filesystem::path path_;
    int socket_ = -1;
    bool bound_ = false;
};

bool Contains(const std::string& message, const std::string& line) {
    return ("\n" + message + "\n").find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("watchdog: the frame loop pings systemd's watchdog while the kiosk sits idle, after READY=1") {
    kiosk::testing::TemporaryDirectory directory;
    NotifySocket notify(directory / "notify");
    REQUIRE(notify.bound());
    // The child inherits these; the watchdog is 400 ms, so an idle kiosk must ping every 200 ms.
    setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
    setenv("WATCHDOG_USEC", "400000", 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("STATE_DIRECTORY", (directory / "state").c_str(), 1);
    ChildProcess kiosk({kiosk::testing::KioskBinary().string(), "run", "--windowed", "--size", "800x600"});
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("STATE_DIRECTORY");

    auto messages = notify.Receive(4s);
    size_t ready = messages.size();
    for (size_t index = 0; index < messages.size(); ++index)
        if (Contains(messages[index].second, "READY=1")) {
            ready = index;
            break;
        }
    REQUIRE_MESSAGE(ready < messages.size(), "the kiosk never said READY=1");
    std::vector<std::chrono::steady_clock::time_point> pings;
    for (size_t index = ready; index < messages.size(); ++index)
        if (Contains(messages[index].second, "WATCHDOG=1")) pings.push_back(messages[index].first);
    // About 3.5 s of pings at least every 200 ms; a loaded machine may be late, never silent.
    CHECK(pings.size() >= 8);
    for (size_t index = 1; index < pings.size(); ++index)
        CHECK(pings[index] - pings[index - 1] < 1s);

    kiosk.Kill(SIGTERM);
    auto after_stop = notify.Receive(3s);
    bool stopping = false;
    for (const auto& [time, message] : after_stop) stopping = stopping || Contains(message, "STOPPING=1");
    CHECK(stopping);
    CHECK(kiosk.Wait(5s) == 0);
}
