#include <doctest/doctest.h>

#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "tests/core/votes_test_clock.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using kiosk::testing::TemporaryDirectory;
using kiosk::testing::TestVoteClock;

namespace {

struct Fixture {
    TemporaryDirectory directory;
    TestVoteClock clock;
    std::unique_ptr<VoteOutbox> outbox;
    std::unique_ptr<VoteRecorder> recorder;

    Fixture() {
        outbox = std::move(VoteOutbox::Open(directory / "votes.sqlite").value());
        VoteRecorderSettings settings{"kiosk-1", "quay-1", 3, 0, 120'000};
        recorder = std::make_unique<VoteRecorder>(*outbox, settings, clock);
    }
    std::vector<Vote> Batch() { return outbox->TakeBatch(100, clock.MonotonicNow()).value(); }
};

}  // namespace

TEST_CASE("votes reason: a negative vote is durable at once and waits for its reason before delivery") {
    Fixture fixture;
    auto vote = fixture.recorder->Record(1, {}, ReasonFollowUp::Offered);
    REQUIRE(vote.ok());
    CHECK(fixture.outbox->FindVote(vote->uuid)->has_value());  // stored before the reason screen shows
    CHECK(fixture.Batch().empty());
    CHECK(fixture.outbox->ReadStatus(fixture.clock.wall_ms)->awaiting_reason == 1);
    fixture.clock.Advance(5'000);
    REQUIRE(fixture.recorder->AttachReason(vote->uuid, "cho-lau").ok());
    auto batch = fixture.Batch();
    REQUIRE(batch.size() == 1);
    CHECK(batch[0].reason_code == "cho-lau");
    CHECK(batch[0].uuid == vote->uuid);
    CHECK(fixture.outbox->ReadAll()->size() == 1);  // the reason amended the vote: no second row
}

TEST_CASE("votes reason: once a vote may be on its way, its reason can no longer change") {
    Fixture fixture;
    auto vote = fixture.recorder->Record(1, {}, ReasonFollowUp::Offered);
    REQUIRE(fixture.recorder->SkipReason(vote->uuid).ok());
    REQUIRE(fixture.Batch().size() == 1);
    auto late = fixture.recorder->AttachReason(vote->uuid, "khac");
    CHECK_FALSE(late.ok());
    CHECK(fixture.outbox->FindVote(vote->uuid)->value().reason_code.empty());
}

TEST_CASE("votes reason: the window closes on the monotonic clock, whatever the wall clock does") {
    Fixture fixture;
    auto vote = fixture.recorder->Record(1, {}, ReasonFollowUp::Offered);
    fixture.clock.wall_ms -= 10 * 86'400'000LL;  // wall clock back ten days: the window must not last ten days
    fixture.clock.monotonic_ms += 119'000;
    CHECK(fixture.Batch().empty());
    fixture.clock.monotonic_ms += 2'000;
    auto batch = fixture.Batch();
    REQUIRE(batch.size() == 1);
    CHECK_FALSE(fixture.recorder->AttachReason(vote->uuid, "khac").ok());
}

TEST_CASE("votes reason: a reboot closes every window, and satisfied votes never wait") {
    Fixture fixture;
    auto negative = fixture.recorder->Record(1, {}, ReasonFollowUp::Offered);
    auto positive = fixture.recorder->Record(3, {}, ReasonFollowUp::Offered);
    auto batch = fixture.Batch();
    REQUIRE(batch.size() == 1);
    CHECK(batch[0].uuid == positive->uuid);
    fixture.clock.boot_id = "boot-b";
    fixture.clock.monotonic_ms = 100;
    batch = fixture.Batch();
    REQUIRE(batch.size() == 2);  // still pending: taken again until acknowledged
    CHECK(batch[0].uuid == negative->uuid);
}

TEST_CASE("votes reason: a reason given with the vote (the command line) never waits") {
    Fixture fixture;
    auto vote = fixture.recorder->Record(1, {.reason_code = "thai-do"}, ReasonFollowUp::Offered);
    auto batch = fixture.Batch();
    REQUIRE(batch.size() == 1);
    CHECK(batch[0].reason_code == "thai-do");
    CHECK_FALSE(fixture.recorder->AttachReason(vote->uuid, "khac").ok());
}
