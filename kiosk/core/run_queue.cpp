#include "kiosk/core/run_queue.hpp"

#include <cstdio>
#include <exception>

namespace kiosk {

void RunQueue::Post(Task task) {
    std::function<void()> wake;
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        wake = wake_;
    }
    if (wake) wake();  // outside the lock: the wake may take locks of its own
}

std::size_t RunQueue::RunPending() {
    std::vector<Task> tasks;
    {
        std::lock_guard lock(mutex_);
        tasks.swap(tasks_);
    }
    for (auto& task : tasks) {
        try {
            task();
        } catch (const std::exception& error) {
            std::fprintf(stderr, "kiosk: a background task failed on the UI thread: %s\n", error.what());
            std::lock_guard lock(mutex_);
            ++failures_;
        } catch (...) {
            std::fprintf(stderr, "kiosk: a background task failed on the UI thread\n");
            std::lock_guard lock(mutex_);
            ++failures_;
        }
    }
    return tasks.size();
}

void RunQueue::SetWake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
}

std::size_t RunQueue::pending() const {
    std::lock_guard lock(mutex_);
    return tasks_.size();
}

std::size_t RunQueue::failures() const {
    std::lock_guard lock(mutex_);
    return failures_;
}

}  // namespace kiosk
