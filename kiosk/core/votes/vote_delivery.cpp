#include "kiosk/core/votes/vote_delivery.hpp"

#include <algorithm>
#include <thread>

#include "kiosk/core/votes/backoff.hpp"

namespace kiosk {

BatchDelivery DeliverNextBatch(VoteOutbox& outbox, VoteSender& sender, const VoteClock& clock, int batch_size) {
    BatchDelivery delivery;
    auto batch = outbox.TakeBatch(std::clamp(batch_size, 1, 100), clock.MonotonicNow());
    if (!batch) {
        delivery.outbox_error = batch.error().message;
        return delivery;
    }
    if (batch->empty()) {
        delivery.nothing_to_send = true;
        return delivery;
    }
    delivery.sent = static_cast<int>(batch->size());
    delivery.send = sender.Send(*batch);
    std::int64_t now = clock.WallNowMilliseconds();
    if (!delivery.send.answered()) {
        if (delivery.send.kind != SendResult::Kind::Cancelled)
            (void)outbox.RecordDeliveryError(delivery.send.message, now);
        return delivery;
    }
    if (auto applied = outbox.ApplyAcknowledgements(delivery.send.acknowledgements, now); !applied) {
        // The server holds these votes; they stay pending here and the next attempt gets
        // "duplicate" for them, which marks them delivered: nothing is counted twice.
        delivery.outbox_error = applied.error().message;
        return delivery;
    }
    for (const auto& acknowledgement : delivery.send.acknowledgements) {
        if (acknowledgement.verdict == VoteVerdict::Rejected) delivery.rejections.push_back(acknowledgement);
        else if (acknowledgement.verdict == VoteVerdict::RefusedUntilFixed) ++delivery.refused_until_fixed;
        else ++delivery.delivered;
    }
    delivery.unanswered = delivery.sent - delivery.delivered - static_cast<int>(delivery.rejections.size()) -
                          delivery.refused_until_fixed;
    if (delivery.refused_until_fixed > 0) {
        delivery.refusal_message = "the server says this kiosk's token belongs to another kiosk (kiosk_mismatch) for " +
                                   std::to_string(delivery.refused_until_fixed) +
                                   " vote(s): check server.token and kiosk_id; the votes stay pending and go again";
        (void)outbox.RecordDeliveryError(delivery.refusal_message, now);
        return delivery;
    }
    if (delivery.unanswered > 0)
        (void)outbox.RecordDeliveryError("the server did not answer for " + std::to_string(delivery.unanswered) +
                                             " vote(s); they stay pending",
                                         now);
    return delivery;
}

FlushReport FlushVotes(VoteOutbox& outbox, const VoteUplinkSettings& settings, std::chrono::milliseconds timeout,
                       const VoteClock& clock) {
    using Clock = std::chrono::steady_clock;
    FlushReport report;
    auto deadline = Clock::now() + timeout;
    if (settings.server_url.empty()) report.last_error = "no server.url is configured";
    // No request may outlive the flush: the caller's timeout is a promise to a script, so
    // each request gets only the time left (a second try after a backoff included).
    VoteSender sender(settings);
    sender.SetDeadline(deadline);
    Backoff backoff(settings.backoff_initial, settings.backoff_maximum);
    while (!settings.server_url.empty()) {
        auto pending = outbox.CountPending();
        if (!pending) {
            report.last_error = pending.error().message;
            break;
        }
        if (*pending == 0) {
            report.last_error.clear();
            break;
        }
        if (Clock::now() >= deadline) break;
        BatchDelivery delivery = DeliverNextBatch(outbox, sender, clock, settings.batch_size);
        report.delivered += delivery.delivered;
        report.rejected += static_cast<std::int64_t>(delivery.rejections.size());
        std::chrono::milliseconds wait{0};
        if (!delivery.outbox_error.empty()) {
            report.last_error = delivery.outbox_error;
            wait = backoff.NextDelay();
        } else if (delivery.nothing_to_send) {
            wait = std::chrono::milliseconds(200);  // votes waiting for a reason: look again shortly
        } else if (!delivery.send.answered()) {
            report.last_error = delivery.send.message;
            wait = backoff.NextDelay();
        } else if (delivery.refused_until_fixed > 0) {
            report.last_error = delivery.refusal_message;
            wait = backoff.NextDelay();
        } else {
            report.last_error.clear();
            backoff.Reset();
            if (delivery.unanswered > 0) {
                report.last_error = "the server did not answer for " + std::to_string(delivery.unanswered) +
                                    " vote(s); they stay pending";
                wait = backoff.NextDelay();
            }
        }
        auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (wait > std::chrono::milliseconds(0)) {
            if (remaining <= std::chrono::milliseconds(0)) break;
            std::this_thread::sleep_for(std::min(wait, remaining));
        }
    }
    auto pending = outbox.CountPending();
    report.still_pending = pending ? *pending : -1;
    return report;
}

}  // namespace kiosk
