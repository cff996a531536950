#pragma once
// ContentInstaller: installs content from a screen without freezing it. Each call starts
// one job on a worker thread (a USB bundle copied, verified and installed; a downloaded
// file installed; a rollback) and returns at once; the job's progress and its result are
// posted to the run queue, so the callbacks run on the UI thread, between frames.
//
//   bundle::ContentInstaller installer(*bundle::InstallerSettings::FromConfig(config), run_queue);
//   auto started = installer.PreviewFromStick(stick_bundle, on_progress, [&](const Result<ContentPreview>& preview) {
//       if (preview) show *preview (PreviewToJson has every field) else show preview.error().ForPeople();
//   });
//   if (!started) show started.error().ForPeople();    // another job is running
//   installer.InstallFromStick(stick_bundle, [&](const InstallProgress& p) { label = DescribeProgress(p, language); },
//                              [&](const Result<ContentRelease>& release) { … });
//   installer.Rollback([&](const Result<ContentRelease>& release) { … });
//
// A bundle on a stick is first copied onto the kiosk's disk (usb::CopyBundleFromStick, under
// <data_dir>/content/incoming/), then checked and installed from that copy, which is removed
// afterwards: a stick pulled out at any moment refuses with a sentence and leaves the
// installed content as it was. Every refusal is ContentStore's sentence (English for the log,
// Vietnamese for staff: error().ForPeople()).
//
// Progress comes as InstallProgress (install_progress.hpp), at most once per stage and per
// percent, so the queue is not flooded. After an install or rollback succeeds the running
// kiosk switches to it at its next return home (ContentWatcher); nothing here touches the
// screens. The destructor waits for a job in flight (an install is short and must not be
// cut off by the kiosk closing its screen); callbacks posted but not yet run are dropped
// with the queue.
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "kiosk/core/bundle/content_preview.hpp"
#include "kiosk/core/bundle/content_release.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/install_progress.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/run_queue.hpp"
#include "kiosk/core/usb/usb_sticks.hpp"

namespace kiosk::bundle {

struct InstallerSettings {
    std::filesystem::path data_dir;
    InstallOptions options;  // trust, limits, factory content (its progress is the installer's own)
    usb::UsbSettings usb;

    // Refused only when content.trusted_keys cannot be read (the config check prevents it).
    static Result<InstallerSettings> FromConfig(const Config& config);
};

class ContentInstaller {
public:
    using ProgressListener = std::function<void(const InstallProgress&)>;
    using PreviewDone = std::function<void(const Result<ContentPreview>&)>;
    using ReleaseDone = std::function<void(const Result<ContentRelease>&)>;

    ContentInstaller(InstallerSettings settings, RunQueue& queue);
    ~ContentInstaller();
    ContentInstaller(const ContentInstaller&) = delete;
    ContentInstaller& operator=(const ContentInstaller&) = delete;

    // True from a call that started a job until its result is posted (the result's callback
    // sees busy() false, and may start the next job).
    bool busy() const { return busy_.load(); }

    // Each returns an error (and starts nothing) while another job runs. Listeners may be empty.
    Status PreviewFromStick(const usb::StickBundle& bundle, ProgressListener progress, PreviewDone done);
    Status InstallFromStick(const usb::StickBundle& bundle, ProgressListener progress, ReleaseDone done);
    // A bundle already on the kiosk's disk (a server download).
    Status InstallFile(const std::filesystem::path& bundle_file, ProgressListener progress, ReleaseDone done);
    Status Rollback(ReleaseDone done);

    // Waits until no job runs (tests; the destructor).
    void Wait();

private:
    // A job runs on the worker and returns what to post to the UI thread when it is done.
    using Job = std::function<RunQueue::Task()>;
    Status Begin(Job job);
    // Progress from the worker, thinned out, posted to the UI thread.
    InstallProgressCallback Relay(ProgressListener listener);
    // The stick's bundle copied into a fresh folder under incoming/, or why not.
    Result<std::filesystem::path> CopyOffStick(const usb::StickBundle& bundle, const InstallProgressCallback& progress,
                                               std::filesystem::path& folder);

    InstallerSettings settings_;
    RunQueue& queue_;
    std::mutex mutex_;
    std::thread worker_;
    std::atomic<bool> busy_{false};
};

}  // namespace kiosk::bundle
