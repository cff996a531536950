#include "kiosk/core/staff/pin_lockout.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "kiosk/core/atomic_file.hpp"

namespace kiosk::staff {

std::filesystem::path PinLockoutPath(const std::filesystem::path& data_dir) { return data_dir / "staff-lockout.json"; }

PinLockout PinLockout::Load(const std::filesystem::path& state_file, std::time_t now) {
    PinLockout lockout;
    lockout.file_ = state_file;
    std::error_code error;
    if (!std::filesystem::exists(state_file, error)) return lockout;
    std::ifstream stream(state_file, std::ios::binary);
    std::stringstream text;
    text << stream.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    bool readable = stream && document.is_object() && document.value("failures", -1) >= 0 &&
                    document.value("rounds_locked", -1) >= 0 && document.contains("locked_until") &&
                    document["locked_until"].is_number_integer();
    if (!readable) {
        lockout.locked_until_ = now + kFirstLockSeconds;
        lockout.rounds_locked_ = 1;
        return lockout;
    }
    lockout.failures_ = std::min(document["failures"].get<int>(), kAttemptsPerRound - 1);
    lockout.rounds_locked_ = std::min(document["rounds_locked"].get<int>(), 30);
    lockout.locked_until_ = document["locked_until"].get<std::time_t>();
    return lockout;
}

Status PinLockout::RecordFailure(std::time_t now) {
    if (LockedAt(now)) return Save();
    if (++failures_ >= kAttemptsPerRound) {
        std::time_t length = kFirstLockSeconds;
        for (int round = 0; round < rounds_locked_ && length < kLongestLockSeconds; ++round) length *= 2;
        locked_until_ = now + std::min(length, kLongestLockSeconds);
        ++rounds_locked_;
        failures_ = 0;
    }
    return Save();
}

Status PinLockout::RecordSuccess() {
    failures_ = 0;
    rounds_locked_ = 0;
    locked_until_ = 0;
    return Save();
}

Status PinLockout::Save() const {
    nlohmann::json document = {{"failures", failures_}, {"rounds_locked", rounds_locked_}, {"locked_until", locked_until_}};
    return WriteFileAtomically(file_, document.dump() + "\n", 0600);
}

}  // namespace kiosk::staff
