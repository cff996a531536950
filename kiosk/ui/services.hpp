#pragma once
// Services: the core components the screens read and write, opened once at start from the
// configuration. A part that fails to open does not stop the kiosk: its screens say so in
// a sentence and the rest keeps working (a broken content never blocks the vote screen).
#include <chrono>
#include <ctime>
#include <memory>
#include <string>

#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/heartbeat/heartbeat_worker.hpp"
#include "kiosk/core/heartbeat/kiosk_vitals.hpp"
#include "kiosk/core/staff/audit_log.hpp"
#include "kiosk/core/staff/pin_lockout.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "kiosk/core/votes/vote_uplink.hpp"

namespace kiosk::ui {

// Whether the commune server answered the vote uplink lately, and since when: what the
// staff status screen shows. The UI thread keeps it from the uplink's events.
struct ServerContact {
    enum class State { NotTriedYet, Reachable, Unreachable, TokenRefused };
    State state = State::NotTriedYet;
    std::time_t since = 0;  // wall time of the first event in this state
    std::string message;    // the latest failure (English, from the uplink)
    void Note(State now, std::time_t at, std::string why = {});
};

class Services {
public:
    // Opens the catalog of config.content_dir (building it in data_dir when the content
    // changed) and the vote outbox; the uplink is created but not started.
    static std::unique_ptr<Services> Open(const Config& config);
    ~Services();

    // The installed content's catalog; when the content is broken, the catalog of the last
    // good content (content_error() then says what is wrong). Null when there is neither.
    const catalog::Catalog* catalog() const { return catalog_.get(); }
    const Error& content_error() const { return content_error_; }

    // Null when the outbox could not be opened; votes_error() says why.
    VoteRecorder* vote_recorder() { return vote_recorder_.get(); }
    VoteOutbox* vote_outbox() { return vote_outbox_.get(); }
    const Error& votes_error() const { return votes_error_; }
    VoteUplink* vote_uplink() { return vote_uplink_.get(); }

    // What the heartbeat reports about the running kiosk; the UI sets the screen state
    // (the night schedule) and any problem worth a person's look. Thread-safe.
    KioskVitals& vitals() { return vitals_; }

    // Starts delivering votes and heartbeats in the background (the kiosk does; screenshots do not).
    void StartUplink();

    // Staff mode: the PIN pad's lockout and the audit log, both in the state directory so
    // a restart keeps them.
    staff::PinLockout& pin_lockout() { return pin_lockout_; }
    staff::AuditLog& audit_log() { return audit_log_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    std::chrono::steady_clock::time_point started_at() const { return started_at_; }
    ServerContact& server_contact() { return server_contact_; }

private:
    Services() = default;
    std::unique_ptr<catalog::Catalog> catalog_;
    Error content_error_;
    std::unique_ptr<VoteOutbox> vote_outbox_;
    std::unique_ptr<VoteRecorder> vote_recorder_;
    std::unique_ptr<VoteUplink> vote_uplink_;
    Error votes_error_;
    KioskVitals vitals_;
    std::unique_ptr<HeartbeatWorker> heartbeat_;
    std::filesystem::path data_dir_;
    std::chrono::steady_clock::time_point started_at_ = std::chrono::steady_clock::now();
    staff::PinLockout pin_lockout_;
    staff::AuditLog audit_log_{""};
    ServerContact server_contact_;
};

}  // namespace kiosk::ui
