#pragma once
// The kiosk's command line: one Add…Command function per subcommand group, each in its
// own file. main.cpp only wires them; every rule lives in core/, ui/ or platform/.
#include <CLI/CLI.hpp>

#include <string>

#include "kiosk/core/config.hpp"

namespace kiosk::app {

struct GlobalOptions {
    std::string config_path;  // --config, accepted by every subcommand
    int exit_code = 0;        // what the chosen subcommand decided

    // The configuration from --config, or the defaults when none was given.
    // Prints the error and returns nothing when the file is refused.
    std::optional<Config> LoadConfigOrReport() const;
};

void AddRunCommand(CLI::App& app, GlobalOptions& options);
int RunWithDefaults(GlobalOptions& options);  // "kiosk" with no subcommand
void AddScreenshotCommand(CLI::App& app, GlobalOptions& options);
void AddContentCommands(CLI::App& app, GlobalOptions& options);
// keygen, pack, verify, preview, install, status, rollback under "content" (content_bundle_commands.cpp).
void AddContentBundleCommands(CLI::App& content, GlobalOptions& options);
void AddSearchCommand(CLI::App& app, GlobalOptions& options);
// "procedure show": the detail screen's page as text or JSON (procedure_command.cpp).
void AddProcedureCommands(CLI::App& app, GlobalOptions& options);
void AddVotesCommands(CLI::App& app, GlobalOptions& options);
void AddStaffCommands(CLI::App& app, GlobalOptions& options);
void AddHeartbeatCommand(CLI::App& app, GlobalOptions& options);

}  // namespace kiosk::app
