// kiosk — the Kiosk Một Cửa executable. Wires the subcommands; decides nothing.
#include <filesystem>
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk::app {

std::optional<Config> GlobalOptions::LoadConfigOrReport() const {
    if (config_path.empty()) return DefaultConfig();
    auto config = LoadConfig(config_path);
    if (!config) {
        kiosk::log::Failure(config.error());
        return std::nullopt;
    }
    for (const auto& warning : ConfigWarnings(*config)) log::Warning(warning);
    return config.value();
}

}  // namespace kiosk::app

namespace {

int RunCommandLine(int argc, char** argv) {
    using namespace kiosk::app;
    CLI::App app{"Kiosk Một Cửa — touchscreen kiosk for a commune's one-stop desk"};
    GlobalOptions options;
    app.add_option("--config", options.config_path, "configuration file (JSON); defaults run the demo")
        ->check(CLI::ExistingFile);
    app.require_subcommand(0, 1);
    app.fallthrough();  // --config may also follow the subcommand

    AddRunCommand(app, options);
    AddScreenshotCommand(app, options);
    AddContentCommands(app, options);
    AddSearchCommand(app, options);
    AddProcedureCommands(app, options);
    AddVotesCommands(app, options);
    AddStaffCommands(app, options);
    AddHeartbeatCommand(app, options);

    CLI11_PARSE(app, argc, argv);
    // "kiosk" alone runs the kiosk, as systemd and the demo command expect.
    if (app.get_subcommands().empty()) return RunWithDefaults(options);
    return options.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    // Errors go through kiosk::log, so under systemd they reach the journal as errors
    // (`journalctl -u kiosk -p err`), not as plain lines.
    // Every filesystem call in the program takes an error_code and says what failed; this is
    // the last guard, so that one we missed gives a sentence and an exit code, never an
    // abort (under systemd, an abort is a restart loop with nothing in the log).
    try {
        return RunCommandLine(argc, argv);
    } catch (const std::filesystem::filesystem_error& error) {
        kiosk::log::Failure("cannot use " + error.path1().string() + ": " + error.code().message());
    } catch (const std::exception& error) {
        kiosk::log::Failure(std::string("stopped by an unexpected error: ") + error.what());
    }
    return 1;
}
