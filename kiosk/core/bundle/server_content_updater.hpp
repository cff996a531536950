#pragma once
// ServerContentUpdater: the worker thread that keeps the kiosk's content current from the
// commune server, a sibling of the vote uplink and the heartbeat (never the UI thread).
// Every check_interval (an hour) and whenever staff ask, it fetches the manifest
// (If-None-Match: a 304 costs nothing), and when the server offers a newer version of this
// kiosk's content it downloads it (resumed after a cut, tried again with a growing pause),
// and installs it through ContentStore::Install — signature, every check, the atomic switch.
// The running kiosk switches to it at its next return home (ContentWatcher).
//
// For the staff screen "Cập nhật từ máy chủ":
//   updater.state()      what the server offers, what is going on, the last error (any thread)
//   updater.CheckNow()   ask the server now; installs only when the check finds it newer and
//                        automatic installs are on (they are, unless InstallPolicy::WhenAsked)
//   updater.InstallNow() download and install what the server offers now, even when automatic
//                        installs are off
// Each change of state is also posted to the run queue (listener on the UI thread).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/core/bundle/content_release.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/server_content.hpp"
#include "kiosk/core/run_queue.hpp"

namespace kiosk::bundle {

enum class InstallPolicy { Automatic, WhenAsked };

struct ServerUpdateState {
    enum class Phase { Idle, Checking, Downloading, Installing };
    Phase phase = Phase::Idle;
    std::optional<ServerOffer> offer;   // the last offer the server made (kept across 304s)
    bool nothing_published = false;     // the server answered 404
    bool offer_is_newer = false;        // newer than what this kiosk shows, same content id
    std::string checked_at;             // the last answered check, ISO 8601 UTC; "" before
    std::uint64_t done_bytes = 0, total_bytes = 0;  // while downloading
    std::optional<ContentRelease> installed;        // the last install this worker made
    Error last_error;                   // empty message when the last action went well
    int checks = 0;                     // answered checks (200 or 304 or 404)
    int unchanged_answers = 0;          // of them, 304s
    // Checks and installs that ended, well or not (a failed connection too): a screen that
    // asked for one waits for this to move before it reads the result.
    int finished = 0;
};

class ServerContentUpdater {
public:
    using Listener = std::function<void(const ServerUpdateState&)>;

    ServerContentUpdater(ServerContentSettings settings, InstallOptions options, RunQueue& queue, Listener listener = {},
                         InstallPolicy policy = InstallPolicy::Automatic);
    ~ServerContentUpdater();
    ServerContentUpdater(const ServerContentUpdater&) = delete;
    ServerContentUpdater& operator=(const ServerContentUpdater&) = delete;

    // No-op without a server URL or when running. The first check is at once.
    void Start();
    void Stop();  // aborts a transfer in flight (its part is kept for the next resume) and joins
    void CheckNow();
    void InstallNow();
    bool running() const { return worker_.joinable(); }

    ServerUpdateState state() const;

private:
    void Run();
    enum class Asked { No, Yes };  // Yes: staff pressed install
    void Check(Asked asked);
    void DownloadAndInstall();
    void Publish();  // posts the state to the listener

    ServerContentSettings settings_;
    InstallOptions options_;
    RunQueue& queue_;
    Listener listener_;
    InstallPolicy policy_;
    std::string etag_;
    std::string refused_sha256_;  // not installed automatically again (worker thread only)
    mutable std::mutex state_mutex_;
    ServerUpdateState state_;
    std::thread worker_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable signal_;
    bool check_asked_ = false;
    bool install_asked_ = false;
};

}  // namespace kiosk::bundle
