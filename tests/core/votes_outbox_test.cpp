#include <doctest/doctest.h>

#include <sqlite3.h>

#include <set>
#include <thread>

#include "kiosk/core/votes/backoff.hpp"
#include "kiosk/core/votes/uplink_event_queue.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "kiosk/core/votes/vote_sender.hpp"
#include "kiosk/core/votes/vote_summary.hpp"
#include "tests/core/votes_test_clock.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using kiosk::testing::TemporaryDirectory;
using kiosk::testing::TestVoteClock;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<VoteOutbox> OpenOutbox(const fs::path& file) {
    auto outbox = VoteOutbox::Open(file);
    REQUIRE(outbox.ok());
    return std::move(*outbox);
}

VoteRecorderSettings Settings() { return {"kiosk-1", "quay-1", 3, 0, 0}; }

std::string Pragma(const fs::path& file, const char* pragma) {
    sqlite3* database = nullptr;
    sqlite3_open(file.c_str(), &database);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(database, pragma, -1, &statement, nullptr);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(database);
    return value;
}

std::vector<fs::path> MovedAsideFiles(const fs::path& directory) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(directory))
        if (entry.path().filename().string().starts_with("votes.sqlite.corrupt-") &&
            entry.path().extension() != ".sqlite-wal")
            files.push_back(entry.path());
    return files;
}

}  // namespace

TEST_CASE("votes outbox: the file is in WAL mode and creates its directory") {
    TemporaryDirectory directory;
    auto file = directory / "deep/state/votes.sqlite";
    auto outbox = OpenOutbox(file);
    CHECK(fs::exists(file));
    CHECK(Pragma(file, "PRAGMA journal_mode") == "wal");
    CHECK_FALSE(outbox->moved_aside());
}

TEST_CASE("votes outbox: a file that is not a database is moved aside, reported, and a fresh one started") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    std::string garbage(8192, '\x5a');
    kiosk::testing::WriteFile(file, garbage);
    auto outbox = OpenOutbox(file);
    REQUIRE(outbox->moved_aside().has_value());
    auto moved = MovedAsideFiles(directory.path());
    REQUIRE(moved.size() == 1);
    CHECK(moved[0] == *outbox->moved_aside());
    CHECK(kiosk::testing::ReadFile(moved[0]) == garbage);  // kept byte for byte, for IT to look at
    TestVoteClock clock;
    VoteRecorder recorder(*outbox, Settings(), clock);
    CHECK(recorder.Record(2).ok());
    auto status = outbox->ReadStatus(clock.wall_ms);
    CHECK(status->pending == 1);
    CHECK(status->moved_aside == moved[0].string());
}

TEST_CASE("votes outbox: a database with damaged pages is moved aside too") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    {
        auto outbox = OpenOutbox(file);
        TestVoteClock clock;
        VoteRecorder recorder(*outbox, Settings(), clock);
        for (int index = 0; index < 300; ++index) REQUIRE(recorder.Record(1 + index % 3).ok());
    }
    // Fold the WAL into the main file, then scribble over the middle of it.
    REQUIRE(Pragma(file, "PRAGMA wal_checkpoint(TRUNCATE)") == "0");
    std::string bytes = kiosk::testing::ReadFile(file);
    REQUIRE(bytes.size() > 16384);
    for (std::size_t at = 4096; at < bytes.size() - 4096; at += 7) bytes[at] = '\xff';
    kiosk::testing::WriteFile(file, bytes);
    auto outbox = OpenOutbox(file);
    CHECK(outbox->moved_aside().has_value());
    CHECK(MovedAsideFiles(directory.path()).size() == 1);
    // Only what SQLite could still read was copied over (votes_hardening_test.cpp).
    CHECK(static_cast<std::int64_t>(outbox->ReadAll()->size()) == outbox->salvaged());
    CHECK(outbox->salvaged() < 300);
}

TEST_CASE("votes outbox: a second connection that finds corruption fails instead of moving the file") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    kiosk::testing::WriteFile(file, std::string(4096, 'x'));
    auto outbox = VoteOutbox::Open(file, CorruptOutbox::Fail);
    CHECK_FALSE(outbox.ok());
    CHECK(fs::exists(file));
    CHECK(MovedAsideFiles(directory.path()).empty());
}

TEST_CASE("votes outbox: acknowledgements move votes to delivered or rejected, exactly once") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    VoteRecorder recorder(*outbox, Settings(), clock);
    std::vector<Vote> votes;
    for (int index = 0; index < 5; ++index) votes.push_back(recorder.Record(3).value());
    REQUIRE(outbox->ApplyAcknowledgements({{votes[0].uuid, VoteVerdict::Accepted, ""},
                                           {votes[1].uuid, VoteVerdict::Duplicate, ""},
                                           {votes[2].uuid, VoteVerdict::Rejected, "kiosk_id does not match"},
                                           {NewVoteUuid(), VoteVerdict::Accepted, ""}},  // not ours: ignored
                                          clock.wall_ms)
                .ok());
    auto status = outbox->ReadStatus(clock.wall_ms);
    CHECK(status->pending == 2);
    CHECK(status->delivered == 2);
    CHECK(status->rejected == 1);
    CHECK(status->last_rejection == votes[2].uuid + ": kiosk_id does not match");
    CHECK(status->last_delivery_at_ms == clock.wall_ms);
    // A late, contradicting answer does not move a vote that already left the pending state.
    REQUIRE(outbox->ApplyAcknowledgements({{votes[2].uuid, VoteVerdict::Accepted, ""}}, clock.wall_ms).ok());
    CHECK(outbox->DeliveryState(votes[2].uuid).value() == "rejected");
    auto batch = outbox->TakeBatch(100, clock.MonotonicNow()).value();
    REQUIRE(batch.size() == 2);
    CHECK(batch[0].uuid == votes[3].uuid);
    CHECK(batch[1].uuid == votes[4].uuid);
}

TEST_CASE("votes outbox: status reports the oldest pending vote's age and the last delivery error") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    VoteRecorder recorder(*outbox, Settings(), clock);
    REQUIRE(recorder.Record(2).ok());
    clock.Advance(90'000);
    REQUIRE(recorder.Record(2).ok());
    REQUIRE(outbox->RecordDeliveryError("cannot reach http://127.0.0.1:9/api/v1/votes", clock.wall_ms).ok());
    auto status = outbox->ReadStatus(clock.wall_ms);
    CHECK(status->oldest_pending_age_s == 90);
    CHECK(status->last_delivery_error.find("cannot reach") != std::string::npos);
    CHECK(status->last_delivery_error_at_ms == clock.wall_ms);
    CHECK(outbox->ReadStatus(0)->oldest_pending_age_s == 0);  // a clock set back never gives a negative age
}

TEST_CASE("votes outbox: two connections writing at once lose nothing and share one sequence") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    auto first = OpenOutbox(file);
    auto second = OpenOutbox(file);
    auto write = [&](VoteOutbox& outbox) {
        TestVoteClock clock;
        VoteRecorder recorder(outbox, Settings(), clock);
        for (int index = 0; index < 100; ++index) REQUIRE(recorder.Record(2).ok());
    };
    std::thread one([&] { write(*first); });
    std::thread two([&] { write(*second); });
    one.join();
    two.join();
    auto all = first->ReadAll().value();
    REQUIRE(all.size() == 200);
    std::set<std::int64_t> sequences;
    for (const auto& vote : all) sequences.insert(vote.sequence);
    CHECK(sequences.size() == 200);
}

TEST_CASE("votes summary: this month and this year, counted votes only") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 10, 0}, clock);
    const std::int64_t day = 86'400'000;
    clock.wall_ms = 1'763'880'000'000;  // 23 November 2025
    std::int64_t now = clock.wall_ms;
    auto vote_at = [&](std::int64_t wall, int rating) {
        clock.wall_ms = wall;
        clock.monotonic_ms += 60'000;
        return recorder.Record(rating).value();
    };
    vote_at(now - 2 * day, 3);   // this month
    vote_at(now - 1 * day, 2);   // this month
    vote_at(now, 1);             // this month
    vote_at(now - 60 * day, 3);  // September: this year only
    vote_at(now - 400 * day, 1); // last year
    clock.monotonic_ms += 1'000;
    CHECK(recorder.Record(3)->suppressed());  // suppressed: left out of the figures
    auto summary = SummarizeVotes(*outbox, now);
    REQUIRE(summary.ok());
    CHECK(summary->this_month.total == 3);
    CHECK(summary->this_month.satisfied == 2);
    CHECK(summary->this_month.SatisfiedPercent().value() == doctest::Approx(66.67).epsilon(0.01));
    CHECK(summary->this_year.total == 4);
    CHECK(summary->this_year.satisfied == 3);
    REQUIRE(summary->this_month.by_rating.size() == 3);
    CHECK(summary->this_month.by_rating[0].rating == 1);
    CHECK(summary->this_month.by_rating[0].count == 1);
    TemporaryDirectory empty_directory;
    auto empty = OpenOutbox(empty_directory / "votes.sqlite");
    CHECK_FALSE(SummarizeVotes(*empty, now)->this_month.SatisfiedPercent().has_value());
}

TEST_CASE("votes uplink pieces: the server's answer is trusted only for the votes sent") {
    Vote sent;
    sent.uuid = NewVoteUuid();
    std::string foreign = NewVoteUuid();
    CHECK_FALSE(ParseVotesAnswer("<html>502 Bad Gateway</html>", {sent}).ok());
    CHECK_FALSE(ParseVotesAnswer("[]", {sent}).ok());
    CHECK_FALSE(ParseVotesAnswer(R"({"results": "all good"})", {sent}).ok());
    auto answer = ParseVotesAnswer(R"({"results": [
        {"uuid": ")" + foreign + R"(", "status": "accepted"},
        {"uuid": ")" + sent.uuid + R"(", "status": "maybe"},
        {"uuid": 12, "status": "accepted"},
        "nonsense"]})", {sent});
    REQUIRE(answer.ok());
    CHECK(answer->empty());
    answer = ParseVotesAnswer(R"({"results": [{"uuid": ")" + sent.uuid + R"(", "status": "rejected"}]})", {sent});
    REQUIRE(answer->size() == 1);
    CHECK((*answer)[0].verdict == VoteVerdict::Rejected);
    CHECK_FALSE((*answer)[0].reason.empty());
}

TEST_CASE("votes uplink pieces: backoff doubles with jitter up to its ceiling") {
    using std::chrono::milliseconds;
    Backoff backoff(milliseconds(1'000), milliseconds(300'000));
    long long ceiling = 1'000;
    for (int attempt = 0; attempt < 15; ++attempt) {
        auto delay = backoff.NextDelay().count();
        CHECK(delay >= ceiling / 2);
        CHECK(delay <= ceiling);
        ceiling = std::min(ceiling * 2, 300'000LL);
    }
    backoff.Reset();
    CHECK(backoff.NextDelay().count() <= 1'000);
    // Jitter: twenty kiosks failing together do not all retry at the same instant.
    std::set<long long> delays;
    for (int kiosk = 0; kiosk < 20; ++kiosk) {
        Backoff other(milliseconds(1'000), milliseconds(300'000));
        for (int attempt = 0; attempt < 5; ++attempt) (void)other.NextDelay();
        delays.insert(other.NextDelay().count());
    }
    CHECK(delays.size() > 10);
}

TEST_CASE("votes uplink pieces: the event queue is bounded and drops the oldest") {
    UplinkEventQueue queue(3);
    for (int index = 0; index < 5; ++index) queue.Push({UplinkEvent::Kind::Delivered, index, "", "", {}});
    CHECK(queue.dropped() == 2);
    auto all = queue.TakeAll();
    REQUIRE(all.size() == 3);
    CHECK(all[0].count == 2);
    CHECK_FALSE(queue.TryPop().has_value());
}
