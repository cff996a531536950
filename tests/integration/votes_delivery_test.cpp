// Delivery from a real outbox to the real kiosk-server on 127.0.0.1, and to servers that
// misbehave: whatever happens on the wire, every vote ends on the server exactly once.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "kiosk/core/votes/vote_delivery.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "kiosk/core/votes/vote_uplink.hpp"
#include "tests/core/votes_test_clock.hpp"
#include "tests/integration/votes_http.hpp"
#include "tests/integration/votes_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

constexpr const char* kToken = "tok-kiosk-1-0123456789abcdef";

struct DeliveryFixture {
    TemporaryDirectory directory;
    std::unique_ptr<VoteOutbox> outbox;

    DeliveryFixture() {
        KeepLoopbackOffProxies();
        WriteFile(directory / "tokens", std::string("kiosk-1 ") + kToken + "\n");
        outbox = std::move(VoteOutbox::Open(directory / "kiosk/votes.sqlite").value());
    }
    std::filesystem::path ServerDatabase() const { return directory / "server.sqlite"; }

    std::vector<std::string> Record(int count, const VoteClock& clock = SystemVoteClock::Instance()) {
        VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
        std::vector<std::string> uuids;
        for (int index = 0; index < count; ++index) uuids.push_back(recorder.Record(1 + index % 3).value().uuid);
        return uuids;
    }
    std::int64_t Pending() { return outbox->CountPending().value(); }
};

// Timings short enough that a whole outage fits in a test, same code paths as production.
VoteUplinkSettings FastSettings(const std::string& url, const std::string& token = kToken) {
    VoteUplinkSettings settings;
    settings.server_url = url;
    settings.token = token;
    settings.connect_timeout = 500ms;
    settings.total_timeout = 500ms;
    settings.backoff_initial = 20ms;
    settings.backoff_maximum = 100ms;
    settings.idle_check = 50ms;
    return settings;
}

// Every UUID exactly once on the server, and nothing else.
void CheckServerHoldsExactlyOnce(const std::filesystem::path& database, const std::vector<std::string>& uuids) {
    auto stored = ExportedUuids(database);
    std::map<std::string, int> seen;
    for (const auto& uuid : stored) ++seen[uuid];
    CHECK(stored.size() == uuids.size());
    for (const auto& uuid : uuids) CHECK(seen[uuid] == 1);
}

template <typename Condition>
bool WaitFor(Condition condition, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

}  // namespace

TEST_CASE("votes delivery: server down keeps votes pending — server back delivers each exactly once") {
    DeliveryFixture fixture;
    // Learn a free port from a server, then take the server away: the kiosk now talks to nobody.
    int port = 0;
    {
        ServerProcess probe(fixture.ServerDatabase(), fixture.directory / "tokens");
        REQUIRE(probe.started());
        port = probe.port();
    }
    std::string url = "http://127.0.0.1:" + std::to_string(port);
    auto uuids = fixture.Record(250);

    VoteUplink uplink(fixture.outbox->file(), FastSettings(url));
    uplink.Start();
    std::vector<UplinkEvent> failures;
    REQUIRE(WaitFor([&] {
        for (auto& event : uplink.events().TakeAll())
            if (event.kind == UplinkEvent::Kind::DeliveryFailed) failures.push_back(event);
        return failures.size() >= 3;
    }, 5s));
    CHECK(failures[0].message.find("127.0.0.1") != std::string::npos);
    CHECK(failures[0].retry_in.count() > 0);
    CHECK(fixture.Pending() == 250);
    CHECK(fixture.outbox->ReadStatus(0)->last_delivery_error.find("cannot reach") != std::string::npos);

    ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens", port);
    REQUIRE(server.started());
    REQUIRE(WaitFor([&] { return fixture.Pending() == 0; }, 10s));
    int delivered_events = 0;
    REQUIRE(WaitFor([&] {
        for (auto& event : uplink.events().TakeAll())
            if (event.kind == UplinkEvent::Kind::Delivered) delivered_events += event.count;
        return delivered_events == 250;
    }, 2s));
    uplink.Stop();
    auto status = fixture.outbox->ReadStatus(0).value();
    CHECK(status.delivered == 250);
    CHECK(status.last_delivery_error.empty());
    CheckServerHoldsExactlyOnce(fixture.ServerDatabase(), uuids);
}

TEST_CASE("votes delivery: a server that misbehaves loses nothing and marks nothing delivered") {
    for (auto misbehaviour : {Misbehaviour::Status500, Misbehaviour::Hang, Misbehaviour::CloseConnection,
                              Misbehaviour::Garbage, Misbehaviour::TruncatedAnswer, Misbehaviour::ForeignAcks}) {
        CAPTURE(static_cast<int>(misbehaviour));
        DeliveryFixture fixture;
        auto uuids = fixture.Record(30);
        {
            MisbehavingServer liar(misbehaviour);
            auto report = FlushVotes(*fixture.outbox, FastSettings(liar.url()), 700ms);
            CHECK(liar.requests() >= 1);
            CHECK(report.delivered == 0);
            CHECK(report.still_pending == 30);
            CHECK_FALSE(report.last_error.empty());
            CHECK(fixture.outbox->ReadStatus(0)->delivered == 0);
        }
        ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens");
        REQUIRE(server.started());
        auto report = FlushVotes(*fixture.outbox, FastSettings(server.url()), 10s);
        CHECK(report.still_pending == 0);
        CHECK(report.delivered == 30);
        CheckServerHoldsExactlyOnce(fixture.ServerDatabase(), uuids);
    }
}

TEST_CASE("votes delivery: votes a server leaves unanswered stay pending and go again") {
    DeliveryFixture fixture;
    fixture.Record(40);
    MisbehavingServer half(Misbehaviour::AcknowledgeHalf);
    auto sender = VoteSender(FastSettings(half.url()));
    auto delivery = DeliverNextBatch(*fixture.outbox, sender, SystemVoteClock::Instance(), 100);
    CHECK(delivery.sent == 40);
    CHECK(delivery.delivered == 20);
    CHECK(delivery.unanswered == 20);
    CHECK(fixture.Pending() == 20);
    delivery = DeliverNextBatch(*fixture.outbox, sender, SystemVoteClock::Instance(), 100);
    CHECK(delivery.sent == 20);  // the unanswered half, not the acknowledged one
    CHECK(fixture.Pending() == 10);
}

TEST_CASE("votes delivery: a wrong token gets 401, the votes stay pending, the UI hears why") {
    DeliveryFixture fixture;
    auto uuids = fixture.Record(5);
    ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens");
    REQUIRE(server.started());

    VoteSender sender(FastSettings(server.url(), "tok-wrong"));
    auto batch = fixture.outbox->TakeBatch(100, SystemVoteClock::Instance().MonotonicNow()).value();
    auto sent = sender.Send(batch);
    CHECK(sent.kind == SendResult::Kind::Unauthorised);
    CHECK(sent.http_status == 401);

    VoteUplink uplink(fixture.outbox->file(), FastSettings(server.url(), "tok-wrong"));
    uplink.Start();
    bool heard = WaitFor([&] {
        for (auto& event : uplink.events().TakeAll())
            if (event.kind == UplinkEvent::Kind::AuthenticationFailed) return true;
        return false;
    }, 5s);
    uplink.Stop();
    CHECK(heard);
    CHECK(fixture.Pending() == 5);
    CHECK(ExportedUuids(fixture.ServerDatabase()).empty());
    CHECK(fixture.outbox->ReadStatus(0)->last_delivery_error.find("401") != std::string::npos);

    // With the right token, the same votes go, once.
    CHECK(FlushVotes(*fixture.outbox, FastSettings(server.url()), 10s).still_pending == 0);
    CheckServerHoldsExactlyOnce(fixture.ServerDatabase(), uuids);
}

TEST_CASE("votes delivery: a token of another kiosk keeps the votes pending, retried, delivered once it is fixed") {
    DeliveryFixture fixture;
    // This kiosk is kiosk-9 but was given kiosk-1's token (a typo): the server refuses its votes.
    const std::string kiosk_nine_token = "tok-kiosk-9-0123456789abcdef";
    WriteFile(fixture.directory / "tokens",
              std::string("kiosk-1 ") + kToken + "\nkiosk-9 " + kiosk_nine_token + "\n");
    VoteRecorder recorder(*fixture.outbox, {"kiosk-9", "quay-1", 3, 0, 0});
    auto vote = recorder.Record(3).value();
    ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens");
    REQUIRE(server.started());
    VoteUplink uplink(fixture.outbox->file(), FastSettings(server.url()));
    uplink.Start();
    int refusals = 0;
    bool rejected = false;
    REQUIRE(WaitFor([&] {
        for (auto& event : uplink.events().TakeAll()) {
            if (event.kind == UplinkEvent::Kind::AuthenticationFailed && event.message.find("kiosk_mismatch") != std::string::npos)
                ++refusals;
            rejected = rejected || event.kind == UplinkEvent::Kind::Rejected;
        }
        return refusals >= 2;  // tried, and tried again
    }, 5s));
    uplink.Stop();
    CHECK_FALSE(rejected);
    auto status = fixture.outbox->ReadStatus(0).value();
    CHECK(status.pending == 1);
    CHECK(status.rejected == 0);
    CHECK(status.last_delivery_error.find("check server.token") != std::string::npos);
    auto report = FlushVotes(*fixture.outbox, FastSettings(server.url()), 300ms);
    CHECK(report.still_pending == 1);
    CHECK(report.last_error.find("kiosk_mismatch") != std::string::npos);
    // The token fixed: the same vote goes, once.
    CHECK(FlushVotes(*fixture.outbox, FastSettings(server.url(), kiosk_nine_token), 10s).still_pending == 0);
    CheckServerHoldsExactlyOnce(fixture.ServerDatabase(), {vote.uuid});
}

TEST_CASE("votes delivery: a vote the server rejects for good is kept as rejected, not retried, and can be requeued") {
    DeliveryFixture fixture;
    // A wall clock a century ahead that still says it is synchronised: the server refuses the date.
    TestVoteClock clock;
    clock.wall_ms = 4'900'000'000'000;  // 2125
    VoteRecorder recorder(*fixture.outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
    auto vote = recorder.Record(3).value();
    ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens");
    REQUIRE(server.started());
    VoteUplink uplink(fixture.outbox->file(), FastSettings(server.url()));
    uplink.Start();
    std::optional<UplinkEvent> rejected;
    REQUIRE(WaitFor([&] {
        for (auto& event : uplink.events().TakeAll())
            if (event.kind == UplinkEvent::Kind::Rejected) rejected = event;
        return rejected.has_value();
    }, 5s));
    std::this_thread::sleep_for(200ms);  // several idle rounds: it must not be sent again
    uplink.Stop();
    CHECK(rejected->uuid == vote.uuid);
    CHECK(rejected->message.find("implausible_date") == 0);
    auto status = fixture.outbox->ReadStatus(0).value();
    CHECK(status.rejected == 1);
    CHECK(status.pending == 0);
    CHECK(status.last_rejection.find(vote.uuid) == 0);
    CHECK(ExportedUuids(fixture.ServerDatabase()).empty());
    // retry-rejected sends it again; the server judges it again (still refused: the date).
    CHECK(fixture.outbox->RequeueRejected().value() == 1);
    auto report = FlushVotes(*fixture.outbox, FastSettings(server.url()), 10s);
    CHECK(report.rejected == 1);
    CHECK(report.still_pending == 0);
}

TEST_CASE("votes delivery: a flush's timeout holds against a silent server, however many tries fit") {
    DeliveryFixture fixture;
    fixture.Record(3);
    MisbehavingServer silent(Misbehaviour::Hang);
    auto settings = FastSettings(silent.url());
    settings.connect_timeout = 2000ms;
    settings.total_timeout = 2000ms;  // one try takes 2 s; a second one starts before the flush's 2.5 s are up
    auto started = std::chrono::steady_clock::now();
    auto report = FlushVotes(*fixture.outbox, settings, 2500ms);
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    MESSAGE("flush --timeout 2.5 s against a silent server returned after " << took.count() << " ms");
    CHECK(report.still_pending == 3);
    CHECK(silent.requests() >= 1);
    CHECK(took < 3500ms);  // a second full 2 s try would end at about 4 s
}

TEST_CASE("votes delivery: a wall clock set backwards still delivers in sequence, suppression intact") {
    // Uses the fake TestVoteClock for the wall clock (the real one cannot be moved by a test);
    // the outbox, the HTTP delivery and the server are all real.
    DeliveryFixture fixture;
    TestVoteClock clock;
    clock.wall_ms = 1'763'880'000'000;
    VoteRecorder recorder(*fixture.outbox, {"kiosk-1", "quay-1", 3, 10, 0}, clock);
    auto first = recorder.Record(3).value();
    clock.wall_ms -= 7'200'000;  // two hours back
    clock.monotonic_ms += 3'000;
    auto tapped_again = recorder.Record(3).value();
    clock.wall_ms = 0;  // and then to 1970, unsynchronised, as after a dead RTC battery
    clock.synchronised = false;
    clock.monotonic_ms += 20'000;
    auto after_reset = recorder.Record(2).value();
    CHECK(tapped_again.suppression == Suppression::Cooldown);
    CHECK_FALSE(after_reset.suppressed());

    ServerProcess server(fixture.ServerDatabase(), fixture.directory / "tokens");
    REQUIRE(server.started());
    REQUIRE(FlushVotes(*fixture.outbox, FastSettings(server.url()), 10s, clock).still_pending == 0);
    auto exported = RunCommand({ServerBinary().string(), "export", "--db", fixture.ServerDatabase().string(), "--csv"});
    auto first_at = exported.output.find(first.uuid);
    auto second_at = exported.output.find(tapped_again.uuid);
    auto third_at = exported.output.find(after_reset.uuid);
    REQUIRE(first_at != std::string::npos);
    REQUIRE(second_at != std::string::npos);
    REQUIRE(third_at != std::string::npos);
    CHECK(first_at < second_at);  // arrival order follows the sequence, not the wall clock
    CHECK(second_at < third_at);
    CHECK(exported.output.find(tapped_again.uuid + ",kiosk-1,quay-1,3,3,1,,,,,2025-11-23T04:40:00.000Z,1,2,1,cooldown") !=
          std::string::npos);
    // The 1970 vote counts on the day the server received it, not in 1970.
    auto summary = nlohmann::json::parse(HttpCall("GET", server.url() + "/api/v1/votes/summary").body);
    for (const auto& row : summary["rows"]) CHECK(row["day"].get<std::string>() >= "2025-11-23");
}

TEST_CASE("votes delivery: stopping the uplink aborts a request in flight at once, and the votes stay pending") {
    DeliveryFixture fixture;
    fixture.Record(10);
    MisbehavingServer hanging(Misbehaviour::Hang);
    auto settings = FastSettings(hanging.url());
    settings.total_timeout = 30s;  // the kiosk must not wait this out when it shuts down
    VoteUplink uplink(fixture.outbox->file(), settings);
    uplink.Start();
    REQUIRE(WaitFor([&] { return hanging.requests() >= 1; }, 5s));
    auto before = std::chrono::steady_clock::now();
    uplink.Stop();
    CHECK(std::chrono::steady_clock::now() - before < 1s);
    CHECK_FALSE(uplink.running());
    CHECK(fixture.Pending() == 10);
}
