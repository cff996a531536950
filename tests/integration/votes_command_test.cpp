// `kiosk votes add | status | flush` as IT and scripts use them, against the real server.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "tests/integration/votes_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

constexpr const char* kToken = "tok-kiosk-cli-0123456789abcdef";

void WriteConfig(const TemporaryDirectory& directory, const std::string& url) {
    WriteFile(directory / "kiosk.json", json{{"kiosk_id", "kiosk-cli"},
                                             {"desk_id", "quay-3"},
                                             {"data_dir", "state"},
                                             {"server", {{"url", url}, {"token", kToken}}},
                                             {"votes", {{"scale", 3}, {"cooldown_s", 0}}}}
                                            .dump());
}

CommandResult Kiosk(const TemporaryDirectory& directory, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), {KioskBinary().string(), "--config", (directory / "kiosk.json").string()});
    return RunCommand(arguments);
}

json StatusJson(const TemporaryDirectory& directory) {
    auto status = Kiosk(directory, {"votes", "status", "--json"});
    REQUIRE(status.exit_code == 0);
    return json::parse(status.output);
}

}  // namespace

TEST_CASE("votes commands: add prints a UUID, refuses ratings outside the scale, flush exits 0 only when empty") {
    KeepLoopbackOffProxies();
    TemporaryDirectory directory;
    WriteFile(directory / "tokens", std::string("kiosk-cli ") + kToken + "\n");
    int port = 0;
    {
        ServerProcess probe(directory / "server.sqlite", directory / "tokens");
        REQUIRE(probe.started());
        port = probe.port();
    }
    WriteConfig(directory, "http://127.0.0.1:" + std::to_string(port));

    auto added = Kiosk(directory, {"votes", "add", "--rating", "3", "--procedure", "1.000894"});
    CHECK(added.exit_code == 0);
    std::string uuid = added.output.substr(0, added.output.find('\n'));
    CHECK(IsVoteUuid(uuid));
    auto negative = Kiosk(directory, {"votes", "add", "--rating", "1", "--desk", "quay-5", "--dossier", "HS-42",
                                      "--reason", "cho-lau"});
    CHECK(negative.exit_code == 0);
    CHECK(Kiosk(directory, {"votes", "add", "--rating", "4"}).exit_code == 2);
    CHECK(Kiosk(directory, {"votes", "add", "--rating", "0"}).exit_code == 2);
    CHECK(Kiosk(directory, {"votes", "add", "--rating", "1", "--dossier", "HS-42"}).exit_code == 0);

    auto status = StatusJson(directory);
    CHECK(status["pending"] == 3);
    CHECK(status["delivered"] == 0);
    CHECK(status["suppressed"] == 1);  // the second vote for dossier HS-42
    CHECK(status["rejected"] == 0);
    CHECK(status["oldest_pending_age_s"].is_number());

    // Server down: flush gives up at its timeout, exit 1, nothing lost.
    auto down = Kiosk(directory, {"votes", "flush", "--timeout", "1"});
    CHECK(down.exit_code == 1);
    status = StatusJson(directory);
    CHECK(status["pending"] == 3);
    CHECK(status["last_delivery_error"].get<std::string>().find("127.0.0.1") != std::string::npos);

    ServerProcess server(directory / "server.sqlite", directory / "tokens", port);
    REQUIRE(server.started());
    auto up = Kiosk(directory, {"votes", "flush", "--timeout", "10"});
    CHECK(up.exit_code == 0);
    status = StatusJson(directory);
    CHECK(status["pending"] == 0);
    CHECK(status["delivered"] == 3);
    CHECK(status["last_delivery_error"].is_null());
    auto stored = ExportedUuids(directory / "server.sqlite");
    CHECK(stored.size() == 3);
    CHECK(std::find(stored.begin(), stored.end(), uuid) != stored.end());
    CHECK(Kiosk(directory, {"votes", "flush", "--timeout", "1"}).exit_code == 0);  // nothing pending: success
}

TEST_CASE("votes commands: a corrupt outbox is moved aside and reported — votes keep being taken") {
    TemporaryDirectory directory;
    WriteConfig(directory, "");
    WriteFile(directory / "state/votes.sqlite", std::string(10000, '?'));
    auto added = Kiosk(directory, {"votes", "add", "--rating", "2"});
    CHECK(added.exit_code == 0);
    auto status = StatusJson(directory);
    CHECK(status["pending"] == 1);
    CHECK(status["moved_aside"].get<std::string>().find("votes.sqlite.corrupt-") != std::string::npos);
    CHECK(ReadFile(status["moved_aside"].get<std::string>()) == std::string(10000, '?'));
    // No server configured: flush cannot succeed and says so.
    CHECK(Kiosk(directory, {"votes", "flush", "--timeout", "1"}).exit_code == 1);
}

TEST_CASE("votes commands: flush is non-zero while a vote is undelivered, retry-rejected sends them again") {
    KeepLoopbackOffProxies();
    TemporaryDirectory directory;
    // kiosk-cli was given the token of kiosk-other (a typo in server.token).
    WriteFile(directory / "tokens", std::string("kiosk-cli ") + kToken + "\nkiosk-other tok-other-0123456789abcdef\n");
    ServerProcess server(directory / "server.sqlite", directory / "tokens");
    REQUIRE(server.started());
    auto write_config = [&](const std::string& token) {
        WriteFile(directory / "kiosk.json", json{{"kiosk_id", "kiosk-cli"},
                                                 {"data_dir", "state"},
                                                 {"server", {{"url", server.url()}, {"token", token}}},
                                                 {"votes", {{"cooldown_s", 0}}}}
                                                .dump());
    };
    write_config("tok-other-0123456789abcdef");
    REQUIRE(Kiosk(directory, {"votes", "add", "--rating", "3"}).exit_code == 0);
    auto refused = Kiosk(directory, {"votes", "flush", "--timeout", "1"});
    CHECK(refused.exit_code == 1);
    auto status = StatusJson(directory);
    CHECK(status["pending"] == 1);
    CHECK(status["rejected"] == 0);
    CHECK(status["last_delivery_error"].get<std::string>().find("kiosk_mismatch") != std::string::npos);
    write_config(kToken);
    CHECK(Kiosk(directory, {"votes", "flush", "--timeout", "10"}).exit_code == 0);
    CHECK(StatusJson(directory)["delivered"] == 1);

    // A vote the server refuses for good makes flush fail, and says how to send it again.
    {
        auto outbox = std::move(VoteOutbox::Open(directory / "state/votes.sqlite").value());
        Vote vote;
        vote.uuid = NewVoteUuid();
        vote.kiosk_id = "kiosk-cli";
        vote.desk_id = "quay-1";
        vote.rating = 3;
        vote.recorded_at_ms = 4'900'000'000'000;  // 2125, and "synchronised": the server refuses the date
        vote.clock_synchronised = true;
        REQUIRE(outbox->Add(vote, {"boot", 1}, 0, nullptr).ok());
    }
    auto rejected = Kiosk(directory, {"votes", "flush", "--timeout", "10"});
    CHECK(rejected.exit_code == 1);
    CHECK(StatusJson(directory)["rejected"] == 1);
    auto retry = Kiosk(directory, {"votes", "retry-rejected"});
    CHECK(retry.exit_code == 0);
    CHECK(retry.output.find("requeued 1 rejected vote(s)") != std::string::npos);
    CHECK(StatusJson(directory)["pending"] == 1);
}

TEST_CASE("votes commands: a user:password in server.url is never stored or shown") {
    KeepLoopbackOffProxies();
    TemporaryDirectory directory;
    int port = 0;
    {
        WriteFile(directory / "tokens", std::string("kiosk-cli ") + kToken + "\n");
        ServerProcess probe(directory / "server.sqlite", directory / "tokens");
        REQUIRE(probe.started());
        port = probe.port();
    }
    WriteConfig(directory, "http://kiosk:hunter2@127.0.0.1:" + std::to_string(port));
    REQUIRE(Kiosk(directory, {"votes", "add", "--rating", "3"}).exit_code == 0);
    auto down = Kiosk(directory, {"votes", "flush", "--timeout", "1"});
    CHECK(down.exit_code == 1);
    auto status = Kiosk(directory, {"votes", "status"});
    CHECK(status.exit_code == 0);
    CHECK(status.output.find("127.0.0.1") != std::string::npos);
    CHECK(status.output.find("hunter2") == std::string::npos);
    CHECK(ReadFile(directory / "state/votes.sqlite").find("hunter2") == std::string::npos);
    if (std::filesystem::exists(directory / "state/votes.sqlite-wal"))
        CHECK(ReadFile(directory / "state/votes.sqlite-wal").find("hunter2") == std::string::npos);
}
