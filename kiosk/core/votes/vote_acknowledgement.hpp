#pragma once
// VoteAcknowledgement: the server's word on one vote UUID. Only Accepted and Duplicate
// let the outbox mark a vote delivered; Rejected ends its retries with the reason kept.
// RefusedUntilFixed is a refusal that a fix of this kiosk's configuration cures (the token
// belongs to another kiosk: "kiosk_mismatch"), like a 401: the vote stays pending and goes
// again, so fixing the token delivers it.
#include <string>

namespace kiosk {

enum class VoteVerdict { Accepted, Duplicate, Rejected, RefusedUntilFixed };

struct VoteAcknowledgement {
    std::string uuid;
    VoteVerdict verdict = VoteVerdict::Rejected;
    std::string reason;  // the server's reason for a rejection
};

}  // namespace kiosk
