#include "kiosk/core/bundle/server_content_updater.hpp"

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/content_status.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk::bundle {

namespace fs = std::filesystem;

ServerContentUpdater::ServerContentUpdater(ServerContentSettings settings, InstallOptions options, RunQueue& queue,
                                           Listener listener, InstallPolicy policy)
    : settings_(std::move(settings)),
      options_(std::move(options)),
      queue_(queue),
      listener_(std::move(listener)),
      policy_(policy) {}

ServerContentUpdater::~ServerContentUpdater() { Stop(); }

void ServerContentUpdater::Start() {
    if (settings_.server_url.empty() || worker_.joinable()) return;
    stopping_ = false;
    {
        std::lock_guard lock(mutex_);
        check_asked_ = true;  // the first check at once
    }
    worker_ = std::thread([this] { Run(); });
}

void ServerContentUpdater::Stop() {
    stopping_ = true;
    signal_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void ServerContentUpdater::CheckNow() {
    {
        std::lock_guard lock(mutex_);
        check_asked_ = true;
    }
    signal_.notify_all();
}

void ServerContentUpdater::InstallNow() {
    {
        std::lock_guard lock(mutex_);
        install_asked_ = true;
    }
    signal_.notify_all();
}

ServerUpdateState ServerContentUpdater::state() const {
    std::lock_guard lock(state_mutex_);
    return state_;
}

void ServerContentUpdater::Publish() {
    if (!listener_) return;
    auto snapshot = state();
    queue_.Post([listener = listener_, snapshot] { listener(snapshot); });
}

void ServerContentUpdater::Run() {
    auto next_check = std::chrono::steady_clock::now() + settings_.check_interval;
    while (!stopping_) {
        bool check = false, install = false;
        {
            std::unique_lock lock(mutex_);
            auto ready = [this] { return stopping_.load() || check_asked_ || install_asked_; };
            if (settings_.check_interval.count() > 0) signal_.wait_until(lock, next_check, ready);
            else signal_.wait(lock, ready);
            if (stopping_) return;
            check = check_asked_ || std::chrono::steady_clock::now() >= next_check;
            install = install_asked_;
            check_asked_ = install_asked_ = false;
        }
        if (check || install) {
            Check(install ? Asked::Yes : Asked::No);
            {
                std::lock_guard lock(state_mutex_);
                state_.finished++;
            }
            Publish();
        }
        if (check) next_check = std::chrono::steady_clock::now() + settings_.check_interval;
    }
}

void ServerContentUpdater::Check(Asked asked) {
    {
        std::lock_guard lock(state_mutex_);
        state_.phase = ServerUpdateState::Phase::Checking;
    }
    Publish();
    auto store = ContentStore::Open(settings_.data_dir);
    auto status = DescribeContentStatus(store, options_.factory_content_dir);
    ContentServerClient client(settings_, &stopping_);
    auto answer = client.FetchManifest(etag_, status.content_id, status.version);
    bool newer = false;
    {
        std::lock_guard lock(state_mutex_);
        state_.phase = ServerUpdateState::Phase::Idle;
        if (!answer) {
            state_.last_error = answer.error();
        } else {
            state_.last_error = {};
            state_.checks++;
            state_.checked_at = UtcTimestampNow();
            etag_ = answer->etag;
            switch (answer->kind) {
                case ManifestCheck::Kind::Offered:
                    state_.offer = answer->offer;
                    state_.nothing_published = false;
                    break;
                case ManifestCheck::Kind::Unchanged: state_.unchanged_answers++; break;
                case ManifestCheck::Kind::NothingPublished:
                    state_.offer.reset();
                    state_.nothing_published = true;
                    break;
            }
            // Newer than what is shown: the same content, a higher version (before the first
            // install, the factory content is a placeholder any content replaces).
            state_.offer_is_newer =
                state_.offer && ((status.origin == ContentOrigin::Factory && status.content_id != state_.offer->content_id) ||
                                 (state_.offer->content_id == status.content_id && state_.offer->version > status.version));
            newer = state_.offer_is_newer;
        }
    }
    if (!answer) log::Write(log::Priority::Warning, answer.error().message);
    Publish();
    // Automatically only once per bundle: one that was refused would be refused again.
    bool automatic = policy_ == InstallPolicy::Automatic && state().offer && state().offer->sha256 != refused_sha256_;
    if (newer && (asked == Asked::Yes || automatic)) DownloadAndInstall();
}

void ServerContentUpdater::DownloadAndInstall() {
    ServerOffer offer;
    {
        std::lock_guard lock(state_mutex_);
        if (!state_.offer) return;
        offer = *state_.offer;
        state_.phase = ServerUpdateState::Phase::Downloading;
        state_.done_bytes = 0;
        state_.total_bytes = offer.size;
    }
    Publish();
    ContentServerClient client(settings_, &stopping_);
    int percent_posted = -1;
    auto downloaded = client.Download(offer, [&](std::uint64_t done, std::uint64_t total) {
        {
            std::lock_guard lock(state_mutex_);
            state_.done_bytes = done;
            state_.total_bytes = total;
        }
        int percent = total ? static_cast<int>(done * 100 / total) : 0;
        if (percent != percent_posted) {
            percent_posted = percent;
            Publish();
        }
    });
    if (!downloaded) {
        {
            std::lock_guard lock(state_mutex_);
            state_.phase = ServerUpdateState::Phase::Idle;
            state_.last_error = downloaded.error();
        }
        // A download that arrived damaged (its SHA-256) is not the server's newest either.
        if (downloaded.error().message.find("SHA-256") != std::string::npos) refused_sha256_ = offer.sha256;
        log::Write(log::Priority::Warning, downloaded.error().message);
        Publish();
        return;
    }
    {
        std::lock_guard lock(state_mutex_);
        state_.phase = ServerUpdateState::Phase::Installing;
    }
    Publish();
    auto store = ContentStore::Open(settings_.data_dir);
    auto installed = store.Install(*downloaded, options_);
    std::error_code ignored;
    // Installed or refused, the download has done its work: a refused one would be refused again.
    fs::remove(*downloaded, ignored);
    {
        std::lock_guard lock(state_mutex_);
        state_.phase = ServerUpdateState::Phase::Idle;
        if (installed) {
            state_.installed = *installed;
            state_.last_error = {};
            state_.offer_is_newer = false;
        } else {
            state_.last_error = installed.error();
            refused_sha256_ = offer.sha256;
        }
    }
    if (installed) {
        log::Write(log::Priority::Info, "installed content " + installed->content_id + " version " +
                                            std::to_string(installed->version) + " from the commune server");
        // Tell the server now (a 304 that carries the new version), not at the next hourly
        // check: `kiosk-server content status` would call this kiosk out of date until then.
        (void)client.FetchManifest(etag_, installed->content_id, installed->version);
    } else
        log::Write(log::Priority::Error, installed.error().message, installed.error().message_vietnamese);
    Publish();
}

}  // namespace kiosk::bundle
