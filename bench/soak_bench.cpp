// soak_bench: the full soak of issue 14 — 100,000 frames of random touches and screen
// changes on the real kiosk, headless, on the demo content — and its figures: resident
// memory after the first 1,000 frames and at the end (the bar: within 5 %), and every file
// of the state directory at both points. Exit status 1 when memory or a file grew past the
// bar. The 12,000-frame version runs in ctest (tests/ui/soak_test.cpp).
//
//   build/soak_bench [--frames 100000] [--seed N]
#include <CLI/CLI.hpp>
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include "tests/soak/soak_run.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
    CLI::App app{"soak_bench — 100,000 frames of random touches on the headless kiosk"};
    long long frames = 100'000;
    unsigned seed = 20261203u;
    app.add_option("--frames", frames, "frames to draw");
    app.add_option("--seed", seed, "seed of the random touches");
    CLI11_PARSE(app, argc, argv);
    setenv("SDL_VIDEODRIVER", "dummy", 0);

    fs::path data = fs::temp_directory_path() / ("kiosk-soak-bench-" + std::to_string(::getpid()));
    Config config = DefaultConfig();
    config.data_dir = data;
    config.content_dir = fs::path(KIOSK_SOURCE_DIR) / "content";
    auto created = platform::HeadlessKiosk::Create(config, 1080, 1920);
    if (!created) {
        std::fprintf(stderr, "soak_bench: %s\n", created.error().message.c_str());
        return 2;
    }
    auto& kiosk = *created.value();
    kiosk.Settle();
    auto votes = [&]() -> std::int64_t {
        auto* outbox = kiosk.services().vote_outbox();
        auto status = outbox ? outbox->ReadStatus(0) : Result<VoteOutboxStatus>(Error{"no outbox"});
        return status ? status->pending + status->delivered + status->rejected : -1;
    };
    auto started = std::chrono::steady_clock::now();
    auto figures = soak::RunSoak(kiosk, data, frames, 1'000, seed, votes);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::printf("frames %lld in %.0f s (%.2f ms a frame, %lld rasterized), %lld actions: %lld taps on targets, "
                "%lld anywhere, %lld drags, %lld pauses\n",
                figures.frames, seconds, 1000.0 * seconds / static_cast<double>(figures.frames), figures.renders,
                figures.actions, figures.taps_on_targets, figures.taps_anywhere, figures.drags, figures.pauses);
    std::printf("resident memory after 1,000 frames %.1f MB, at the end %.1f MB: %+.2f %% (bar: < 5 %%)\n",
                static_cast<double>(figures.resident_after_warm_up) / 1e6, static_cast<double>(figures.resident_at_end) / 1e6,
                100.0 * figures.ResidentGrowth());
    std::printf("votes in the outbox after 1,000 frames %lld, at the end %lld\n",
                static_cast<long long>(figures.votes_after_warm_up), static_cast<long long>(figures.votes_at_end));
    bool files_bounded = true;
    std::int64_t new_votes = figures.votes_at_end - figures.votes_after_warm_up;
    for (const auto& [file, size] : figures.files_at_end) {
        std::int64_t before = figures.files_after_warm_up.contains(file) ? figures.files_after_warm_up.at(file) : 0;
        bool outbox = file.starts_with("votes.sqlite");
        std::int64_t allowed = outbox ? std::max<std::int64_t>(4096 * 1100, new_votes * 4096) : 64 * 1024;
        bool bounded = size - before <= allowed;
        files_bounded = files_bounded && bounded;
        std::printf("  %-40s %10lld -> %10lld bytes%s%s\n", file.c_str(), static_cast<long long>(before),
                    static_cast<long long>(size), outbox ? " (grows with the votes it keeps)" : "",
                    bounded ? "" : "  GREW PAST THE BAR");
    }
    std::error_code ignored;
    fs::remove_all(data, ignored);
    bool memory_flat = figures.ResidentGrowth() < 0.05;
    std::printf("%s\n", memory_flat && files_bounded ? "soak: passed" : "soak: FAILED");
    return memory_flat && files_bounded ? 0 : 1;
}
