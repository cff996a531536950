// kiosk run: the kiosk on the display, full screen.
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/platform/kiosk_window.hpp"
#include "kiosk/ui/services.hpp"

namespace kiosk::app {
namespace {

struct RunOptions {
    platform::WindowOptions window;
    std::string size;
};

int Run(const GlobalOptions& options, RunOptions run) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    if (!run.size.empty()) {
        int width = 0, height = 0;
        if (std::sscanf(run.size.c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 320) {
            std::cerr << "kiosk: --size must look like 1080x1920, got \"" << run.size << "\"\n";
            return 2;
        }
        run.window.width = width;
        run.window.height = height;
    }
    auto services = ui::Services::Open(*config);
    services->StartUplink();
    services->StartWatchingContent();
    return platform::RunKioskWindow(*config, run.window, services.get());
}

}  // namespace

void AddRunCommand(CLI::App& app, GlobalOptions& options) {
    auto run = std::make_shared<RunOptions>();
    CLI::App* command = app.add_subcommand("run", "show the kiosk on the display (the default)");
    command->add_flag("--windowed", run->window.windowed, "a normal window instead of full screen (development)");
    command->add_option("--size", run->size, "window size WxH when windowed, e.g. 1080x1920 or 1920x1080");
    command->add_flag("--allow-exit", run->window.allow_exit, "let Escape and closing the window quit (development)");
    command->add_option("--exit-after-frames", run->window.exit_after_frames, "quit after N frames (benchmarks)");
    command->callback([&options, run] { options.exit_code = Run(options, *run); });
}

int RunWithDefaults(GlobalOptions& options) { return Run(options, RunOptions{}); }

}  // namespace kiosk::app
