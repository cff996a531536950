// Frame benchmark: how long SDL's software renderer takes to rasterize each scene.
// The kiosk draws with the software renderer (no GPU on a commune's PC), so this is what
// every redraw after a touch costs, and the largest part of the first frame.
// Usage: frame_bench [--runs N] [--size WxH] [--config FILE]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/platform/headless_kiosk.hpp"
#include "kiosk/ui/screen_scenes.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kiosk software-rasterizer cost per scene"};
    int runs = 15;
    std::string size = "1080x1920", config_path;
    app.add_option("--runs", runs, "renders per scene");
    app.add_option("--size", size, "screen size WxH");
    app.add_option("--config", config_path, "kiosk configuration file");
    CLI11_PARSE(app, argc, argv);

    int width = 0, height = 0;
    if (std::sscanf(size.c_str(), "%dx%d", &width, &height) != 2) {
        std::fprintf(stderr, "frame_bench: --size must look like 1080x1920\n");
        return 2;
    }
    auto config = config_path.empty() ? kiosk::Result<kiosk::Config>(kiosk::DefaultConfig()) : kiosk::LoadConfig(config_path);
    if (!config) {
        std::fprintf(stderr, "frame_bench: %s\n", config.error().message.c_str());
        return 2;
    }

    std::printf("software rasterization per scene at %dx%d, %d renders each (median / max ms)\n", width, height, runs);
    std::vector<double> medians;
    for (const auto& scene : kiosk::ui::AllScenes()) {
        auto created = kiosk::platform::HeadlessKiosk::Create(config.value(), width, height);
        if (!created) {
            std::fprintf(stderr, "frame_bench: %s\n", created.error().message.c_str());
            return 1;
        }
        auto& kiosk = *created.value();
        kiosk.Settle();
        scene.enter(kiosk.ui());
        kiosk.Settle(4);
        kiosk.Render();  // the first render also uploads the font texture
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            auto start = Clock::now();
            kiosk.Render();
            times.push_back(Milliseconds(start));
        }
        std::sort(times.begin(), times.end());
        double median = times[times.size() / 2];
        medians.push_back(median);
        std::printf("  %-20s %7.2f  %7.2f\n", scene.name.c_str(), median, times.back());
    }
    std::sort(medians.begin(), medians.end());
    std::printf("  %-20s %7.2f  (slowest scene's median)\n", "worst", medians.back());
    return 0;
}
