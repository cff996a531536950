#pragma once
// The staff PIN: 4–8 digits, stored only as a libsodium password hash (crypto_pwhash_str,
// Argon2id) in the configuration's `staff.pin_hash`. The PIN itself is never written,
// logged or passed on a command line.
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::staff {

inline constexpr size_t kPinMinimumDigits = 4;
inline constexpr size_t kPinMaximumDigits = 8;

// 4–8 ASCII digits, nothing else; the error says which rule a PIN breaks (without echoing it).
Status CheckPinFormat(std::string_view pin);
// The hash to paste into the configuration. Slow on purpose (≈0.1 s, 64 MiB).
Result<std::string> HashPin(std::string_view pin);
// True when `hash` is a libsodium password hash this kiosk can check.
bool IsPinHash(std::string_view hash);
// True when `pin` matches `hash`. As slow as HashPin: call it off the UI thread.
bool PinMatches(std::string_view hash, std::string_view pin);

}  // namespace kiosk::staff
