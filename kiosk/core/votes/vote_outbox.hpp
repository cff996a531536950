#pragma once
// VoteOutbox: the kiosk's durable queue of votes, one SQLite file in WAL mode with
// synchronous=FULL. Add returns only after the vote is committed to disk, so the thank-you
// a citizen sees is a promise the kiosk can keep through a power cut. Votes leave only
// when the server acknowledges their UUID. Each thread or process opens its own
// VoteOutbox on the same file; one instance may be shared between threads (it locks).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"
#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_acknowledgement.hpp"
#include "kiosk/core/votes/vote_clock.hpp"
#include "kiosk/core/votes/vote_outbox_status.hpp"

namespace kiosk {

enum class CorruptOutbox {
    MoveAsideAndStartFresh,  // the kiosk and `kiosk votes`: keep working, keep the bad file for IT
    Fail,                    // a second connection (the uplink): never move a file another one owns
};

// What the recorder needs to know, read inside the same transaction that stores the vote.
struct RecentVotes {
    std::optional<MonotonicReading> last_counted;  // the latest vote that was not suppressed
    bool dossier_already_rated = false;            // a counted vote with the same dossier code exists
};

struct RatingCount {
    int scale = 0;
    int rating = 0;
    std::int64_t count = 0;
};

// config.data_dir / "votes.sqlite": the one place the outbox lives.
std::filesystem::path VoteOutboxPath(const Config& config);

class VoteOutbox {
public:
    static Result<std::unique_ptr<VoteOutbox>> Open(const std::filesystem::path& file,
                                                    CorruptOutbox corrupt = CorruptOutbox::MoveAsideAndStartFresh);

    // Reading only (`kiosk votes status`): no schema, no pragma that writes, nothing moved
    // aside, so it works on a full or read-only disk. The file must exist.
    static Result<std::unique_ptr<VoteOutbox>> OpenReadOnly(const std::filesystem::path& file);

    const std::filesystem::path& file() const { return file_; }
    // Set when this Open found a corrupt file and moved it aside: tell IT (log, status).
    const std::optional<std::filesystem::path>& moved_aside() const { return moved_aside_; }
    // The pending votes copied from that corrupt file into this fresh outbox (what SQLite
    // could still read, each UUID once): they are delivered like any other.
    std::int64_t salvaged() const { return salvaged_; }

    // Stores a vote in one write transaction: decide() sees RecentVotes and may set the
    // vote's suppression; the outbox assigns the sequence. taken_at is the monotonic
    // reading of the tap. A positive reason_window_ms holds the vote back from delivery
    // until a reason is attached, the window is closed, or that much monotonic time passed.
    using Decide = std::function<void(Vote&, const RecentVotes&)>;
    Result<Vote> Add(Vote vote, const MonotonicReading& taken_at, std::int64_t reason_window_ms,
                     const Decide& decide);

    // Sets the reason of a vote whose reason window is still open (never for a vote that
    // may already be on its way to the server: no reason is lost or sent twice).
    Status AttachReason(const std::string& uuid, const std::string& reason_code, const MonotonicReading& now);
    // The citizen left the follow-up without a reason: the vote may go now.
    Status CloseReasonWindow(const std::string& uuid);

    // Up to limit pending votes in sequence order whose reason window is closed; closes
    // the expired windows in the same transaction.
    Result<std::vector<Vote>> TakeBatch(int limit, const MonotonicReading& now);
    // Marks each acknowledged UUID delivered or rejected, in one transaction. UUIDs the
    // outbox does not hold as pending are ignored.
    Status ApplyAcknowledgements(const std::vector<VoteAcknowledgement>& acknowledgements, std::int64_t now_ms);
    Status RecordDeliveryError(const std::string& message, std::int64_t now_ms);
    // Every rejected vote back to pending, its verdict forgotten, for `kiosk votes
    // retry-rejected` once the cause is fixed (the server answers "duplicate" for any it holds).
    // Returns how many.
    Result<std::int64_t> RequeueRejected();

    Result<VoteOutboxStatus> ReadStatus(std::int64_t now_ms);
    Result<std::int64_t> CountPending();
    // Votes the server acknowledged at or after from_ms ("delivered today" on the staff screen).
    Result<std::int64_t> CountDeliveredSince(std::int64_t from_ms);
    // Counted votes (not suppressed, not rejected) recorded in [from_ms, to_ms).
    Result<std::vector<RatingCount>> CountByRating(std::int64_t from_ms, std::int64_t to_ms);
    Result<std::optional<Vote>> FindVote(const std::string& uuid);
    // Delivery state of one vote: "pending", "delivered" or "rejected".
    Result<std::string> DeliveryState(const std::string& uuid);
    Result<std::vector<Vote>> ReadAll();

private:
    VoteOutbox(std::filesystem::path file, std::unique_ptr<SqliteDatabase> database)
        : file_(std::move(file)), database_(std::move(database)) {}
    Status SetMeta(const std::string& key, const std::string& value);
    Result<std::string> GetMeta(const std::string& key);

    std::filesystem::path file_;
    std::unique_ptr<SqliteDatabase> database_;
    std::optional<std::filesystem::path> moved_aside_;
    std::int64_t salvaged_ = 0;
    std::mutex mutex_;
};

}  // namespace kiosk
