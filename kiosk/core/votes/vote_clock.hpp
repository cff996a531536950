#pragma once
// VoteClock: the two clocks a vote needs. The wall clock says when (for people and
// reports) and may be wrong or jump: kiosks often have no RTC and boot in 1970 until NTP
// answers. The monotonic reading never goes backwards within one boot, so the anti-abuse
// cooldown uses it, and the outbox's sequence (not the wall clock) orders votes.
// Tests inject a fake clock through this interface; the kiosk uses SystemVoteClock.
#include <cstdint>
#include <string>

namespace kiosk {

struct MonotonicReading {
    std::string boot_id;       // readings from different boots cannot be compared
    std::int64_t milliseconds = 0;  // since boot, including suspend (CLOCK_BOOTTIME)
};

class VoteClock {
public:
    virtual ~VoteClock() = default;
    virtual std::int64_t WallNowMilliseconds() const = 0;
    virtual bool IsWallClockSynchronised() const = 0;
    virtual MonotonicReading MonotonicNow() const = 0;
};

class SystemVoteClock final : public VoteClock {
public:
    std::int64_t WallNowMilliseconds() const override;
    // adjtimex() in read-only mode: the kernel's STA_UNSYNC bit is clear once NTP
    // (systemd-timesyncd, chrony, ntpd) has disciplined the clock. Unprivileged.
    bool IsWallClockSynchronised() const override;
    MonotonicReading MonotonicNow() const override;

    static const SystemVoteClock& Instance();
};

}  // namespace kiosk
