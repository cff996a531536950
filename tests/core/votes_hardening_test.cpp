// Votes under a hostile probe (issue 13 items 15-18): a corrupt outbox gives back the pending
// votes SQLite can still read, rejected votes can be sent again once the cause is fixed, the
// status is read on a disk that takes no byte, and no password in server.url is kept or shown.
#include <doctest/doctest.h>

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>

#include <fstream>
#include <set>

#include "kiosk/core/server_url.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"
#include "kiosk/core/votes/vote_sender.hpp"
#include "tests/core/votes_test_clock.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using kiosk::testing::TemporaryDirectory;
using kiosk::testing::TestVoteClock;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<VoteOutbox> OpenOutbox(const fs::path& file) {
    auto outbox = VoteOutbox::Open(file);
    REQUIRE_MESSAGE(outbox.ok(), (outbox.ok() ? "" : outbox.error().message));
    return std::move(*outbox);
}

// Runs one SQL statement on a file with plain SQLite; the first column of the first row.
std::string Query(const fs::path& file, const std::string& sql) {
    sqlite3* database = nullptr;
    sqlite3_open(file.c_str(), &database);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(database, sql.c_str(), -1, &statement, nullptr);
    std::string value;
    if (statement && sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(database);
    return value;
}

void ZeroPage(const fs::path& file, std::int64_t page, std::int64_t page_size) {
    std::fstream stream(file, std::ios::binary | std::ios::in | std::ios::out);
    stream.seekp((page - 1) * page_size);
    std::string zeros(static_cast<std::size_t>(page_size), '\0');
    stream.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
}

// 300 votes, the first 100 delivered; returns the UUIDs still pending. The WAL is folded
// into the main file so damage written to it is what SQLite reads.
std::set<std::string> OutboxWithPendingVotes(const fs::path& file) {
    std::set<std::string> pending;
    {
        auto outbox = OpenOutbox(file);
        TestVoteClock clock;
        VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
        std::vector<VoteAcknowledgement> delivered;
        for (int index = 0; index < 300; ++index) {
            auto vote = recorder.Record(1 + index % 3, {.procedure_code = "1.000894"});
            REQUIRE(vote.ok());
            if (index < 100) delivered.push_back({vote->uuid, VoteVerdict::Accepted, ""});
            else pending.insert(vote->uuid);
        }
        REQUIRE(outbox->ApplyAcknowledgements(delivered, clock.wall_ms).ok());
    }
    REQUIRE(Query(file, "PRAGMA wal_checkpoint(TRUNCATE)") == "0");
    return pending;
}

std::set<std::string> Uuids(VoteOutbox& outbox) {
    std::set<std::string> uuids;
    auto votes = outbox.ReadAll();
    for (const auto& vote : votes.value()) uuids.insert(vote.uuid);
    return uuids;
}

// RLIMIT_FSIZE 0: no file may grow by a byte, as on a full disk (SIGXFSZ ignored so the
// write fails with an error instead of killing the test).
class NoFileMayGrow {
public:
    NoFileMayGrow() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGXFSZ, &ignore, &previous_action_);
        getrlimit(RLIMIT_FSIZE, &previous_limit_);
        rlimit none = previous_limit_;
        none.rlim_cur = 0;
        setrlimit(RLIMIT_FSIZE, &none);
    }
    ~NoFileMayGrow() {
        setrlimit(RLIMIT_FSIZE, &previous_limit_);
        sigaction(SIGXFSZ, &previous_action_, nullptr);
    }

private:
    struct sigaction previous_action_ {};
    rlimit previous_limit_{};
};

}  // namespace

TEST_CASE("votes salvage: a corrupt outbox whose index is damaged gives back every pending vote, once") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    auto pending = OutboxWithPendingVotes(file);
    auto page_size = std::stoll(Query(file, "PRAGMA page_size"));
    ZeroPage(file, std::stoll(Query(file, "SELECT rootpage FROM sqlite_master WHERE name = 'votes_by_state'")), page_size);
    REQUIRE(Query(file, "PRAGMA quick_check") != "ok");

    auto outbox = OpenOutbox(file);
    REQUIRE(outbox->moved_aside().has_value());
    CHECK(outbox->salvaged() == 200);
    CHECK(Uuids(*outbox) == pending);  // the 100 delivered ones are not sent again
    CHECK(outbox->CountPending().value() == 200);
    CHECK(outbox->ReadStatus(0)->salvaged == 200);
    // In their first order, ready to go (no reason window left open).
    auto batch = outbox->TakeBatch(100, TestVoteClock().MonotonicNow()).value();
    CHECK(batch.size() == 100);
    for (std::size_t index = 1; index < batch.size(); ++index) CHECK(batch[index - 1].recorded_at_ms <= batch[index].recorded_at_ms);
}

TEST_CASE("votes salvage: a damaged page in the middle loses only the votes on it") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    auto pending = OutboxWithPendingVotes(file);
    auto page_size = std::stoll(Query(file, "PRAGMA page_size"));
    // The page holding a vote from the middle of the pending ones.
    std::string middle = *std::next(pending.begin(), 100);
    std::string bytes = kiosk::testing::ReadFile(file);
    auto at = bytes.find(middle + "kiosk-1quay-1");  // the row in the table, not the UUID's index entry
    REQUIRE(at != std::string::npos);
    ZeroPage(file, static_cast<std::int64_t>(at) / page_size + 1, page_size);

    auto outbox = OpenOutbox(file);
    REQUIRE(outbox->moved_aside().has_value());
    auto salvaged = Uuids(*outbox);
    CHECK(outbox->salvaged() == static_cast<std::int64_t>(salvaged.size()));
    CHECK(salvaged.size() < pending.size());
    CHECK(salvaged.size() >= pending.size() - 100);  // one page holds far fewer than 100 votes
    for (const auto& uuid : salvaged) CHECK(pending.contains(uuid));
    // The moved-aside file is kept as it was, for IT.
    CHECK(fs::exists(*outbox->moved_aside()));
}

TEST_CASE("votes: rejected votes go back to pending with retry-rejected, their verdict forgotten") {
    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
    auto first = recorder.Record(3).value();
    auto second = recorder.Record(2).value();
    REQUIRE(outbox->ApplyAcknowledgements({{first.uuid, VoteVerdict::Rejected, "invalid: something"},
                                           {second.uuid, VoteVerdict::Accepted, ""}},
                                          clock.wall_ms)
                .ok());
    REQUIRE(outbox->ReadStatus(0)->rejected == 1);
    CHECK(outbox->RequeueRejected().value() == 1);
    auto status = outbox->ReadStatus(0).value();
    CHECK(status.rejected == 0);
    CHECK(status.pending == 1);
    CHECK(status.last_rejection.empty());
    CHECK(outbox->DeliveryState(first.uuid).value() == "pending");
    CHECK(outbox->DeliveryState(second.uuid).value() == "delivered");
    CHECK(outbox->RequeueRejected().value() == 0);
}

TEST_CASE("votes: a token of another kiosk is a refusal a fix cures — the votes stay pending") {
    Vote vote;
    vote.uuid = NewVoteUuid();
    Vote other;
    other.uuid = NewVoteUuid();
    std::string answer = R"({"results": [{"uuid": ")" + vote.uuid +
                         R"(", "status": "rejected", "reason": "kiosk_mismatch: the vote's kiosk_id is not the kiosk of this token"},)"
                         R"( {"uuid": ")" + other.uuid + R"(", "status": "rejected", "reason": "invalid: rating"}]})";
    auto acknowledgements = ParseVotesAnswer(answer, {vote, other}).value();
    REQUIRE(acknowledgements.size() == 2);
    CHECK(acknowledgements[0].verdict == VoteVerdict::RefusedUntilFixed);
    CHECK(acknowledgements[1].verdict == VoteVerdict::Rejected);

    TemporaryDirectory directory;
    TestVoteClock clock;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
    auto recorded = recorder.Record(3).value();
    REQUIRE(outbox->ApplyAcknowledgements({{recorded.uuid, VoteVerdict::RefusedUntilFixed, "kiosk_mismatch"}}, clock.wall_ms).ok());
    CHECK(outbox->DeliveryState(recorded.uuid).value() == "pending");
}

TEST_CASE("votes status: read-only, it works where no file may grow and changes no byte") {
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    {
        auto outbox = OpenOutbox(file);
        TestVoteClock clock;
        VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
        for (int index = 0; index < 5; ++index) REQUIRE(recorder.Record(3).ok());
    }
    auto before = kiosk::testing::ReadFile(file);
    {
        NoFileMayGrow full_disk;  // and no kiosk holds the outbox open (no -wal, no -shm)
        // Opening to write (what `votes status` did) needs room: it fails here.
        auto writable = VoteOutbox::Open(file);
        CHECK_FALSE(writable.ok());
        auto outbox = VoteOutbox::OpenReadOnly(file);
        REQUIRE_MESSAGE(outbox.ok(), (outbox.ok() ? "" : outbox.error().message));
        auto status = (*outbox)->ReadStatus(0);
        REQUIRE_MESSAGE(status.ok(), (status.ok() ? "" : status.error().message));
        CHECK(status->pending == 5);
    }
    CHECK(kiosk::testing::ReadFile(file) == before);
    CHECK_FALSE(VoteOutbox::OpenReadOnly(directory / "absent.sqlite").ok());

    // With the kiosk running (its connection holds the WAL open), the same.
    auto kiosk = OpenOutbox(file);
    TestVoteClock clock;
    VoteRecorder recorder(*kiosk, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
    REQUIRE(recorder.Record(2).ok());
    {
        NoFileMayGrow full_disk;
        auto outbox = VoteOutbox::OpenReadOnly(file);
        REQUIRE_MESSAGE(outbox.ok(), (outbox.ok() ? "" : outbox.error().message));
        auto status = (*outbox)->ReadStatus(0);
        REQUIRE_MESSAGE(status.ok(), (status.ok() ? "" : status.error().message));
        CHECK(status->pending == 6);
    }
}

TEST_CASE("server url: a user:password@ is never kept in the outbox or shown") {
    CHECK(RedactUrl("https://admin:s3cret@motcua.example.gov.vn/x") == "https://***@motcua.example.gov.vn/x");
    CHECK(RedactUrl("https://motcua.example.gov.vn:8443/") == "https://motcua.example.gov.vn:8443/");
    CHECK(RedactUrlsIn("cannot reach http://u:p@10.0.0.5:80/api/v1/votes: timeout; and https://a@b") ==
          "cannot reach http://***@10.0.0.5:80/api/v1/votes: timeout; and https://***@b");
    TemporaryDirectory directory;
    auto outbox = OpenOutbox(directory / "votes.sqlite");
    REQUIRE(outbox->RecordDeliveryError("cannot reach https://kiosk:hunter2@motcua.example.gov.vn/api/v1/votes: down", 1).ok());
    auto status = outbox->ReadStatus(1).value();
    CHECK(status.last_delivery_error.find("hunter2") == std::string::npos);
    CHECK(status.last_delivery_error.find("https://***@motcua.example.gov.vn") != std::string::npos);
    CHECK(kiosk::testing::ReadFile(directory / "votes.sqlite").find("hunter2") == std::string::npos);
    auto wal = directory / "votes.sqlite-wal";
    if (fs::exists(wal)) CHECK(kiosk::testing::ReadFile(wal).find("hunter2") == std::string::npos);
}

TEST_CASE("votes: a write the disk refuses names the cause, not only SQLite's \"disk I/O error\"") {
    // Issue 13 item 18: a full disk was reported as "disk I/O error". A real SQLite outbox on a
    // disk that takes no more bytes (RLIMIT_FSIZE: the kernel answers EFBIG, as a full disk
    // answers ENOSPC; both reach the sentence through the same errno) must say why it failed.
    TemporaryDirectory directory;
    auto file = directory / "votes.sqlite";
    {
        auto outbox = OpenOutbox(file);
        TestVoteClock clock;
        VoteRecorder recorder(*outbox, {"kiosk-1", "quay-1", 3, 0, 0}, clock);
        REQUIRE(recorder.Record(3).ok());
    }
    std::string message;
    {
        NoFileMayGrow full_disk;
        auto writable = VoteOutbox::Open(file);
        REQUIRE_FALSE(writable.ok());
        message = writable.error().message;
    }
    INFO("message: " << message);
    CHECK(message.find("the file may not grow any larger") != std::string::npos);
    // The pending vote is still there once the disk has room again.
    auto outbox = OpenOutbox(file);
    auto status = outbox->ReadStatus(0);
    REQUIRE(status.ok());
    CHECK(status->pending == 1);
}
