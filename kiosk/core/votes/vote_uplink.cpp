#include "kiosk/core/votes/vote_uplink.hpp"

#include "kiosk/core/votes/backoff.hpp"
#include "kiosk/core/votes/vote_delivery.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_sender.hpp"

namespace kiosk {

VoteUplink::VoteUplink(std::filesystem::path outbox_file, VoteUplinkSettings settings, const VoteClock& clock)
    : outbox_file_(std::move(outbox_file)), settings_(std::move(settings)), clock_(clock) {}

VoteUplink::~VoteUplink() { Stop(); }

void VoteUplink::Start() {
    if (worker_.joinable() || settings_.server_url.empty()) return;
    stopping_ = false;
    worker_ = std::thread([this] { Run(); });
}

void VoteUplink::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    signal_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void VoteUplink::WakeUp() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    signal_.notify_all();
}

void VoteUplink::Wait(std::chrono::milliseconds delay, bool wake_early) {
    std::unique_lock lock(mutex_);
    signal_.wait_for(lock, delay, [&] { return stopping_.load() || (wake_early && woken_); });
    if (wake_early) woken_ = false;
}

void VoteUplink::Run() {
    Backoff backoff(settings_.backoff_initial, settings_.backoff_maximum);
    std::unique_ptr<VoteOutbox> outbox;
    VoteSender sender(settings_, &stopping_);
    while (!stopping_) {
        if (!outbox) {
            // The UI opened (and if needed repaired) the outbox first; this second
            // connection never moves a file aside under it.
            auto opened = VoteOutbox::Open(outbox_file_, CorruptOutbox::Fail);
            if (!opened) {
                auto delay = backoff.NextDelay();
                events_.Push({UplinkEvent::Kind::OutboxFailed, 0, "", opened.error().message, delay});
                Wait(delay, false);
                continue;
            }
            outbox = std::move(*opened);
        }
        {
            std::lock_guard lock(mutex_);
            woken_ = false;  // whatever woke us is covered by the batch we are about to take
        }
        BatchDelivery delivery = DeliverNextBatch(*outbox, sender, clock_, settings_.batch_size);
        if (stopping_) break;
        if (delivery.delivered > 0) events_.Push({UplinkEvent::Kind::Delivered, delivery.delivered, "", "", {}});
        for (const auto& rejection : delivery.rejections)
            events_.Push({UplinkEvent::Kind::Rejected, 1, rejection.uuid, rejection.reason, {}});

        if (!delivery.outbox_error.empty()) {
            auto delay = backoff.NextDelay();
            events_.Push({UplinkEvent::Kind::OutboxFailed, 0, "", delivery.outbox_error, delay});
            Wait(delay, false);
        } else if (delivery.nothing_to_send) {
            backoff.Reset();
            Wait(settings_.idle_check, true);
        } else if (!delivery.send.answered()) {
            // A new vote must not defeat the backoff: a week-long outage would otherwise
            // become one request per tap.
            auto delay = backoff.NextDelay();
            auto kind = delivery.send.kind == SendResult::Kind::Unauthorised ? UplinkEvent::Kind::AuthenticationFailed
                                                                              : UplinkEvent::Kind::DeliveryFailed;
            events_.Push({kind, delivery.sent, "", delivery.send.message, delay});
            Wait(delay, false);
        } else if (delivery.refused_until_fixed > 0) {
            auto delay = backoff.NextDelay();
            events_.Push({UplinkEvent::Kind::AuthenticationFailed, delivery.refused_until_fixed, "",
                          delivery.refusal_message, delay});
            Wait(delay, false);
        } else if (delivery.unanswered > 0) {
            auto delay = backoff.NextDelay();
            events_.Push({UplinkEvent::Kind::DeliveryFailed, delivery.unanswered, "",
                          "the server did not answer for some votes", delay});
            Wait(delay, false);
        } else {
            backoff.Reset();  // answered: go straight on to the next batch, if any
        }
    }
}

}  // namespace kiosk
