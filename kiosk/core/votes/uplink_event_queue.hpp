#pragma once
// UplinkEventQueue: the small thread-safe hand-over from the delivery worker to the UI
// thread, which drains it once per frame. Bounded: when the UI stops polling, the
// oldest events go first (votes are safe in the outbox either way).
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "kiosk/core/votes/uplink_event.hpp"

namespace kiosk {

class UplinkEventQueue {
public:
    explicit UplinkEventQueue(std::size_t capacity = 64) : capacity_(capacity) {}

    void Push(UplinkEvent event) {
        std::lock_guard lock(mutex_);
        if (events_.size() >= capacity_) {
            events_.pop_front();
            ++dropped_;
        }
        events_.push_back(std::move(event));
    }

    std::optional<UplinkEvent> TryPop() {
        std::lock_guard lock(mutex_);
        if (events_.empty()) return std::nullopt;
        UplinkEvent event = std::move(events_.front());
        events_.pop_front();
        return event;
    }

    std::vector<UplinkEvent> TakeAll() {
        std::lock_guard lock(mutex_);
        std::vector<UplinkEvent> all(std::make_move_iterator(events_.begin()), std::make_move_iterator(events_.end()));
        events_.clear();
        return all;
    }

    std::size_t dropped() const {
        std::lock_guard lock(mutex_);
        return dropped_;
    }

private:
    mutable std::mutex mutex_;
    std::deque<UplinkEvent> events_;
    std::size_t capacity_;
    std::size_t dropped_ = 0;
};

}  // namespace kiosk
