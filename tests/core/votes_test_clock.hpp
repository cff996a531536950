#pragma once
// A clock the tests set by hand. Only the tests use it: the clock-backwards cases need a
// wall clock we can move, which the real system clock cannot be for an unprivileged test.
#include <cstdint>
#include <string>

#include "kiosk/core/votes/vote_clock.hpp"

namespace kiosk::testing {

class TestVoteClock final : public VoteClock {
public:
    std::int64_t wall_ms = 1'763'880'000'000;  // 2025-11-23, a plausible synchronised date
    bool synchronised = true;
    std::string boot_id = "boot-a";
    std::int64_t monotonic_ms = 50'000;

    std::int64_t WallNowMilliseconds() const override { return wall_ms; }
    bool IsWallClockSynchronised() const override { return synchronised; }
    MonotonicReading MonotonicNow() const override { return {boot_id, monotonic_ms}; }

    // Real time passing: both clocks move together.
    void Advance(std::int64_t milliseconds) {
        wall_ms += milliseconds;
        monotonic_ms += milliseconds;
    }
};

}  // namespace kiosk::testing
