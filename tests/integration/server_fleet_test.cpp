// Heartbeats and the fleet (issue 14): `kiosk heartbeat --once` and the periodic worker
// against the real server, `/api/v1/fleet` and `/fleet` showing every kiosk, stale ones
// marked, and the heartbeat endpoint refusing what is not a heartbeat.
#include <doctest/doctest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/core/heartbeat/heartbeat_collector.hpp"
#include "kiosk/core/heartbeat/heartbeat_worker.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"
#include "kiosk/core/staff/audit_log.hpp"
#include "tests/integration/server_harness.hpp"
#include "tests/integration/votes_http.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

constexpr const char* kToken = "tok-fleet-one-0123456789abcdef";
constexpr const char* kOtherToken = "tok-fleet-two-0123456789abcdef";

struct FleetFixture {
    TemporaryDirectory directory;
    std::unique_ptr<HardenedServer> server;

    FleetFixture() {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens",
                  std::string("kiosk-hall ") + kToken + "\nkiosk-post-office " + kOtherToken + "\n");
        server = std::make_unique<HardenedServer>(directory / "server.sqlite", directory / "tokens");
        REQUIRE(server->started());
    }
    void WriteConfig(const std::string& token, const std::string& url = "") {
        WriteFile(directory / "kiosk.json",
                  json{{"kiosk_id", "kiosk-hall"},
                       {"data_dir", "state"},
                       {"server", {{"url", url.empty() ? server->url() : url}, {"token", token}}},
                       {"votes", {{"scale", 3}, {"cooldown_s", 0}}}}
                      .dump());
    }
    CommandResult Kiosk(std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), {KioskBinary().string(), "--config", (directory / "kiosk.json").string()});
        return RunWithErrors(arguments);
    }
    json Fleet() {
        auto reply = HttpCall("GET", server->url() + "/api/v1/fleet");
        REQUIRE(reply.status == 200);
        return json::parse(reply.body);
    }
    static const json* Row(const json& fleet, const std::string& kiosk_id) {
        for (const auto& row : fleet["kiosks"])
            if (row["kiosk_id"] == kiosk_id) return &row;
        return nullptr;
    }
};

json HeartbeatBody(const std::string& kiosk_id = "kiosk-hall") {
    Heartbeat heartbeat;
    heartbeat.kiosk_id = kiosk_id;
    heartbeat.sent_at_ms = 1'763'880'000'000;
    heartbeat.software_version = "0.1.0";
    heartbeat.content_version = "demo v1";
    heartbeat.uptime_s = 60;
    heartbeat.votes_pending = 0;
    heartbeat.free_disk_bytes = 1'000'000;
    return HeartbeatToJson(heartbeat);
}

}  // namespace

TEST_CASE("fleet: kiosk heartbeat --once is stored and shown with versions, votes pending and disk") {
    FleetFixture fixture;
    fixture.WriteConfig(kToken);
    REQUIRE(fixture.Kiosk({"votes", "add", "--rating", "3"}).exit_code == 0);
    REQUIRE(fixture.Kiosk({"votes", "add", "--rating", "1"}).exit_code == 0);

    auto sent = fixture.Kiosk({"heartbeat", "--once"});
    CHECK(sent.exit_code == 0);
    CHECK(sent.output.find("heartbeat delivered to " + fixture.server->url() + "/api/v1/heartbeat") == 0);

    json fleet = fixture.Fleet();
    CHECK(fleet["kiosks"].size() == 2);
    CHECK(fleet["stale"] == 1);
    const json* hall = FleetFixture::Row(fleet, "kiosk-hall");
    REQUIRE(hall);
    CHECK((*hall)["stale"] == false);
    CHECK((*hall)["heartbeats"] == 1);
    const json& beat = (*hall)["heartbeat"];
    CHECK(beat["software_version"] == KioskSoftwareVersion());
    CHECK(beat["content_version"].get<std::string>().find(" v") != std::string::npos);  // the demo content's id and version
    CHECK(beat["votes_pending"] == 2);
    CHECK(beat["free_disk_bytes"].get<std::int64_t>() > 0);
    CHECK(beat["screen"] == "on");
    CHECK(beat["last_error"].is_null());
    // The kiosk of the tokens file that never called is there, stale, without a heartbeat.
    const json* post_office = FleetFixture::Row(fleet, "kiosk-post-office");
    REQUIRE(post_office);
    CHECK((*post_office)["stale"] == true);
    CHECK((*post_office)["heartbeat"].is_null());

    auto page = HttpCall("GET", fixture.server->url() + "/fleet");
    CHECK(page.status == 200);
    CHECK(page.content_type.find("text/html") == 0);
    CHECK(page.body.find("Tình trạng các ki-ốt") != std::string::npos);
    CHECK(page.body.find("<tr class=\"stale\" data-kiosk=\"kiosk-post-office\">") != std::string::npos);
    CHECK(page.body.find("<tr class=\"fresh\" data-kiosk=\"kiosk-hall\">") != std::string::npos);
    CHECK(page.body.find("<script") == std::string::npos);
}

TEST_CASE("fleet: a kiosk silent for longer than --stale-after-minutes turns stale") {
    FleetFixture fixture;
    REQUIRE(HttpCall("POST", fixture.server->url() + "/api/v1/heartbeat", HeartbeatBody().dump(),
                     std::string("Bearer ") + kToken)
                .status == 200);
    CHECK(FleetFixture::Row(fixture.Fleet(), "kiosk-hall")->at("stale") == false);
    {
        // Twenty minutes pass for this kiosk: its heartbeat is moved back in the server's own file.
        auto database = SqliteDatabase::Open(fixture.directory / "server.sqlite", SqliteDatabase::Mode::Create);
        REQUIRE(database);
        (*database)->SetBusyTimeout(5000);
        REQUIRE((*database)->Execute("UPDATE kiosk_heartbeats SET received_at_ms = received_at_ms - 20 * 60 * 1000"));
    }
    const json fleet = fixture.Fleet();
    const json* hall = FleetFixture::Row(fleet, "kiosk-hall");
    CHECK((*hall)["stale"] == true);
    CHECK((*hall)["seconds_since_last_seen"].get<std::int64_t>() >= 20 * 60);
    CHECK(fleet["stale"] == 2);
    auto page = HttpCall("GET", fixture.server->url() + "/fleet");
    CHECK(page.body.find("<tr class=\"stale\" data-kiosk=\"kiosk-hall\">") != std::string::npos);
    CHECK(page.body.find("2 ki-ốt mất liên lạc") != std::string::npos);
}

TEST_CASE("fleet: kiosk heartbeat --once exits non-zero with a sentence when it is not delivered") {
    FleetFixture fixture;
    fixture.WriteConfig("tok-not-known-0123456789");
    auto refused = fixture.Kiosk({"heartbeat", "--once"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("kiosk heartbeat: not delivered: the server refused this kiosk's token (HTTP 401)") !=
          std::string::npos);

    int port = fixture.server->port();
    fixture.server.reset();  // nobody listens there any more
    fixture.WriteConfig(kToken, "http://127.0.0.1:" + std::to_string(port));
    auto unreachable = fixture.Kiosk({"heartbeat", "--once"});
    CHECK(unreachable.exit_code == 1);
    CHECK(unreachable.output.find("not delivered: cannot reach http://127.0.0.1:" + std::to_string(port)) !=
          std::string::npos);

    WriteFile(fixture.directory / "kiosk.json", json{{"kiosk_id", "kiosk-hall"}, {"data_dir", "state"}}.dump());
    auto unconfigured = fixture.Kiosk({"heartbeat", "--once"});
    CHECK(unconfigured.exit_code == 2);
    CHECK(unconfigured.output.find("server.url is not set") != std::string::npos);
}

TEST_CASE("fleet: the heartbeat endpoint refuses what is not this kiosk's heartbeat") {
    FleetFixture fixture;
    std::string url = fixture.server->url() + "/api/v1/heartbeat";
    std::string bearer = std::string("Bearer ") + kToken;
    CHECK(HttpCall("POST", url, HeartbeatBody().dump()).status == 401);
    CHECK(HttpCall("POST", url, HeartbeatBody("kiosk-post-office").dump(), bearer).status == 403);
    auto expect_invalid = [&](json body, const std::string& field) {
        auto reply = HttpCall("POST", url, body.dump(), bearer);
        CHECK(reply.status == 400);
        auto error = json::parse(reply.body, nullptr, false);
        CHECK(error["error"] == "invalid_heartbeat");
        CHECK(error["message"].get<std::string>().find("\"" + field + "\"") != std::string::npos);
    };
    json negative = HeartbeatBody();
    negative["votes_pending"] = -1;
    expect_invalid(negative, "votes_pending");
    json screen = HeartbeatBody();
    screen["screen"] = "dim";
    expect_invalid(screen, "screen");
    json multiline = HeartbeatBody();
    multiline["last_error"] = "line one\nline two";
    expect_invalid(multiline, "last_error");
    json missing = HeartbeatBody();
    missing.erase("uptime_s");
    expect_invalid(missing, "uptime_s");
    CHECK(HttpCall("POST", url, "{", bearer).status == 400);
    CHECK(FleetFixture::Row(fixture.Fleet(), "kiosk-hall")->at("heartbeat").is_null());
}

TEST_CASE("fleet: the heartbeat worker reports on its own thread, again after each interval, with the screen the UI set") {
    FleetFixture fixture;
    TemporaryDirectory state;
    HeartbeatSettings settings;
    settings.server_url = fixture.server->url();
    settings.token = kToken;
    settings.interval = std::chrono::milliseconds(200);
    KioskVitals vitals;
    vitals.SetScreen(ScreenState::Off);
    vitals.SetContentVersion("xa-tan-lap v7");
    HeartbeatWorker worker(settings, HeartbeatSources{"kiosk-hall", state / "votes.sqlite", state.path(), nullptr},
                           vitals);
    worker.Start();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (worker.sent() < 3 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    worker.Stop();
    CHECK(worker.sent() >= 3);
    const json fleet = fixture.Fleet();
    const json* hall = FleetFixture::Row(fleet, "kiosk-hall");
    CHECK((*hall)["heartbeats"].get<int>() >= 3);
    CHECK((*hall)["heartbeat"]["screen"] == "off");
    CHECK((*hall)["heartbeat"]["content_version"] == "xa-tan-lap v7");
}

TEST_CASE("fleet: staff actions from the kiosk's audit log reach the server with the heartbeat, each kept once") {
    FleetFixture fixture;
    fixture.WriteConfig(kToken);
    staff::AuditLog audit(staff::AuditLogPath(fixture.directory / "state"));
    std::filesystem::create_directories(fixture.directory / "state");
    for (const char* action : {"staff_mode_opened", "install_usb"}) {
        staff::AuditEntry entry;
        entry.time = 1796083200;
        entry.action = action;
        entry.result = "ok";
        entry.detail = "Đã cài đặt phiên bản nội dung 8.";
        entry.version_before = 7;
        entry.version_after = 8;
        REQUIRE(audit.Append(entry).ok());
    }
    REQUIRE(fixture.Kiosk({"heartbeat", "--once"}).exit_code == 0);
    REQUIRE(fixture.Kiosk({"heartbeat", "--once"}).exit_code == 0);  // the same actions again: kept once
    json fleet = fixture.Fleet();
    const json* hall = FleetFixture::Row(fleet, "kiosk-hall");
    REQUIRE(hall);
    REQUIRE((*hall)["heartbeat"].is_object());
    const json& actions = (*hall)["heartbeat"]["staff_actions"];
    REQUIRE(actions.size() == 2);
    CHECK(actions[0]["action"] == "install_usb");  // newest first
    CHECK(actions[0]["version_after"] == 8);
    CHECK(actions[0]["detail"] == "Đã cài đặt phiên bản nội dung 8.");
    CHECK(actions[1]["action"] == "staff_mode_opened");
}
