// The short soak, run by ctest: 12,000 frames of random touches on the real kiosk. The
// full one (100,000 frames, the figure) is bench/soak_bench.cpp, run by bench/run;
// both use tests/soak/soak_run.hpp and check the same two things.
#include <doctest/doctest.h>

#include "tests/soak/soak_run.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;

TEST_CASE("ui: soak — random touches for 12,000 frames keep memory flat and the state directory bounded") {
    kiosk::testing::TemporaryDirectory data;
    Config config = kiosk::testing::DemoConfig(data);
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config);
    auto votes = [&]() -> std::int64_t {
        auto status = kiosk->services().vote_outbox()->ReadStatus(0);
        return status ? status->pending + status->delivered + status->rejected : -1;
    };
    REQUIRE(kiosk->services().vote_outbox());
    auto figures = soak::RunSoak(*kiosk, data.path(), 12'000, 1'000, 20261203u, votes);
    MESSAGE("frames ", figures.frames, ", actions ", figures.actions, ", resident ", figures.resident_after_warm_up / 1024,
            " KiB after 1,000 frames, ", figures.resident_at_end / 1024, " KiB at the end, votes ",
            figures.votes_at_end);
    CHECK(figures.taps_on_targets > 500);  // the soak did reach the screens
    CHECK(figures.votes_at_end > figures.votes_after_warm_up);  // and voted
    CHECK(figures.ResidentGrowth() < 0.05);
    // No file grows but the vote outbox, and that one by the votes it holds.
    for (const auto& [file, size] : figures.files_at_end) {
        CAPTURE(file);
        std::int64_t before = figures.files_after_warm_up.contains(file) ? figures.files_after_warm_up.at(file) : 0;
        if (file.starts_with("votes.sqlite")) {
            std::int64_t new_votes = figures.votes_at_end - figures.votes_after_warm_up;
            // The WAL is checkpointed at SQLite's default 1,000 pages (4 MB), whatever the votes.
            CHECK(size - before <= std::max<std::int64_t>(4096 * 1100, new_votes * 4096));
        } else {
            CHECK(size <= before + 64 * 1024);
        }
    }
}
