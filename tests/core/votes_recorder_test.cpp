#include <doctest/doctest.h>

#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "tests/core/votes_test_clock.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using kiosk::testing::TemporaryDirectory;
using kiosk::testing::TestVoteClock;

namespace {

VoteRecorderSettings Settings(int cooldown_s = 10) {
    VoteRecorderSettings settings;
    settings.kiosk_id = "xa-tan-lap-01";
    settings.desk_id = "quay-1";
    settings.scale = 3;
    settings.cooldown_s = cooldown_s;
    settings.reason_window_ms = 120'000;
    return settings;
}

std::unique_ptr<VoteOutbox> OpenOutbox(const TemporaryDirectory& directory) {
    auto outbox = VoteOutbox::Open(directory / "data/votes.sqlite");
    REQUIRE(outbox.ok());
    return std::move(*outbox);
}

}  // namespace

TEST_CASE("votes recorder: a vote is committed with its context before Record returns") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    clock.synchronised = false;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(), clock);
    auto vote = recorder.Record(3, {.desk_id = "", .procedure_code = "1.000894", .field_id = "ho-tich"});
    REQUIRE(vote.ok());
    CHECK(IsVoteUuid(vote->uuid));
    CHECK(vote->sequence == 1);
    CHECK_FALSE(vote->suppressed());

    // A second, independent connection (as another process would) sees it at once.
    auto reopened = VoteOutbox::Open(directory / "data/votes.sqlite");
    REQUIRE(reopened.ok());
    auto found = (*reopened)->FindVote(vote->uuid);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    const Vote& stored = **found;
    CHECK(stored.kiosk_id == "xa-tan-lap-01");
    CHECK(stored.desk_id == "quay-1");
    CHECK(stored.rating == 3);
    CHECK(stored.scale == 3);
    CHECK(stored.procedure_code == "1.000894");
    CHECK(stored.field_id == "ho-tich");
    CHECK(stored.dossier_code.empty());
    CHECK(stored.recorded_at_ms == clock.wall_ms);
    CHECK_FALSE(stored.clock_synchronised);
    CHECK((*reopened)->DeliveryState(vote->uuid).value() == "pending");
}

TEST_CASE("votes recorder: a rating outside the configured scale is refused and nothing is stored") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(), clock);
    for (int rating : {0, 4, -1, 5}) {
        auto vote = recorder.Record(rating);
        REQUIRE_FALSE(vote.ok());
        CHECK(vote.error().message.find("outside the scale") != std::string::npos);
        CHECK(vote.error().message_vietnamese.find("không có trong thang") != std::string::npos);
    }
    auto settings = Settings();
    settings.desk_id = "quầy một";  // not a code: refused, not stored half-valid
    VoteRecorder bad_desk(*outbox, settings, clock);
    CHECK_FALSE(bad_desk.Record(2).ok());
    CHECK(outbox->ReadAll()->empty());
}

TEST_CASE("votes recorder: taps within the cooldown are kept but suppressed, measured from the last counted vote") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(10), clock);
    auto first = recorder.Record(3);
    clock.Advance(4'000);
    auto second = recorder.Record(3);
    clock.Advance(4'000);
    auto third = recorder.Record(1);
    clock.Advance(2'500);  // 10.5 s after the first counted vote
    auto fourth = recorder.Record(2);
    REQUIRE((first.ok() && second.ok() && third.ok() && fourth.ok()));
    CHECK_FALSE(first->suppressed());
    CHECK(second->suppression == Suppression::Cooldown);
    CHECK(third->suppression == Suppression::Cooldown);
    CHECK_FALSE(fourth->suppressed());
    auto all = outbox->ReadAll();
    REQUIRE(all->size() == 4);  // nothing dropped
    auto status = outbox->ReadStatus(clock.wall_ms);
    CHECK(status->suppressed == 2);
    CHECK(status->pending == 4);
}

TEST_CASE("votes recorder: cooldown 0 turns suppression off") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(0), clock);
    for (int index = 0; index < 5; ++index) CHECK_FALSE(recorder.Record(2)->suppressed());
}

TEST_CASE("votes recorder: a wall clock set backwards neither lifts the cooldown nor breaks the order") {
    // The wall clock here is the fake TestVoteClock: an unprivileged test cannot move the real one.
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(10), clock);
    auto first = recorder.Record(3);
    clock.wall_ms -= 3'600'000;  // NTP (or a person) steps the clock back an hour
    clock.monotonic_ms += 2'000;
    auto second = recorder.Record(3);
    clock.wall_ms = 0;  // the RTC battery died: 1970
    clock.monotonic_ms += 9'000;
    auto third = recorder.Record(1);
    REQUIRE((first.ok() && second.ok() && third.ok()));
    CHECK(second->suppression == Suppression::Cooldown);  // 2 s later on the monotonic clock
    CHECK_FALSE(third->suppressed());                    // 11 s later, whatever the wall clock says
    CHECK(first->sequence < second->sequence);
    CHECK(second->sequence < third->sequence);
    CHECK(third->recorded_at_ms == 0);
    auto batch = outbox->TakeBatch(100, clock.MonotonicNow());
    REQUIRE(batch->size() == 3);
    CHECK((*batch)[0].uuid == first->uuid);  // delivery order follows the sequence, not the wall clock
    CHECK((*batch)[1].uuid == second->uuid);
    CHECK((*batch)[2].uuid == third->uuid);

    // The wall clock jumping forward a day does not lift the cooldown either.
    clock.wall_ms += 86'400'000;
    clock.monotonic_ms += 1'000;
    CHECK(recorder.Record(2)->suppression == Suppression::Cooldown);
}

TEST_CASE("votes recorder: after a reboot the previous boot's vote does not suppress") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(10), clock);
    CHECK_FALSE(recorder.Record(3)->suppressed());
    clock.boot_id = "boot-b";
    clock.monotonic_ms = 1'000;  // monotonic restarts near zero after boot
    CHECK_FALSE(recorder.Record(3)->suppressed());
    clock.monotonic_ms += 500;
    CHECK(recorder.Record(3)->suppressed());
}

TEST_CASE("votes recorder: one counted vote per dossier code — later ones are kept, suppressed") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(10), clock);
    VoteContext dossier{.dossier_code = "000.00.12.H19-231123-0001"};
    auto first = recorder.Record(1, dossier);
    clock.Advance(60'000);
    auto second = recorder.Record(3, dossier);
    clock.Advance(60'000);
    auto other = recorder.Record(3, {.dossier_code = "000.00.12.H19-231123-0002"});
    REQUIRE((first.ok() && second.ok() && other.ok()));
    CHECK_FALSE(first->suppressed());
    CHECK(second->suppression == Suppression::DossierAlreadyRated);
    CHECK_FALSE(other->suppressed());
}

TEST_CASE("votes recorder: a dossier whose only vote was suppressed by the cooldown can still be rated") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory);
    VoteRecorder recorder(*outbox, Settings(10), clock);
    CHECK_FALSE(recorder.Record(3)->suppressed());
    clock.Advance(1'000);
    CHECK(recorder.Record(2, {.dossier_code = "HS-1"})->suppression == Suppression::Cooldown);
    clock.Advance(20'000);
    CHECK_FALSE(recorder.Record(2, {.dossier_code = "HS-1"})->suppressed());
}
