// The kiosk killed with SIGKILL in the middle of delivering (a power cut, the OOM killer)
// and started again: the server ends with every vote exactly once.
#include <doctest/doctest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "tests/integration/votes_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

TEST_CASE("votes crash: SIGKILL mid-delivery, restart, and the server holds every vote exactly once") {
    KeepLoopbackOffProxies();
    TemporaryDirectory directory;
    const std::string token = "tok-crash-0123456789abcdef";
    WriteFile(directory / "tokens", "kiosk-crash " + token + "\n");
    ServerProcess server(directory / "server.sqlite", directory / "tokens");
    REQUIRE(server.started());
    WriteFile(directory / "kiosk.json",
              nlohmann::json{{"kiosk_id", "kiosk-crash"},
                             {"data_dir", "state"},
                             {"server", {{"url", server.url()}, {"token", token}}}}
                  .dump());

    const int total = 1200;  // each one a durable commit: enough batches to kill between, quick to record
    std::vector<std::string> uuids;
    auto outbox = std::move(VoteOutbox::Open(directory / "state/votes.sqlite").value());
    {
        VoteRecorder recorder(*outbox, {"kiosk-crash", "quay-1", 3, 0, 0});
        for (int index = 0; index < total; ++index) uuids.push_back(recorder.Record(1 + index % 3).value().uuid);
    }

    std::vector<std::string> flush{KioskBinary().string(), "--config", (directory / "kiosk.json").string(), "votes",
                                   "flush", "--timeout", "30"};
    int kills_mid_delivery = 0;
    for (int round = 0; round < 4; ++round) {
        std::int64_t before = outbox->CountPending().value();
        if (before == 0) break;
        ChildProcess child(flush);
        // Kill it as soon as it has delivered something but not everything: mid-delivery
        // by construction, not by a lucky sleep.
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            std::int64_t pending = outbox->CountPending().value();
            if (pending < before && pending > 0) break;
            if (pending == 0) break;
            std::this_thread::sleep_for(1ms);
        }
        // Later rounds wait a little longer, so some kills land while a batch is on the
        // wire or committed on the server but not yet marked here.
        std::this_thread::sleep_for(std::chrono::milliseconds(round * 4));
        child.Kill(SIGKILL);
        std::int64_t after = outbox->CountPending().value();
        if (after > 0 && after < before) ++kills_mid_delivery;
        auto on_server = ExportedUuids(directory / "server.sqlite").size();
        MESSAGE("round " << round << ": pending " << before << " -> " << after << " at SIGKILL; the server holds "
                         << on_server << ", the kiosk counts " << total - after << " delivered");
    }
    CHECK(kills_mid_delivery >= 1);

    auto finished = RunCommand(flush);
    CHECK(finished.exit_code == 0);
    CHECK(outbox->CountPending().value() == 0);
    CHECK(outbox->ReadStatus(0)->delivered == total);

    auto stored = ExportedUuids(directory / "server.sqlite");
    std::map<std::string, int> seen;
    for (const auto& uuid : stored) ++seen[uuid];
    CHECK(stored.size() == static_cast<std::size_t>(total));
    int exactly_once = 0;
    for (const auto& uuid : uuids) exactly_once += seen[uuid] == 1;
    CHECK(exactly_once == total);
}
