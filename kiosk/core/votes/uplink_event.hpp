#pragma once
// UplinkEvent: what the delivery worker tells the UI thread. Informational only: the
// votes themselves live in the outbox, so a lost event never loses a vote.
#include <chrono>
#include <string>

namespace kiosk {

struct UplinkEvent {
    enum class Kind {
        Delivered,             // count votes acknowledged (accepted or duplicate)
        Rejected,              // one vote refused for good: uuid, message = the server's reason
        DeliveryFailed,        // network, timeout, 5xx or garbage: retry after retry_in
        AuthenticationFailed,  // 401/403: the token is wrong; retry after retry_in
        OutboxFailed,          // the outbox could not be read or written
    };
    Kind kind = Kind::Delivered;
    int count = 0;
    std::string uuid;
    std::string message;  // English, for logs and staff screens
    std::chrono::milliseconds retry_in{0};
};

}  // namespace kiosk
