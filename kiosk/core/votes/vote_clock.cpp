#include "kiosk/core/votes/vote_clock.hpp"

#include <sys/timex.h>
#include <time.h>

#include <fstream>

namespace kiosk {

std::int64_t SystemVoteClock::WallNowMilliseconds() const {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}

bool SystemVoteClock::IsWallClockSynchronised() const {
    timex state{};
    state.modes = 0;  // read only: never changes the clock
    int result = adjtimex(&state);
    return result != -1 && result != TIME_ERROR && (state.status & STA_UNSYNC) == 0;
}

MonotonicReading SystemVoteClock::MonotonicNow() const {
    static const std::string boot_id = [] {
        std::ifstream stream("/proc/sys/kernel/random/boot_id");
        std::string line;
        std::getline(stream, line);
        return line.empty() ? std::string("unknown-boot") : line;
    }();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return {boot_id, static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000};
}

const SystemVoteClock& SystemVoteClock::Instance() {
    static const SystemVoteClock clock;
    return clock;
}

}  // namespace kiosk
