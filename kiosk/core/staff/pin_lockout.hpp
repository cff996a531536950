#pragma once
// PinLockout: five wrong PINs lock the PIN pad for 5 minutes, the next five for 10, then
// 20 … (doubling, at most a day); while it is locked even the right PIN does not open it.
// The state is a small file in the state directory, written atomically on every change,
// so pulling the plug or restarting the kiosk does not reset the count.
#include <ctime>
#include <filesystem>

#include "kiosk/core/result.hpp"

namespace kiosk::staff {

// <data_dir>/staff-lockout.json
std::filesystem::path PinLockoutPath(const std::filesystem::path& data_dir);

class PinLockout {
public:
    static constexpr int kAttemptsPerRound = 5;
    static constexpr std::time_t kFirstLockSeconds = 5 * 60;
    static constexpr std::time_t kLongestLockSeconds = 24 * 60 * 60;

    // Reads the state file; a missing one is a fresh start. A damaged one is read as a
    // locked pad for the first lock time (an attacker must not reset it by corrupting it).
    static PinLockout Load(const std::filesystem::path& state_file, std::time_t now);

    bool LockedAt(std::time_t now) const { return now < locked_until_; }
    std::time_t locked_until() const { return locked_until_; }
    int attempts_left() const { return kAttemptsPerRound - failures_; }
    int rounds_locked() const { return rounds_locked_; }

    // A wrong PIN: counted, and the fifth locks the pad. Written before it returns.
    Status RecordFailure(std::time_t now);
    // The right PIN while not locked: the count and the doubling start again.
    Status RecordSuccess();

private:
    Status Save() const;

    std::filesystem::path file_;
    int failures_ = 0;        // wrong PINs since the last lock or success
    int rounds_locked_ = 0;   // locks so far: the next lasts 5 min × 2^rounds_locked_
    std::time_t locked_until_ = 0;
};

}  // namespace kiosk::staff
