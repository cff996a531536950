#include "kiosk/core/votes/backoff.hpp"

#include <algorithm>

#include <sodium.h>

namespace kiosk {

std::chrono::milliseconds Backoff::NextDelay() {
    long long ceiling = std::max<long long>(1, initial_.count());
    for (int doubling = 0; doubling < failures_ && ceiling < maximum_.count(); ++doubling) ceiling *= 2;
    ceiling = std::min<long long>(ceiling, std::max<long long>(1, maximum_.count()));
    ++failures_;
    long long half = ceiling / 2;
    auto spread = static_cast<std::uint32_t>(std::min<long long>(ceiling - half + 1, UINT32_MAX));
    return std::chrono::milliseconds(half + randombytes_uniform(spread));
}

}  // namespace kiosk
