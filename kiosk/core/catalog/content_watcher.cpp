#include "kiosk/core/catalog/content_watcher.hpp"

namespace kiosk::catalog {

ContentWatcher::ContentWatcher(ContentSource source, std::string shown_fingerprint, RunQueue& queue, Listener listener,
                               std::chrono::milliseconds interval)
    : source_(std::move(source)),
      last_fingerprint_(std::move(shown_fingerprint)),
      queue_(queue),
      listener_(std::move(listener)),
      interval_(interval) {}

ContentWatcher::~ContentWatcher() { Stop(); }

void ContentWatcher::Start() {
    if (worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    worker_ = std::thread([this] { Run(); });
}

void ContentWatcher::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    signal_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void ContentWatcher::CheckNow() {
    {
        std::lock_guard lock(mutex_);
        check_now_ = true;
    }
    signal_.notify_all();
}

void ContentWatcher::Run() {
    while (true) {
        {
            std::unique_lock lock(mutex_);
            signal_.wait_for(lock, interval_, [this] { return stopping_ || check_now_; });
            if (stopping_) return;
            check_now_ = false;
        }
        std::string fingerprint = source_.Fingerprint();
        if (fingerprint == last_fingerprint_) continue;
        last_fingerprint_ = fingerprint;
        auto shown = std::make_shared<ShownContent>(source_.Open());
        shown->WriteLog();
        // Broken new content: keep showing what is shown (already good or the fallback).
        if (!shown->ok() || !shown->catalog) continue;
        // The files may have moved on while the catalog was built: look again soon.
        if (source_.Fingerprint() != fingerprint) {
            std::lock_guard lock(mutex_);
            check_now_ = true;
        }
        queue_.Post([listener = listener_, shown] { listener(shown); });
    }
}

}  // namespace kiosk::catalog
