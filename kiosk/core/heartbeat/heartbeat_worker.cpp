#include "kiosk/core/heartbeat/heartbeat_worker.hpp"

#include <cstdio>

#include "kiosk/core/heartbeat/heartbeat_sender.hpp"
#include "kiosk/core/votes/backoff.hpp"

namespace kiosk {

HeartbeatWorker::HeartbeatWorker(HeartbeatSettings settings, HeartbeatSources sources, KioskVitals& vitals)
    : settings_(std::move(settings)), sources_(std::move(sources)), vitals_(vitals) {
    sources_.vitals = &vitals_;
}

HeartbeatWorker::~HeartbeatWorker() { Stop(); }

void HeartbeatWorker::Start() {
    if (worker_.joinable() || settings_.server_url.empty() || settings_.interval.count() <= 0) return;
    stopping_ = false;
    worker_ = std::thread([this] { Run(); });
}

void HeartbeatWorker::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    signal_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void HeartbeatWorker::Run() {
    HeartbeatSender sender(settings_, &stopping_);
    Backoff retry(std::min(settings_.interval, std::chrono::milliseconds(10'000)), settings_.interval);
    bool failing = false;
    while (!stopping_) {
        Status sent = sender.Send(CollectHeartbeat(sources_));
        if (stopping_) break;
        auto delay = settings_.interval;
        if (sent) {
            ++sent_;
            retry.Reset();
            if (failing) vitals_.ClearError("heartbeat: ");  // the failure it reported has been told and is over
            failing = false;
        } else {
            std::fprintf(stderr, "kiosk: heartbeat not delivered: %s\n", sent.error().message.c_str());
            vitals_.ReportError("heartbeat: " + sent.error().message, sources_.clock->WallNowMilliseconds());
            failing = true;
            delay = retry.NextDelay();
        }
        std::unique_lock lock(mutex_);
        signal_.wait_for(lock, delay, [this] { return stopping_.load(); });
    }
}

}  // namespace kiosk
