// The reference server against hostile clients (issue 13 items 10–13): huge uploads
// without a token, slow clients, a second server on the same address, ambiguous framing,
// votes from the far future, and tokens files with '#' and a byte order mark.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"
#include "tests/integration/server_harness.hpp"
#include "tests/integration/votes_http.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

constexpr const char* kToken = "tok-one-0123456789abcdef";

struct Fixture {
    TemporaryDirectory directory;
    std::unique_ptr<HardenedServer> server;

    explicit Fixture(const std::vector<std::string>& extra = {}, const std::string& tokens = "") {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens", tokens.empty() ? std::string("kiosk-1 ") + kToken + "\n" : tokens);
        server = std::make_unique<HardenedServer>(directory / "server.sqlite", directory / "tokens", extra);
        REQUIRE(server->started());
    }
    HttpReply PostVotes(const std::vector<json>& votes, const std::string& token = kToken) {
        json batch{{"votes", json::array()}};
        for (const auto& vote : votes) batch["votes"].push_back(vote);
        return HttpCall("POST", server->url() + "/api/v1/votes", batch.dump(), "Bearer " + token);
    }
};

json VoteJson(std::int64_t recorded_at_ms = 1'763'880'000'000, bool synchronised = true) {
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = "kiosk-1";
    vote.desk_id = "quay-1";
    vote.rating = 3;
    vote.scale = 3;
    vote.recorded_at_ms = recorded_at_ms;
    vote.clock_synchronised = synchronised;
    vote.sequence = 1;
    return VoteToJson(vote);
}

std::string ErrorCode(const std::string& answer) {
    auto body = json::parse(AnswerBody(answer), nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "";
}

// One raw request; the answer as text.
std::string RawRequest(int port, const std::string& request) {
    RawConnection connection(port);
    REQUIRE(connection.connected());
    connection.Send(request);
    return connection.ReadAnswer(std::chrono::seconds(10));
}

std::string Chunk(const std::string& data) {
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    return size + data + "\r\n";
}

}  // namespace

TEST_CASE("server hardening: four unauthenticated 300 MB uploads do not grow the server's memory") {
    Fixture fixture;
    pid_t pid = fixture.server->pid();
    long baseline_kb = ProcessMemoryKilobytes(pid, "VmHWM");
    REQUIRE(baseline_kb > 0);
    constexpr std::size_t kUpload = 300u * 1024 * 1024;
    const std::string chunk = Chunk(std::string(64 * 1024, 'x'));
    const std::string raw_block(64 * 1024, 'x');
    struct Attack {
        std::string head;
        const std::string* block;
        std::size_t sent = 0;
        int status = 0;
    };
    const std::string start = "POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    std::vector<Attack> attacks{
        {start + "Transfer-Encoding: chunked\r\n\r\n", &chunk},
        {start + "Authorization: Bearer wrong-token\r\nTransfer-Encoding: chunked\r\n\r\n", &chunk},
        {start + "Content-Length: " + std::to_string(kUpload) + "\r\n\r\n", &raw_block},
        {start + "Authorization: Bearer wrong-token\r\nConnection: close\r\n\r\n", &raw_block},  // no length at all
        // With the right token, the body itself is capped at 1 MiB, chunked or not.
        {start + "Authorization: Bearer " + kToken + "\r\nTransfer-Encoding: chunked\r\n\r\n", &chunk},
    };
    std::vector<std::thread> threads;
    for (auto& attack : attacks)
        threads.emplace_back([&fixture, &attack] {
            RawConnection connection(fixture.server->port());
            if (!connection.connected() || !connection.Send(attack.head)) return;
            attack.sent = connection.Stream(*attack.block, kUpload, std::chrono::seconds(60));
            attack.status = AnswerStatus(connection.ReadAnswer(std::chrono::seconds(10)));
        });
    long peak_seen_kb = 0;
    std::atomic<bool> done{false};
    std::thread sampler([&] {
        while (!done) {
            peak_seen_kb = std::max(peak_seen_kb, ProcessMemoryKilobytes(pid, "VmRSS"));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    for (auto& thread : threads) thread.join();
    done = true;
    sampler.join();
    long peak_kb = ProcessMemoryKilobytes(pid, "VmHWM");  // the kernel's own high-water mark
    MESSAGE("server RSS: " << baseline_kb / 1024 << " MiB before, peak " << peak_kb / 1024 << " MiB (sampled "
                           << peak_seen_kb / 1024 << " MiB) during uploads that sent " << attacks[0].sent / 1024
                           << ", " << attacks[1].sent / 1024 << ", " << attacks[2].sent / 1024 << ", "
                           << attacks[3].sent / 1024 << " and " << attacks[4].sent / 1024 << " KiB");
    CHECK(peak_kb < baseline_kb + 48 * 1024);
    CHECK(attacks[0].status == 401);
    CHECK(attacks[1].status == 401);
    CHECK(attacks[2].status == 401);
    CHECK(attacks[3].status == 411);
    CHECK(attacks[4].status == 413);
    for (const auto& attack : attacks) CHECK(attack.sent < kUpload);  // cut off, never read to the end

    // A declared length over the limit with the right token: 413 before the body is read.
    auto declared = RawRequest(fixture.server->port(), start + "Authorization: Bearer " + kToken +
                                                            "\r\nContent-Length: 2000000\r\n\r\n");
    CHECK(AnswerStatus(declared) == 413);
    CHECK(ErrorCode(declared) == "body_too_large");
    // The server is still there and still right.
    auto good = fixture.PostVotes({VoteJson()});
    CHECK(good.status == 200);
}

TEST_CASE("server hardening: a request without a token is refused from its head, before its body is read") {
    // Issue 13 item 10: the token is checked from the headers first. A client that sends only
    // the head of an upload and then closes its side hears 401: the server answered without
    // reading the body. Had it read the body first, it would have met the end of the stream
    // and answered 400 (unreadable body) without ever checking the token.
    Fixture fixture;
    for (const std::string& framing : {std::string("Content-Length: 100000\r\n"), std::string("Transfer-Encoding: chunked\r\n")})
        for (const std::string& authorization : {std::string(), std::string("Authorization: Bearer wrong-token\r\n")}) {
            CAPTURE(framing);
            CAPTURE(authorization);
            RawConnection connection(fixture.server->port());
            REQUIRE(connection.connected());
            REQUIRE(connection.Send("POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
                                    authorization + framing + "\r\n"));
            ::shutdown(connection.socket(), SHUT_WR);  // no body will ever come
            auto answer = connection.ReadAnswer(std::chrono::seconds(10));
            CHECK(AnswerStatus(answer) == 401);
            CHECK(ErrorCode(answer) != "unreadable_body");
        }
    // The same head with the right token is let through to read its body, and finds none.
    RawConnection connection(fixture.server->port());
    REQUIRE(connection.connected());
    REQUIRE(connection.Send(std::string("POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ") + kToken +
                            "\r\nContent-Length: 100000\r\n\r\n"));
    ::shutdown(connection.socket(), SHUT_WR);
    CHECK(AnswerStatus(connection.ReadAnswer(std::chrono::seconds(10))) == 400);
}

TEST_CASE("server hardening: a good client is served at once during a slowloris attack of 40 connections") {
    Fixture fixture({"--header-timeout", "4"});
    constexpr int kAttackers = 40;  // more than the 32 workers: without a per-address share they would take all
    struct Attacker {
        int status = 0;
        bool cut_by_server = false;
        std::chrono::steady_clock::time_point cut_at{};
    };
    std::vector<Attacker> attackers(kAttackers);
    std::atomic<int> connected{0};
    std::vector<std::thread> threads;
    for (auto& attacker : attackers)
        threads.emplace_back([&fixture, &attacker, &connected] {
            RawConnection connection(fixture.server->port(), "127.0.0.2");
            bool sent = connection.connected() &&
                        connection.Send("POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
            ++connected;
            if (!sent) return;
            // One byte every 250 ms for up to 10 s: never silent long enough for a read timeout.
            auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (std::chrono::steady_clock::now() < until) {
                pollfd descriptor{connection.socket(), POLLIN, 0};
                if (poll(&descriptor, 1, 250) > 0) break;  // the server answered or closed
                if (!connection.Send("a")) break;
            }
            attacker.status = AnswerStatus(connection.ReadAnswer(std::chrono::milliseconds(500)));
            attacker.cut_by_server = std::chrono::steady_clock::now() < until;
            attacker.cut_at = std::chrono::steady_clock::now();
        });
    while (connected < kAttackers) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the server has taken them all up

    auto good = fixture.PostVotes({VoteJson()});
    auto good_answered_at = std::chrono::steady_clock::now();
    for (auto& thread : threads) thread.join();

    CHECK(good.status == 200);
    int refused = 0, timed_out = 0;
    auto first_timeout = std::chrono::steady_clock::time_point::max();
    for (const auto& attacker : attackers) {
        CHECK(attacker.cut_by_server);
        if (attacker.status == 503) ++refused;
        if (attacker.status == 408) {
            ++timed_out;
            first_timeout = std::min(first_timeout, attacker.cut_at);
        }
    }
    MESSAGE(refused << " slow connections refused at once (503), " << timed_out
                    << " cut at the header timeout (408)");
    CHECK(refused == kAttackers - 8);  // the per-address share
    CHECK(timed_out == 8);
    // Served while every slow connection the server took was still open: by headroom,
    // not because the attack had been timed out.
    CHECK(good_answered_at < first_timeout);
}

TEST_CASE("server hardening: a second server on the same address refuses to start with a sentence") {
    Fixture fixture;
    auto second = RunWithErrors({ServerBinary().string(), "--listen", "127.0.0.1:" + std::to_string(fixture.server->port()),
                                 "--db", (fixture.directory / "second.sqlite").string(), "--tokens",
                                 (fixture.directory / "tokens").string()},
                                std::chrono::seconds(5));
    CHECK(second.exit_code == 1);
    CHECK(second.output.find("already in use") != std::string::npos);
    CHECK(second.output.find("listening on") == std::string::npos);
    // The first one still holds the address and answers.
    CHECK(fixture.PostVotes({VoteJson()}).status == 200);
}

TEST_CASE("server hardening: ambiguous framing is refused before anything is read") {
    Fixture fixture;
    int port = fixture.server->port();
    const std::string start = std::string("POST /api/v1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ") +
                              kToken + "\r\n";
    std::string batch = json{{"votes", {VoteJson()}}}.dump();

    auto conflicting = RawRequest(port, start + "Content-Length: " + std::to_string(batch.size()) +
                                            "\r\nContent-Length: 5\r\n\r\n" + batch);
    CHECK(AnswerStatus(conflicting) == 400);
    CHECK(ErrorCode(conflicting) == "conflicting_content_length");
    auto listed = RawRequest(port, start + "Content-Length: " + std::to_string(batch.size()) + ", 7\r\n\r\n" + batch);
    CHECK(ErrorCode(listed) == "conflicting_content_length");
    auto signed_length = RawRequest(port, start + "Content-Length: +12\r\n\r\n" + batch);
    CHECK(ErrorCode(signed_length) == "invalid_content_length");
    auto both = RawRequest(port, start + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    CHECK(ErrorCode(both) == "ambiguous_length");
    auto gzip = RawRequest(port, start + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
    CHECK(AnswerStatus(gzip) == 501);
    auto spaced = RawRequest(port, start + "Content-Length : 5\r\nContent-Length: 2\r\n\r\n{}");
    CHECK(ErrorCode(spaced) == "invalid_header");
    auto bare = RawRequest(port, start + "Content-Length: 2\nX-Other: 1\r\n\r\n{}");
    CHECK(ErrorCode(bare) == "invalid_line_ending");
    auto get_body = RawRequest(port, "GET /report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc");
    CHECK(ErrorCode(get_body) == "unexpected_body");

    // The same length twice is one length (RFC 9112 §6.3), and chunked bodies work.
    auto repeated = RawRequest(port, start + "Content-Length: " + std::to_string(batch.size()) +
                                          "\r\nContent-Length: " + std::to_string(batch.size()) + "\r\n\r\n" + batch);
    CHECK(AnswerStatus(repeated) == 200);
    auto chunked = RawRequest(port, start + "Transfer-Encoding: chunked\r\n\r\n" +
                                         Chunk(json{{"votes", {VoteJson()}}}.dump()) + "0\r\n\r\n");
    CHECK(AnswerStatus(chunked) == 200);
    CHECK(ExportedUuids(fixture.directory / "server.sqlite").size() == 2);
}

TEST_CASE("server hardening: votes marked clock-synchronised from the far future are rejected with a sentence") {
    Fixture fixture;
    auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    constexpr std::int64_t kYearMs = 31'556'952'000;
    json year_2126 = VoteJson(now_ms + 100 * kYearMs);
    json year_6026 = VoteJson(now_ms + 4000 * kYearMs);
    json tomorrow_and_more = VoteJson(now_ms + 25LL * 3600 * 1000);
    json soon = VoteJson(now_ms + 3600 * 1000);  // within the day of tolerance
    json unsynchronised = VoteJson(now_ms + 100 * kYearMs, false);  // counted by arrival, date only kept
    json before_2020 = VoteJson(1'500'000'000'000);
    auto response = fixture.PostVotes({year_2126, year_6026, tomorrow_and_more, soon, unsynchronised, before_2020});
    REQUIRE(response.status == 200);
    auto results = json::parse(response.body)["results"];
    for (int index : {0, 1, 2, 5}) {
        CHECK(results[index]["status"] == "rejected");
        CHECK(results[index]["reason"].get<std::string>().find("implausible_date: recorded_at") == 0);
    }
    CHECK(results[0]["reason"].get<std::string>().find("more than 24 hours ahead of the server's clock") !=
          std::string::npos);
    CHECK(results[3]["status"] == "accepted");
    CHECK(results[4]["status"] == "accepted");
    auto summary = json::parse(HttpCall("GET", fixture.server->url() + "/api/v1/votes/summary").body);
    CHECK(summary["totals"]["counted"] == 2);
}

TEST_CASE("server hardening: a '#' inside a token is part of it and a byte order mark is skipped") {
    Fixture fixture({}, "\xEF\xBB\xBF# kiosks of xã Tân Lập\r\nkiosk-1 a1#b2c3d4e5f6  # the hall\r\n#kiosk-2 off\r\n");
    CHECK(fixture.PostVotes({VoteJson()}, "a1#b2c3d4e5f6").status == 200);
    CHECK(fixture.PostVotes({VoteJson()}, "a1").status == 401);

    TemporaryDirectory directory;
    auto start = [&](const std::string& tokens) {
        WriteFile(directory / "tokens", tokens);
        return RunWithErrors({ServerBinary().string(), "--listen", "127.0.0.1:0", "--db",
                              (directory / "db").string(), "--tokens", (directory / "tokens").string()},
                             std::chrono::seconds(5));
    };
    auto commented_token = start("kiosk-1 #secret\n");
    CHECK(commented_token.exit_code == 2);
    CHECK(commented_token.output.find("line 1: expected \"KIOSK_ID TOKEN\" (a token cannot start with '#'") !=
          std::string::npos);
    auto marked = start("kiosk-1 mật-khẩu\n");
    CHECK(marked.exit_code == 2);
    CHECK(marked.output.find("line 1: the token must be visible ASCII") != std::string::npos);
    auto bom_twice = start("\xEF\xBB\xBF\xEF\xBB\xBFkiosk-1 secret\n");
    CHECK(bom_twice.exit_code == 2);
    CHECK(bom_twice.output.find("line 1: the kiosk id must be") != std::string::npos);
}
