#pragma once
// HeartbeatWorker: the thread that sends a heartbeat when it starts and then every
// `settings.interval`, a sibling of the vote uplink (never the UI thread). A failed
// heartbeat is tried again sooner (10 s doubling up to the interval, with jitter) and is
// itself reported as the kiosk's last error, so the next one that gets through says so.
//
//   HeartbeatWorker heartbeat(HeartbeatSettings::FromConfig(config), sources, vitals);
//   heartbeat.Start();
//   ... heartbeat.Stop();  // also done by the destructor
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "kiosk/core/heartbeat/heartbeat_collector.hpp"
#include "kiosk/core/heartbeat/heartbeat_settings.hpp"
#include "kiosk/core/heartbeat/kiosk_vitals.hpp"

namespace kiosk {

// Where the worker keeps how far the staff audit log was reported: "<audit log>.reported".
std::filesystem::path AuditReportedPath(const std::filesystem::path& audit_log_file);

class HeartbeatWorker {
public:
    // `vitals` must outlive the worker; sources.vitals is set to it.
    HeartbeatWorker(HeartbeatSettings settings, HeartbeatSources sources, KioskVitals& vitals);
    ~HeartbeatWorker();
    HeartbeatWorker(const HeartbeatWorker&) = delete;
    HeartbeatWorker& operator=(const HeartbeatWorker&) = delete;

    // No-op without a server URL, with interval 0, or when already running.
    void Start();
    void Stop();
    bool running() const { return worker_.joinable(); }
    int sent() const { return sent_; }

private:
    void Run();

    HeartbeatSettings settings_;
    HeartbeatSources sources_;
    KioskVitals& vitals_;
    std::thread worker_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> sent_{0};
    std::mutex mutex_;
    std::condition_variable signal_;
};

}  // namespace kiosk
