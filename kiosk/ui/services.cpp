#include "kiosk/ui/services.hpp"

#include <cstdio>

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

    // Which content is shown, and the fall back to the last good one, is core's rule
    // (ContentSource), the same for every subcommand.
    auto shown = catalog::ContentSource(catalog::ContentSourceSettings::FromConfig(config)).Open();
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
    if (services->catalog_)
        services->vitals_.SetContentVersion(
            ContentVersionText(services->catalog_->manifest().content_id, services->catalog_->manifest().version));
    if (!services->content_error_.message.empty())
        services->vitals_.ReportError("content not loaded: " + services->content_error_.message,
                                      SystemVoteClock::Instance().WallNowMilliseconds());
    HeartbeatSources sources{config.kiosk_id, VoteOutboxPath(config), config.data_dir, nullptr};
    sources.audit_log_file = staff::AuditLogPath(config.data_dir);  // staff actions go with the next heartbeat
    services->heartbeat_ =
        std::make_unique<HeartbeatWorker>(HeartbeatSettings::FromConfig(config), sources, services->vitals_);
    return services;
}

Services::~Services() {
    if (heartbeat_) heartbeat_->Stop();
    if (vote_uplink_) vote_uplink_->Stop();
}

void Services::StartUplink() {
    if (vote_uplink_) vote_uplink_->Start();
    if (heartbeat_) heartbeat_->Start();
}

}  // namespace kiosk::ui
