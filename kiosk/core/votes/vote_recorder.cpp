#include "kiosk/core/votes/vote_recorder.hpp"

namespace kiosk {

VoteRecorderSettings VoteRecorderSettings::FromConfig(const Config& config) {
    VoteRecorderSettings settings;
    settings.kiosk_id = config.kiosk_id;
    settings.desk_id = config.desk_id;
    settings.scale = config.votes.scale;
    settings.cooldown_s = config.votes.cooldown_s;
    return settings;
}

VoteRecorder::VoteRecorder(VoteOutbox& outbox, VoteRecorderSettings settings, const VoteClock& clock)
    : outbox_(outbox), settings_(std::move(settings)), clock_(clock) {}

Result<Vote> VoteRecorder::Record(int rating, const VoteContext& context, ReasonFollowUp follow_up) {
    if (rating < 1 || rating > settings_.scale)
        return Error{"rating " + std::to_string(rating) + " is outside the scale 1.." + std::to_string(settings_.scale),
                     "Mức đánh giá " + std::to_string(rating) + " không có trong thang 1–" +
                         std::to_string(settings_.scale) + "."};
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = settings_.kiosk_id;
    vote.desk_id = context.desk_id.empty() ? settings_.desk_id : context.desk_id;
    vote.rating = rating;
    vote.scale = settings_.scale;
    vote.procedure_code = context.procedure_code;
    vote.field_id = context.field_id;
    vote.dossier_code = context.dossier_code;
    vote.reason_code = context.reason_code;
    vote.recorded_at_ms = std::max<std::int64_t>(0, clock_.WallNowMilliseconds());
    vote.clock_synchronised = clock_.IsWallClockSynchronised();
    MonotonicReading taken_at = clock_.MonotonicNow();

    std::int64_t cooldown_ms = std::int64_t{settings_.cooldown_s} * 1000;
    auto decide = [&](Vote& draft, const RecentVotes& recent) {
        if (context.kind == VoteKind::StaffTest) {
            draft.suppression = Suppression::StaffTest;
        } else if (recent.dossier_already_rated) {
            draft.suppression = Suppression::DossierAlreadyRated;
        } else if (cooldown_ms > 0 && recent.last_counted && recent.last_counted->boot_id == taken_at.boot_id &&
                   taken_at.milliseconds - recent.last_counted->milliseconds < cooldown_ms) {
            // Same boot: the readings compare. A reboot takes longer than any sane
            // cooldown, so votes after one are never suppressed by the one before it.
            draft.suppression = Suppression::Cooldown;
        }
    };
    bool wants_reason = follow_up == ReasonFollowUp::Offered && !IsSatisfied(rating, settings_.scale);
    auto recorded = outbox_.Add(std::move(vote), taken_at, wants_reason ? settings_.reason_window_ms : 0, decide);
    if (!recorded)
        return Error{"the vote could not be saved: " + recorded.error().message,
                     "Chưa lưu được đánh giá, xin vui lòng thử lại."};
    return recorded;
}

Status VoteRecorder::AttachReason(const std::string& uuid, const std::string& reason_code) {
    return outbox_.AttachReason(uuid, reason_code, clock_.MonotonicNow());
}

Status VoteRecorder::SkipReason(const std::string& uuid) { return outbox_.CloseReasonWindow(uuid); }

}  // namespace kiosk
