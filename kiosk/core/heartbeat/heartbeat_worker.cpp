#include "kiosk/core/heartbeat/heartbeat_worker.hpp"

#include <cstdio>
#include <fstream>
#include <string>

#include "kiosk/core/atomic_file.hpp"
#include "kiosk/core/staff/audit_log.hpp"

#include "kiosk/core/heartbeat/heartbeat_sender.hpp"
#include "kiosk/core/votes/backoff.hpp"

namespace kiosk {

HeartbeatWorker::HeartbeatWorker(HeartbeatSettings settings, HeartbeatSources sources, KioskVitals& vitals)
    : settings_(std::move(settings)), sources_(std::move(sources)), vitals_(vitals) {
    sources_.vitals = &vitals_;
}

HeartbeatWorker::~HeartbeatWorker() { Stop(); }

std::filesystem::path AuditReportedPath(const std::filesystem::path& audit_log_file) {
    auto path = audit_log_file;
    path += ".reported";
    return path;
}

namespace {

// How far the staff audit log was reported, kept beside it so a restart does not send it again.
std::int64_t LoadReportedThrough(const std::filesystem::path& audit_log_file) {
    if (audit_log_file.empty()) return 0;
    std::ifstream stream(AuditReportedPath(audit_log_file));
    long long through = 0;
    if (!(stream >> through) || through < 0) return 0;
    // The log was started afresh (removed by hand): its numbers begin at 1 again.
    if (through > staff::AuditLog(audit_log_file).LastSequence()) return 0;
    return through;
}

}  // namespace

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
    sources_.audit_reported_through = LoadReportedThrough(sources_.audit_log_file);
    while (!stopping_) {
        Heartbeat heartbeat = CollectHeartbeat(sources_);
        Status sent = sender.Send(heartbeat);
        if (stopping_) break;
        auto delay = settings_.interval;
        if (sent) {
            ++sent_;
            if (!heartbeat.staff_actions.empty()) {
                sources_.audit_reported_through = heartbeat.staff_actions.back().sequence;
                auto saved = WriteFileAtomically(AuditReportedPath(sources_.audit_log_file),
                                                 std::to_string(sources_.audit_reported_through) + "\n", 0600);
                if (!saved) std::fprintf(stderr, "kiosk: %s\n", saved.error().message.c_str());
                // More waiting than one heartbeat carries: send the rest soon, not in an interval.
                if (heartbeat.staff_actions.size() == kHeartbeatMaximumStaffActions) delay = std::chrono::seconds(1);
            }
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
