#include "kiosk/ui/services.hpp"

#include <cstdio>

#include "kiosk/core/catalog/catalog_store.hpp"

namespace kiosk::ui {

std::unique_ptr<Services> Services::Open(const Config& config) {
    std::unique_ptr<Services> services(new Services());
    std::error_code ignored;
    std::filesystem::create_directories(config.data_dir, ignored);

    auto cache = config.data_dir / "catalog";
    auto catalog = catalog::OpenContentCatalog(config.content_dir, cache);
    if (catalog) {
        services->catalog_ = std::make_unique<catalog::Catalog>(std::move(catalog.value()));
    } else {
        services->content_error_ = catalog.error();
        std::fprintf(stderr, "kiosk: content not loaded: %s\n", catalog.error().message.c_str());
        // Broken content never replaces good content: the catalog built from the last good
        // content is still there, untouched, and citizens keep reading it.
        auto previous_file = catalog::CatalogFileFor(config.content_dir, cache);
        if (std::filesystem::exists(previous_file)) {
            if (auto previous = catalog::Catalog::Open(previous_file)) {
                services->catalog_ = std::make_unique<catalog::Catalog>(std::move(previous.value()));
                std::fprintf(stderr, "kiosk: showing the last good content (%s, version %lld) instead\n",
                             services->catalog_->manifest().content_id.c_str(), services->catalog_->manifest().version);
            }
        }
    }

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
