#pragma once
// Services: the core components the screens read and write, opened once at start from the
// configuration. A part that fails to open does not stop the kiosk: its screens say so in
// a sentence and the rest keeps working (a broken content never blocks the vote screen).
#include <chrono>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/core/bundle/content_installer.hpp"
#include "kiosk/core/bundle/server_content_updater.hpp"
#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/catalog/content_watcher.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/heartbeat/heartbeat_worker.hpp"
#include "kiosk/core/heartbeat/kiosk_vitals.hpp"
#include "kiosk/core/staff/audit_log.hpp"
#include "kiosk/core/staff/pin_lockout.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "kiosk/core/votes/vote_uplink.hpp"
#include "kiosk/core/run_queue.hpp"

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
    // Removes what a killed content install left, opens the content to show (ContentSource:
    // the installed release, else config.content_dir) and the vote outbox; the uplink and
    // the content watcher are created but not started.
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

    // Starts delivering votes and heartbeats, and pulling content from the server, in the
    // background (the kiosk does; screenshots do not).
    void StartUplink();

    // Background threads hand work to the UI thread through this queue; KioskUi drains it
    // once a frame, before it draws.
    RunQueue& run_queue() { return run_queue_; }

    // Starts looking for newly installed content (ContentWatcher, every `interval`). New
    // content waits in pending_content() until the UI switches to it at the next return home.
    void StartWatchingContent(std::chrono::milliseconds interval = std::chrono::seconds(5));
    // Look now (after an install finished) instead of at the next interval.
    void CheckContentNow();
    bool has_pending_content() const { return pending_content_ != nullptr; }
    // The UI thread, at home: the pending content becomes the catalog shown. Every pointer
    // into the old catalog is invalid afterwards (the UI resets its screens with it).
    void SwitchToPendingContent();

    // Installs from a screen (USB sticks, rollback) on a worker; results come through
    // run_queue(). Null when content.trusted_keys could not be read.
    bundle::ContentInstaller* content_installer() { return content_installer_.get(); }
    // The periodic pull from the commune server (started with the uplink); null without
    // server.url. Its state() is what "Cập nhật từ máy chủ" shows.
    bundle::ServerContentUpdater* content_updater() { return content_updater_.get(); }
    // The kiosk installs what the server offers by itself; tests of the staff screen's
    // "Cài đặt" hand InstallPolicy::WhenAsked, and the updater is remade, not started (the
    // uplink is not running). No-op without server.url.
    void UseServerInstallPolicy(bundle::InstallPolicy policy);
    // Where the staff screen looks for USB sticks (content.usb_mount_roots), the same
    // settings the installer copies from.
    const usb::UsbSettings& usb_settings() const { return usb_settings_; }
    // Tests cannot mount a stick: they hand roots and a mount table of their own, and the
    // installer is remade with them (no job may be running).
    void UseUsbSettings(usb::UsbSettings settings);

    // Staff mode: the PIN pad's lockout and the audit log, both in the state directory so
    // a restart keeps them.
    staff::PinLockout& pin_lockout() { return pin_lockout_; }
    staff::AuditLog& audit_log() { return audit_log_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    std::chrono::steady_clock::time_point started_at() const { return started_at_; }
    ServerContact& server_contact() { return server_contact_; }

private:
    Services() = default;
    void NoteContentShown();
    void MakeContentUpdater(bundle::InstallPolicy policy);

    RunQueue run_queue_;
    std::unique_ptr<catalog::Catalog> catalog_;
    Error content_error_;
    std::unique_ptr<catalog::ContentSource> content_source_;
    std::string shown_fingerprint_;
    std::unique_ptr<catalog::ContentWatcher> content_watcher_;
    std::shared_ptr<catalog::ShownContent> pending_content_;
    std::unique_ptr<bundle::ContentInstaller> content_installer_;
    std::optional<bundle::InstallerSettings> installer_settings_;
    usb::UsbSettings usb_settings_;
    std::optional<bundle::ServerContentSettings> server_settings_;  // set with server.url
    std::unique_ptr<bundle::ServerContentUpdater> content_updater_;
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
