// libFuzzer target: the kiosk's configuration parser (kiosk/core/config.cpp) on any bytes.
// Every input must end in a Config or an Error with a sentence; a crash, a sanitizer report
// or an exception escaping is a bug. Built with -DKIOSK_FUZZ=ON under clang (fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/core/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto config = kiosk::ParseConfig(text, "/nonexistent-fuzz-base");
    if (!config && config.error().message.empty()) __builtin_trap();  // every refusal has a sentence
    if (config) (void)kiosk::ConfigWarnings(*config);
    return 0;
}
