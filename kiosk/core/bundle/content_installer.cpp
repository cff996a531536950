#include "kiosk/core/bundle/content_installer.hpp"

#include <sodium.h>

#include <memory>
#include <optional>

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

// Removes a folder under incoming/ when the job ends, however it ends.
struct RemoveWhenDone {
    fs::path folder;
    ~RemoveWhenDone() {
        if (folder.empty()) return;
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

std::string RandomSuffix() {
    unsigned char random[6];
    randombytes_buf(random, sizeof random);
    char text[sizeof random * 2 + 1];
    sodium_bin2hex(text, sizeof text, random, sizeof random);
    return text;
}

}  // namespace

Result<InstallerSettings> InstallerSettings::FromConfig(const Config& config) {
    auto trust = BundleTrust::FromConfig(config.content);
    if (!trust) return trust.error();
    InstallerSettings settings;
    settings.data_dir = config.data_dir;
    settings.options.trust = std::move(*trust);
    settings.options.factory_content_dir = config.content_dir;
    settings.usb = usb::UsbSettings::FromConfig(config);
    return settings;
}

ContentInstaller::ContentInstaller(InstallerSettings settings, RunQueue& queue)
    : settings_(std::move(settings)), queue_(queue) {}

ContentInstaller::~ContentInstaller() { Wait(); }

void ContentInstaller::Wait() {
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) worker_.join();
}

Status ContentInstaller::Begin(Job job) {
    std::lock_guard lock(mutex_);
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true))
        return Error{"another content install or check is still running; wait for it to end",
                     "Đang có một lần cài hoặc kiểm tra nội dung khác; hãy chờ nó xong."};
    if (worker_.joinable()) worker_.join();  // the previous job has posted its result and is ending
    worker_ = std::thread([this, job = std::move(job)] {
        RunQueue::Task report = job();
        // Not busy any more by the time the result is seen: its callback may start the next job.
        busy_.store(false);
        if (report) queue_.Post(std::move(report));
    });
    return Success();
}

InstallProgressCallback ContentInstaller::Relay(ProgressListener listener) {
    if (!listener) return {};
    struct Last {
        std::optional<InstallStage> stage;
        std::uint64_t percent = 0;
    };
    auto last = std::make_shared<Last>();
    return [this, listener = std::move(listener), last](const InstallProgress& progress) {
        std::uint64_t percent = progress.total_bytes ? progress.done_bytes * 100 / progress.total_bytes : 0;
        if (last->stage == progress.stage && percent == last->percent) return;
        last->stage = progress.stage;
        last->percent = percent;
        queue_.Post([listener, progress] { listener(progress); });
    };
}

Result<fs::path> ContentInstaller::CopyOffStick(const usb::StickBundle& bundle, const InstallProgressCallback& progress,
                                                fs::path& folder) {
    auto store = ContentStore::Open(settings_.data_dir);
    folder = store.IncomingDirectory() / ("usb-" + RandomSuffix());
    std::error_code error;
    fs::create_directories(folder, error);
    if (error)
        return Error{"cannot create " + folder.string() + ": " + error.message(),
                     "Không tạo được thư mục tạm trên kiosk (" + error.message() + ")."};
    return usb::CopyBundleFromStick(bundle, settings_.usb, folder, [&](std::uint64_t done, std::uint64_t total) {
        if (progress) progress({InstallStage::CopyingFromStick, done, total});
    });
}

Status ContentInstaller::PreviewFromStick(const usb::StickBundle& bundle, ProgressListener progress, PreviewDone done) {
    return Begin([this, bundle, relay = Relay(std::move(progress)), done = std::move(done)] {
        RemoveWhenDone cleanup;
        auto copy = CopyOffStick(bundle, relay, cleanup.folder);
        std::optional<Result<ContentPreview>> result;
        if (!copy) {
            result.emplace(copy.error());
        } else {
            InstallOptions options = settings_.options;
            options.progress = relay;
            auto store = ContentStore::Open(settings_.data_dir);
            result.emplace(store.Preview(*copy, options));
        }
        return done ? RunQueue::Task([done, result = std::move(*result)] { done(result); }) : RunQueue::Task();
    });
}

Status ContentInstaller::InstallFromStick(const usb::StickBundle& bundle, ProgressListener progress, ReleaseDone done) {
    return Begin([this, bundle, relay = Relay(std::move(progress)), done = std::move(done)] {
        RemoveWhenDone cleanup;
        auto copy = CopyOffStick(bundle, relay, cleanup.folder);
        std::optional<Result<ContentRelease>> result;
        if (!copy) {
            result.emplace(copy.error());
        } else {
            InstallOptions options = settings_.options;
            options.progress = relay;
            auto store = ContentStore::Open(settings_.data_dir);
            result.emplace(store.Install(*copy, options));
        }
        return done ? RunQueue::Task([done, result = std::move(*result)] { done(result); }) : RunQueue::Task();
    });
}

Status ContentInstaller::InstallFile(const fs::path& bundle_file, ProgressListener progress, ReleaseDone done) {
    return Begin([this, bundle_file, relay = Relay(std::move(progress)), done = std::move(done)] {
        InstallOptions options = settings_.options;
        options.progress = relay;
        auto store = ContentStore::Open(settings_.data_dir);
        auto result = store.Install(bundle_file, options);
        return done ? RunQueue::Task([done, result = std::move(result)] { done(result); }) : RunQueue::Task();
    });
}

Status ContentInstaller::Rollback(ReleaseDone done) {
    return Begin([this, done = std::move(done)] {
        auto store = ContentStore::Open(settings_.data_dir);
        auto result = store.Rollback();
        return done ? RunQueue::Task([done, result = std::move(result)] { done(result); }) : RunQueue::Task();
    });
}

}  // namespace kiosk::bundle
