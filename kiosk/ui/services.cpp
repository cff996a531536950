#include "kiosk/ui/services.hpp"

#include <cstdio>

#include "kiosk/core/catalog/content_source.hpp"

namespace kiosk::ui {

std::unique_ptr<Services> Services::Open(const Config& config) {
    std::unique_ptr<Services> services(new Services());
    std::error_code ignored;
    std::filesystem::create_directories(config.data_dir, ignored);

    // Which content is shown, and the fall back to the last good one, is core's rule
    // (ContentSource), the same for every subcommand.
    auto shown = catalog::ContentSource(catalog::ContentSourceSettings::FromConfig(config)).Open();
    shown.WriteLog();
    services->catalog_ = std::move(shown.catalog);
    services->content_error_ = shown.problem;

    auto outbox = VoteOutbox::Open(VoteOutboxPath(config));
    if (outbox) {
        services->vote_outbox_ = std::move(outbox.value());
        if (services->vote_outbox_->moved_aside())
            std::fprintf(stderr, "kiosk: the vote outbox was corrupt; moved aside to %s and started fresh\n",
                         services->vote_outbox_->moved_aside()->c_str());
        services->vote_recorder_ =
            std::make_unique<VoteRecorder>(*services->vote_outbox_, VoteRecorderSettings::FromConfig(config));
        services->vote_uplink_ =
            std::make_unique<VoteUplink>(VoteOutboxPath(config), VoteUplinkSettings::FromConfig(config));
    } else {
        services->votes_error_ = outbox.error();
        std::fprintf(stderr, "kiosk: votes cannot be recorded: %s\n", outbox.error().message.c_str());
    }
    return services;
}

Services::~Services() {
    if (vote_uplink_) vote_uplink_->Stop();
}

void Services::StartUplink() {
    if (vote_uplink_) vote_uplink_->Start();
}

}  // namespace kiosk::ui
