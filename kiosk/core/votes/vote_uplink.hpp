#pragma once
// VoteUplink: the worker thread that delivers the outbox to the commune server. It opens
// its own connection to the outbox file, sends batches of up to 100 votes, backs off
// exponentially with jitter (1 s doubling to 5 min by default) after any failure, and
// reports what happened through an event queue the UI thread drains each frame. It never
// touches ImGui or the UI's state.
//
//   VoteUplink uplink(VoteOutboxPath(config), VoteUplinkSettings::FromConfig(config));
//   uplink.Start();
//   ... after each recorded vote: uplink.WakeUp();
//   ... each frame: while (auto event = uplink.events().TryPop()) { ... }
//   uplink.Stop();  // also done by the destructor
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "kiosk/core/votes/uplink_event_queue.hpp"
#include "kiosk/core/votes/vote_clock.hpp"
#include "kiosk/core/votes/vote_uplink_settings.hpp"

namespace kiosk {

class VoteUplink {
public:
    VoteUplink(std::filesystem::path outbox_file, VoteUplinkSettings settings,
               const VoteClock& clock = SystemVoteClock::Instance());
    ~VoteUplink();
    VoteUplink(const VoteUplink&) = delete;
    VoteUplink& operator=(const VoteUplink&) = delete;

    // Starts the worker (no-op when already running or when no server URL is configured).
    void Start();
    // Asks the worker to stop, aborts a transfer in flight, and joins. Votes in flight
    // stay pending and go again next time; the server deduplicates them by UUID.
    void Stop();
    // A new vote is waiting: send it now unless the worker is backing off after a failure.
    void WakeUp();

    bool running() const { return worker_.joinable(); }
    UplinkEventQueue& events() { return events_; }

private:
    void Run();
    // Waits up to `delay`; returns early on Stop (and on WakeUp when wake_early).
    void Wait(std::chrono::milliseconds delay, bool wake_early);

    std::filesystem::path outbox_file_;
    VoteUplinkSettings settings_;
    const VoteClock& clock_;
    UplinkEventQueue events_;
    std::thread worker_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable signal_;
    bool woken_ = false;
};

}  // namespace kiosk
