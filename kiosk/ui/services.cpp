#include "kiosk/ui/services.hpp"

#include <cstdio>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk::ui {

void ServerContact::Note(State now, std::time_t at, std::string why) {
    if (now != state) since = at;
    state = now;
    message = std::move(why);
}

std::unique_ptr<Services> Services::Open(const Config& config) {
    std::unique_ptr<Services> services(new Services());
    std::error_code ignored;
    std::filesystem::create_directories(config.data_dir, ignored);
    services->data_dir_ = config.data_dir;
    services->pin_lockout_ = staff::PinLockout::Load(staff::PinLockoutPath(config.data_dir), std::time(nullptr));
    services->audit_log_ = staff::AuditLog(staff::AuditLogPath(config.data_dir));
    if (config.staff.pin_hash.empty())
        log::Info("staff mode is off: staff.pin_hash is not set (make one with: kiosk staff hash-pin)");

    // An install killed halfway (a power cut) left a staging directory: gone before anything reads.
    if (auto cleaned = bundle::ContentStore::Open(config.data_dir).CleanLeftovers(); !cleaned)
        log::Write(log::Priority::Warning, "cannot clean what a killed content install left: " + cleaned.error().message);

    // Which content is shown, and the fall back to the last good one, is core's rule
    // (ContentSource), the same for every subcommand.
    services->content_source_ =
        std::make_unique<catalog::ContentSource>(catalog::ContentSourceSettings::FromConfig(config));
    services->shown_fingerprint_ = services->content_source_->Fingerprint();
    auto shown = services->content_source_->Open();
    shown.WriteLog();
    services->catalog_ = std::move(shown.catalog);
    services->content_error_ = shown.problem;
    // Ready before the first key: the index is built on a worker while the first frames draw.
    if (services->catalog_) services->catalog_->StartPreparingSearch();

    auto outbox = VoteOutbox::Open(VoteOutboxPath(config));
    if (outbox) {
        services->vote_outbox_ = std::move(outbox.value());
        if (services->vote_outbox_->moved_aside())
            std::fprintf(stderr,
                         "kiosk: the vote outbox was corrupt; moved aside to %s and started fresh with the %lld "
                         "pending vote(s) that could still be read from it\n",
                         services->vote_outbox_->moved_aside()->c_str(),
                         static_cast<long long>(services->vote_outbox_->salvaged()));
        services->vote_recorder_ =
            std::make_unique<VoteRecorder>(*services->vote_outbox_, VoteRecorderSettings::FromConfig(config));
        services->vote_uplink_ =
            std::make_unique<VoteUplink>(VoteOutboxPath(config), VoteUplinkSettings::FromConfig(config));
    } else {
        services->votes_error_ = outbox.error();
        std::fprintf(stderr, "kiosk: votes cannot be recorded: %s\n", outbox.error().message.c_str());
        services->vitals_.ReportError("votes cannot be recorded: " + outbox.error().message,
                                      SystemVoteClock::Instance().WallNowMilliseconds());
    }
    services->NoteContentShown();
    services->usb_settings_ = usb::UsbSettings::FromConfig(config);
    if (auto installer = bundle::InstallerSettings::FromConfig(config)) {
        services->installer_settings_ = *installer;
        services->content_installer_ = std::make_unique<bundle::ContentInstaller>(*installer, services->run_queue_);
        if (!config.server.url.empty()) {
            services->server_settings_ = bundle::ServerContentSettings::FromConfig(config);
            services->MakeContentUpdater(bundle::InstallPolicy::Automatic);
        }
    } else {
        log::Write(log::Priority::Error, "content cannot be installed: " + installer.error().message);
    }
    HeartbeatSources sources{config.kiosk_id, VoteOutboxPath(config), config.data_dir, nullptr};
    sources.audit_log_file = staff::AuditLogPath(config.data_dir);  // staff actions go with the next heartbeat
    services->heartbeat_ =
        std::make_unique<HeartbeatWorker>(HeartbeatSettings::FromConfig(config), sources, services->vitals_);
    return services;
}

void Services::NoteContentShown() {
    if (catalog_) vitals_.SetContentVersion(ContentVersionText(catalog_->manifest().content_id, catalog_->manifest().version));
    if (!content_error_.message.empty())
        vitals_.ReportError("content not loaded: " + content_error_.message, SystemVoteClock::Instance().WallNowMilliseconds());
}

void Services::StartWatchingContent(std::chrono::milliseconds interval) {
    if (!content_watcher_)
        content_watcher_ = std::make_unique<catalog::ContentWatcher>(
            *content_source_, shown_fingerprint_, run_queue_,
            [this](std::shared_ptr<catalog::ShownContent> next) { pending_content_ = std::move(next); }, interval);
    content_watcher_->Start();
}

void Services::MakeContentUpdater(bundle::InstallPolicy policy) {
    if (!server_settings_ || !installer_settings_) return;
    content_updater_ = std::make_unique<bundle::ServerContentUpdater>(
        *server_settings_, installer_settings_->options, run_queue_,
        [this](const bundle::ServerUpdateState& state) {
            // Installed from the server: the watcher opens it now, the kiosk shows it at home.
            if (state.installed) CheckContentNow();
        },
        policy);
}

void Services::UseServerInstallPolicy(bundle::InstallPolicy policy) {
    if (content_updater_) content_updater_->Stop();
    // The old updater's posts may still wait in the run queue: they only ask the watcher to look.
    MakeContentUpdater(policy);
}

void Services::UseUsbSettings(usb::UsbSettings settings) {
    usb_settings_ = settings;
    if (!installer_settings_) return;
    if (content_installer_) content_installer_->Wait();
    installer_settings_->usb = std::move(settings);
    content_installer_ = std::make_unique<bundle::ContentInstaller>(*installer_settings_, run_queue_);
}

void Services::CheckContentNow() {
    if (content_watcher_) content_watcher_->CheckNow();
}

void Services::SwitchToPendingContent() {
    if (!pending_content_) return;
    auto next = std::move(pending_content_);
    catalog_ = std::move(next->catalog);
    content_error_ = next->problem;
    const auto& manifest = catalog_->manifest();
    log::Write(log::Priority::Info, "now showing content " + manifest.content_id + ", version " +
                                        std::to_string(manifest.version) + " from " + next->shown.string());
    NoteContentShown();
}

Services::~Services() {
    // The workers first: they post to the run queue, which dies with this object.
    if (content_updater_) content_updater_->Stop();
    if (content_installer_) content_installer_->Wait();
    if (content_watcher_) content_watcher_->Stop();
    if (heartbeat_) heartbeat_->Stop();
    if (vote_uplink_) vote_uplink_->Stop();
}

void Services::StartUplink() {
    if (vote_uplink_) vote_uplink_->Start();
    if (content_updater_) content_updater_->Start();
    if (heartbeat_) heartbeat_->Start();
}

}  // namespace kiosk::ui
