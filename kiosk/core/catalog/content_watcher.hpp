#pragma once
// ContentWatcher: notices, on a worker thread, that the content to show has changed — a
// bundle installed from a USB stick, by the server pull or by `kiosk content install` in
// another process, a rollback — opens the new catalog there (never on the UI thread), and
// posts it to the run queue. The UI keeps it aside and switches to it at the next return
// home (KioskUi), so a citizen reading a procedure is never disturbed.
//
//   catalog::ContentWatcher watcher(source, shown_fingerprint, run_queue,
//                                   [&](std::shared_ptr<catalog::ShownContent> next) { pending = next; });
//   watcher.Start();
//   watcher.CheckNow();   // right after an install finished: no need to wait for the next look
//
// It looks every few seconds, with stat calls only (ContentSource::Fingerprint). New content
// that does not open is not posted (the kiosk keeps what it shows; the log says why once
// per change). Posted content is always good content, never the fallback.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/run_queue.hpp"

namespace kiosk::catalog {

class ContentWatcher {
public:
    // Runs on the UI thread; owns the new content from then on.
    using Listener = std::function<void(std::shared_ptr<ShownContent>)>;

    // shown_fingerprint: source.Fingerprint() of the content shown now (nothing is posted
    // until it changes).
    ContentWatcher(ContentSource source, std::string shown_fingerprint, RunQueue& queue, Listener listener,
                   std::chrono::milliseconds interval = std::chrono::seconds(5));
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    void Start();  // no-op when running
    void Stop();   // joins; nothing is posted after it returns
    void CheckNow();
    bool running() const { return worker_.joinable(); }

private:
    void Run();

    ContentSource source_;
    std::string last_fingerprint_;
    RunQueue& queue_;
    Listener listener_;
    std::chrono::milliseconds interval_;
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable signal_;
    bool stopping_ = false;
    bool check_now_ = false;
};

}  // namespace kiosk::catalog
