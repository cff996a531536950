// The reference server against everything a client can get wrong. It must answer each
// with a 4xx JSON error and keep serving.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"
#include "tests/integration/votes_http.hpp"
#include "tests/integration/votes_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

constexpr const char* kTokenOne = "tok-one-0123456789abcdef";
constexpr const char* kTokenTwo = "tok-two-0123456789abcdef";

struct ServerFixture {
    TemporaryDirectory directory;
    std::unique_ptr<ServerProcess> server;

    ServerFixture() {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens", std::string("# kiosks of xã Tân Lập\nkiosk-1 ") + kTokenOne +
                                            "\n\nkiosk-2 " + kTokenTwo + "  # the post office\n");
        server = std::make_unique<ServerProcess>(directory / "server.sqlite", directory / "tokens");
        REQUIRE(server->started());
    }

    HttpReply Post(const std::string& body, const std::string& token = kTokenOne) {
        return HttpCall("POST", server->url() + "/api/v1/votes", body, token.empty() ? "" : "Bearer " + token);
    }
    HttpReply Get(const std::string& path) { return HttpCall("GET", server->url() + path); }
};

json VoteJson(const std::string& kiosk_id = "kiosk-1") {
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = kiosk_id;
    vote.desk_id = "quay-1";
    vote.rating = 3;
    vote.scale = 3;
    vote.recorded_at_ms = 1'763'880'000'000;
    vote.clock_synchronised = true;
    vote.sequence = 1;
    return VoteToJson(vote);
}

void CheckJsonError(const HttpReply& reply, int status, const std::string& code) {
    CHECK(reply.status == status);
    CHECK(reply.content_type.find("application/json") == 0);
    auto body = json::parse(reply.body, nullptr, false);
    REQUIRE(body.is_object());
    CHECK(body["error"] == code);
    CHECK(body["message"].is_string());
}

}  // namespace

TEST_CASE("votes server: no token or a wrong token gets 401 JSON and stores nothing") {
    ServerFixture fixture;
    std::string batch = json{{"votes", {VoteJson()}}}.dump();
    CheckJsonError(fixture.Post(batch, ""), 401, "missing_token");
    CheckJsonError(fixture.Post(batch, "tok-one-0123456789abcdeX"), 401, "invalid_token");
    CheckJsonError(fixture.Post(batch, std::string(kTokenOne) + "x"), 401, "invalid_token");
    CHECK(HttpCall("POST", fixture.server->url() + "/api/v1/votes", batch, std::string("Basic ") + kTokenOne).status ==
          401);
    CHECK(ExportedUuids(fixture.directory / "server.sqlite").empty());
    // The scheme name is case-insensitive (RFC 7235); the token is not.
    auto lower = HttpCall("POST", fixture.server->url() + "/api/v1/votes", batch, std::string("bearer ") + kTokenOne);
    CHECK(lower.status == 200);
    CHECK(ExportedUuids(fixture.directory / "server.sqlite").size() == 1);
}

TEST_CASE("votes server: malformed bodies get 4xx JSON errors and the server keeps serving") {
    ServerFixture fixture;
    CheckJsonError(fixture.Post("{\"votes\": [", kTokenOne), 400, "invalid_json");
    CheckJsonError(fixture.Post("", kTokenOne), 400, "invalid_json");
    CheckJsonError(fixture.Post("\xff\xfe\x00garbage", kTokenOne), 400, "invalid_json");
    CheckJsonError(fixture.Post("[1,2,3]", kTokenOne), 400, "invalid_request");
    CheckJsonError(fixture.Post("{\"votes\": {\"a\": 1}}", kTokenOne), 400, "invalid_request");
    CheckJsonError(fixture.Post("{\"votes\": null}", kTokenOne), 400, "invalid_request");
    CheckJsonError(fixture.Post(std::string(3 * 1024 * 1024, '['), kTokenOne), 413, "body_too_large");
    json too_many{{"votes", json::array()}};
    for (int index = 0; index < 101; ++index) too_many["votes"].push_back(VoteJson());
    CheckJsonError(fixture.Post(too_many.dump(), kTokenOne), 413, "too_many_votes");
    std::string deep(100'000, '[');  // nesting bombs must not blow the parser's stack
    auto nested = fixture.Post("{\"votes\": " + deep + "}", kTokenOne);
    CHECK(nested.status >= 400);
    CHECK(nested.status < 500);
    CheckJsonError(fixture.Get("/api/v1/nothing"), 404, "not_found");
    CheckJsonError(fixture.Get("/api/v1/votes/summary?from=2026-13-45"), 400, "invalid_request");

    // Still alive and still correct.
    auto good = fixture.Post(json{{"votes", {VoteJson()}}}.dump());
    CHECK(good.status == 200);
    CHECK(json::parse(good.body)["results"][0]["status"] == "accepted");
}

TEST_CASE("votes server: each vote is judged on its own — wrong types and foreign kiosks are rejected with reasons") {
    ServerFixture fixture;
    json good = VoteJson();
    json wrong_type = VoteJson();
    wrong_type["rating"] = "3";
    json outside_scale = VoteJson();
    outside_scale["rating"] = 4;
    json foreign = VoteJson("kiosk-2");
    json batch{{"votes", {good, wrong_type, 42, outside_scale, foreign, json::object(), good}}};
    auto response = fixture.Post(batch.dump());
    REQUIRE(response.status == 200);
    auto results = json::parse(response.body)["results"];
    REQUIRE(results.size() == 7);
    CHECK(results[0]["status"] == "accepted");
    CHECK(results[0]["uuid"] == good["uuid"]);
    CHECK(results[1]["status"] == "rejected");
    CHECK(results[1]["reason"].get<std::string>().find("rating") != std::string::npos);
    CHECK(results[2]["status"] == "rejected");
    CHECK(results[2]["uuid"].is_null());
    CHECK(results[3]["status"] == "rejected");
    CHECK(results[4]["status"] == "rejected");
    CHECK(results[4]["reason"].get<std::string>().find("kiosk_mismatch") == 0);
    CHECK(results[5]["status"] == "rejected");
    CHECK(results[6]["status"] == "duplicate");  // the same UUID twice in one batch counts once
    for (std::size_t index = 0; index < results.size(); ++index) CHECK(results[index]["index"] == index);
    auto stored = ExportedUuids(fixture.directory / "server.sqlite");
    REQUIRE(stored.size() == 1);
    CHECK(stored[0] == good["uuid"]);
}

TEST_CASE("votes server: resending is answered duplicate — a UUID from another kiosk is a conflict") {
    ServerFixture fixture;
    json vote = VoteJson();
    std::string batch = json{{"votes", {vote}}}.dump();
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto response = fixture.Post(batch);
            CHECK(json::parse(response.body)["results"][0]["status"] == (attempt == 0 ? "accepted" : "duplicate"));
    }
    json stolen = vote;
    stolen["kiosk_id"] = "kiosk-2";
    auto response = fixture.Post(json{{"votes", {stolen}}}.dump(), kTokenTwo);
    CHECK(json::parse(response.body)["results"][0]["status"] == "rejected");
    CHECK(ExportedUuids(fixture.directory / "server.sqlite").size() == 1);
}

TEST_CASE("votes server: one counted vote per dossier across kiosks — the summary and report show suppressed apart") {
    ServerFixture fixture;
    json first = VoteJson("kiosk-1");
    first["dossier_code"] = "000.00.12.H19-231123-0001";
    json second = VoteJson("kiosk-2");
    second["dossier_code"] = "000.00.12.H19-231123-0001";
    second["rating"] = 1;
    json tapped = VoteJson("kiosk-1");
    tapped["suppressed"] = true;
    tapped["suppression"] = "cooldown";
    REQUIRE(fixture.Post(json{{"votes", {first, tapped}}}.dump()).status == 200);
    auto response = fixture.Post(json{{"votes", {second}}}.dump(), kTokenTwo);
    CHECK(json::parse(response.body)["results"][0]["status"] == "accepted");  // stored, but not counted

    auto summary = fixture.Get("/api/v1/votes/summary");
    REQUIRE(summary.status == 200);
    auto document = json::parse(summary.body);
    CHECK(document["totals"]["counted"] == 1);
    CHECK(document["totals"]["suppressed"] == 2);
    CHECK(document["totals"]["satisfied_percent"] == 100.0);
    REQUIRE(document["rows"].size() == 2);  // (day, quay-1, 3/3) and (day, quay-1, 1/3)
    CHECK(document["rows"][0]["day"] == "2025-11-23");
    auto outside = fixture.Get("/api/v1/votes/summary?from=2026-01-01&to=2026-12-31");
    CHECK(json::parse(outside.body)["rows"].empty());

    auto report = fixture.Get("/report");
    CHECK(report.status == 200);
    CHECK(report.content_type.find("text/html") == 0);
    CHECK(report.body.find("Tỷ lệ hài lòng") != std::string::npos);
    CHECK(report.body.find("Tháng 11/2025") != std::string::npos);  // the quarter of the latest vote
    CHECK(report.body.find("Hồ sơ đã được đánh giá trước đó") != std::string::npos);
    CHECK(report.body.find("Bấm lặp") != std::string::npos);
    CHECK(report.body.find("<script") == std::string::npos);
    CHECK(report.body.find("http") == std::string::npos);  // no external assets
    CHECK(fixture.Get("/").body.find("Tháng 11/2025") != std::string::npos);  // "/" is the report
}

TEST_CASE("votes server: SIGTERM stops it cleanly") {
    ServerFixture fixture;
    REQUIRE(fixture.Post(json{{"votes", {VoteJson()}}}.dump()).status == 200);
    fixture.server->process().Kill(SIGTERM);
    CHECK(fixture.server->process().Wait(std::chrono::seconds(5)) == 0);
    CHECK(ExportedUuids(fixture.directory / "server.sqlite").size() == 1);
}

TEST_CASE("votes server: a bad tokens file or address is refused at start with a sentence") {
    TemporaryDirectory directory;
    WriteFile(directory / "tokens", "kiosk-1\n");
    auto refused = RunCommand({ServerBinary().string(), "--listen", "127.0.0.1:0", "--db",
                               (directory / "db").string(), "--tokens", (directory / "tokens").string()});
    CHECK(refused.exit_code == 2);
    WriteFile(directory / "tokens", "kiosk-1 same\nkiosk-2 same\n");
    CHECK(RunCommand({ServerBinary().string(), "--listen", "127.0.0.1:0", "--db", (directory / "db").string(),
                      "--tokens", (directory / "tokens").string()})
              .exit_code == 2);
    WriteFile(directory / "tokens", "kiosk-1 secret\n");
    CHECK(RunCommand({ServerBinary().string(), "--listen", "nonsense", "--db", (directory / "db").string(),
                      "--tokens", (directory / "tokens").string()})
              .exit_code == 2);
}
