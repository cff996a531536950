#include "kiosk/core/staff/staff_pin.hpp"

#include <sodium.h>

#include <algorithm>

namespace kiosk::staff {
namespace {

bool SodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

}  // namespace

Status CheckPinFormat(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return Error{"the PIN must be digits only", "Mã PIN chỉ gồm chữ số."};
    if (pin.size() < kPinMinimumDigits || pin.size() > kPinMaximumDigits)
        return Error{"the PIN must have 4 to 8 digits, found " + std::to_string(pin.size()),
                     "Mã PIN phải có từ 4 đến 8 chữ số."};
    return Success();
}

Result<std::string> HashPin(std::string_view pin) {
    if (auto format = CheckPinFormat(pin); !format) return format.error();
    if (!SodiumReady()) return Error{"libsodium could not start"};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"hashing the PIN ran out of memory (it needs 64 MiB)"};
    return std::string(hash);
}

bool IsPinHash(std::string_view hash) {
    if (!SodiumReady() || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    std::string terminated(hash);
    // -1: not a hash libsodium recognises; 0 or 1: a valid hash (1 only asks for stronger parameters).
    return crypto_pwhash_str_needs_rehash(terminated.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

bool PinMatches(std::string_view hash, std::string_view pin) {
    if (!IsPinHash(hash) || !CheckPinFormat(pin)) return false;
    std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace kiosk::staff
