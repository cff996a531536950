// RunQueue: tasks posted from worker threads run on the thread that drains the queue, in
// order, once per drain; a failing task is counted and does not stop the others.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "kiosk/core/run_queue.hpp"

using namespace kiosk;

TEST_CASE("run queue: tasks from workers run on the draining thread, in the order each worker posted them") {
    RunQueue queue;
    std::atomic<int> wakes{0};
    queue.SetWake([&] { ++wakes; });
    const auto ui_thread = std::this_thread::get_id();
    std::vector<std::vector<int>> seen(4);
    bool all_on_ui_thread = true;
    std::vector<std::thread> workers;
    for (int worker = 0; worker < 4; ++worker)
        workers.emplace_back([&, worker] {
            for (int item = 0; item < 250; ++item)
                queue.Post([&, worker, item] {
                    all_on_ui_thread = all_on_ui_thread && std::this_thread::get_id() == ui_thread;
                    seen[worker].push_back(item);
                });
        });
    std::size_t ran = 0;
    // Drain while they post, as frames do.
    while (ran < 1000) ran += queue.RunPending();
    for (auto& worker : workers) worker.join();
    CHECK(ran == 1000);
    CHECK(all_on_ui_thread);
    CHECK(wakes.load() == 1000);
    for (const auto& items : seen) {
        REQUIRE(items.size() == 250);
        for (int item = 0; item < 250; ++item) CHECK(items[static_cast<size_t>(item)] == item);
    }
    CHECK(queue.pending() == 0);
}

TEST_CASE("run queue: a task posted by a task runs at the next drain, and a throwing task is counted") {
    RunQueue queue;
    int order = 0, first = 0, second = 0, after_failure = 0;
    queue.Post([&] {
        first = ++order;
        queue.Post([&] { second = ++order; });
    });
    queue.Post([] { throw std::runtime_error("broken task"); });
    queue.Post([&] { after_failure = ++order; });
    CHECK(queue.RunPending() == 3);
    CHECK(first == 1);
    CHECK(after_failure == 2);
    CHECK(second == 0);  // not in this frame
    CHECK(queue.failures() == 1);
    CHECK(queue.RunPending() == 1);
    CHECK(second == 3);
    CHECK(queue.RunPending() == 0);
}
