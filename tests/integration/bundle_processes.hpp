#pragma once
// `kiosk content …` run as a real process for the bundle tests, with a config naming a
// temp data directory, a factory content directory and the trusted key.
#include <nlohmann/json.hpp>

#include "tests/core/bundle_test_support.hpp"
#include "tests/integration/votes_processes.hpp"

namespace kiosk::testing {

// stdout and stderr together, so refusals (on stderr) can be read.
inline CommandResult KioskContent(const fs::path& config, std::vector<std::string> arguments,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    std::vector<std::string> command{"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1", KioskBinary().string(), "--config",
                                      config.string(), "content"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return RunCommand(command, timeout);
}

inline void WriteBundleConfig(const fs::path& config, const fs::path& data, const fs::path& factory,
                              const std::vector<std::string>& trusted_lines, bool allow_unsigned = false) {
    WriteFile(config, nlohmann::json{{"data_dir", data.string()},
                                     {"content_dir", factory.string()},
                                     {"content", {{"trusted_keys", trusted_lines}, {"allow_unsigned", allow_unsigned}}}}
                          .dump(2));
}

}  // namespace kiosk::testing
