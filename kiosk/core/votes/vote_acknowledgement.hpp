#pragma once
// VoteAcknowledgement: the server's word on one vote UUID. Only Accepted and Duplicate
// let the outbox mark a vote delivered; Rejected ends its retries with the reason kept.
#include <string>

namespace kiosk {

enum class VoteVerdict { Accepted, Duplicate, Rejected };

struct VoteAcknowledgement {
    std::string uuid;
    VoteVerdict verdict = VoteVerdict::Rejected;
    std::string reason;  // the server's reason for a rejection
};

}  // namespace kiosk
