#pragma once
// One delivery step and a bounded "deliver everything now", shared by the uplink worker
// and `kiosk votes flush`, so both follow the same rule: a vote leaves the pending state
// only when the server named its UUID.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/core/votes/vote_acknowledgement.hpp"
#include "kiosk/core/votes/vote_clock.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_sender.hpp"

namespace kiosk {

struct BatchDelivery {
    bool nothing_to_send = false;   // no pending vote is ready (none at all, or all await a reason)
    SendResult send;                // the HTTP outcome when something was sent
    int sent = 0;
    int delivered = 0;              // accepted + duplicate
    int unanswered = 0;             // sent but not named in the answer: still pending
    std::vector<VoteAcknowledgement> rejections;
    int refused_until_fixed = 0;    // refused for a cause a config fix cures (kiosk_mismatch): still pending
    std::string refusal_message;    // why, for the log and status, when refused_until_fixed > 0
    std::string outbox_error;       // non-empty when the outbox itself failed

    bool failed() const { return !outbox_error.empty() || (!nothing_to_send && !send.answered()); }
};

// Takes the next batch, sends it, records the answer (or the error) in the outbox.
BatchDelivery DeliverNextBatch(VoteOutbox& outbox, VoteSender& sender, const VoteClock& clock, int batch_size);

struct FlushReport {
    std::int64_t delivered = 0;
    std::int64_t rejected = 0;
    std::int64_t still_pending = 0;
    std::string last_error;  // empty when the last attempt succeeded
};

// Delivers until nothing is pending or the timeout passes, backing off between failures
// (never past the deadline).
FlushReport FlushVotes(VoteOutbox& outbox, const VoteUplinkSettings& settings, std::chrono::milliseconds timeout,
                       const VoteClock& clock = SystemVoteClock::Instance());

}  // namespace kiosk
