#pragma once
// RunQueue: how background threads hand work to the UI thread (Tracy's way). A worker posts
// a small task — "new content is ready", "a USB stick was seen", "download 40 %" — and the
// UI thread runs every pending task once a frame, before it draws, so only the UI thread
// touches the screens' state and ImGui. A task that throws is caught, counted and logged;
// it never takes the UI thread down.
//
//   worker:  queue.Post([this, progress] { staff_view.progress = progress; });
//   UI:      each frame: queue.RunPending();
//
// The platform sets a wake function (it pushes an SDL event) so a sleeping window redraws
// when a task arrives; it is called on the posting thread.
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace kiosk {

class RunQueue {
public:
    using Task = std::function<void()>;

    // Any thread. Tasks run in the order they were posted.
    void Post(Task task);
    // The UI thread, once a frame. Runs the tasks pending now; tasks they post run next time.
    // Returns how many ran.
    std::size_t RunPending();
    // Set before workers start (or from the UI thread while none posts).
    void SetWake(std::function<void()> wake);

    std::size_t pending() const;
    std::size_t failures() const;

private:
    mutable std::mutex mutex_;
    std::vector<Task> tasks_;
    std::function<void()> wake_;
    std::size_t failures_ = 0;
};

}  // namespace kiosk
