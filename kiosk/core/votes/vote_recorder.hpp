#pragma once
// VoteRecorder: the one code path that turns a tap (or `kiosk votes add`) into a durable
// vote. It checks the rating against the configured scale, stamps the context, applies
// the anti-abuse cooldown, and returns only after the outbox committed the vote: the UI
// shows "thank you" when Record succeeds, and an apology when it fails.
//
// Cooldown: a vote within votes.cooldown_s of the previous *counted* vote is kept but
// marked suppressed (never dropped), so a child tapping every second yields at most one
// counted vote per window. The comparison uses the monotonic clock, so setting the wall
// clock backwards (or forwards) neither lifts nor extends the cooldown.
#include <cstdint>
#include <string>

#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_clock.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"

namespace kiosk {

struct VoteRecorderSettings {
    std::string kiosk_id;
    std::string desk_id;
    int scale = 3;
    int cooldown_s = 10;             // 0 turns the cooldown off
    std::int64_t reason_window_ms = 120'000;  // how long a negative vote waits for its reason at most

    static VoteRecorderSettings FromConfig(const Config& config);
};

// Who voted: a citizen, or staff checking the kiosk ("Thử màn hình"). A staff test vote
// travels the whole way to the server like any other, marked suppressed "staff_test", so
// the server keeps it and never counts it.
enum class VoteKind { Citizen, StaffTest };

// Where the citizen came from; every field is optional.
struct VoteContext {
    VoteKind kind = VoteKind::Citizen;
    std::string desk_id;         // empty: the configured desk
    std::string procedure_code;  // mã thủ tục
    std::string field_id;        // lĩnh vực
    std::string dossier_code;    // mã hồ sơ: one counted vote per dossier
    std::string reason_code;     // a reason known at once (the command line); the screen attaches it later
};

// Whether a negative vote waits for the follow-up reason screen before it may be sent.
enum class ReasonFollowUp { None, Offered };

class VoteRecorder {
public:
    // The clock is an interface so tests can set the wall clock backwards; the kiosk
    // passes SystemVoteClock::Instance(). Both references must outlive the recorder.
    VoteRecorder(VoteOutbox& outbox, VoteRecorderSettings settings,
                 const VoteClock& clock = SystemVoteClock::Instance());

    // Validates, decides suppression, commits. The returned vote carries its UUID and
    // sequence. A rating outside 1..scale is refused with a sentence for people.
    Result<Vote> Record(int rating, const VoteContext& context = {},
                        ReasonFollowUp follow_up = ReasonFollowUp::None);

    // For the follow-up after a negative vote recorded with ReasonFollowUp::Offered.
    Status AttachReason(const std::string& uuid, const std::string& reason_code);
    Status SkipReason(const std::string& uuid);

    const VoteRecorderSettings& settings() const { return settings_; }

private:
    VoteOutbox& outbox_;
    VoteRecorderSettings settings_;
    const VoteClock& clock_;
};

}  // namespace kiosk
