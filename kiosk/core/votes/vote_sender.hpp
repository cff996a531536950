#pragma once
// VoteSender: one HTTP POST of a batch of votes to the commune server, on libcurl, and
// the reading of the server's per-vote answer. TLS verification is always on (an extra
// CA file may be given); proxies come from libcurl's usual environment variables
// (https_proxy, http_proxy, no_proxy). The connection is kept between batches.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_acknowledgement.hpp"
#include "kiosk/core/votes/vote_uplink_settings.hpp"

namespace kiosk {

struct SendResult {
    enum class Kind {
        Answered,        // the server answered 200 with per-vote results
        NetworkFailed,   // no connection, timeout, connection closed, TLS failure
        Unauthorised,    // 401 or 403: the token is wrong or revoked
        ServerFailed,    // any other HTTP status
        BadAnswer,       // 200 with something that is not the protocol's JSON
        Cancelled,       // Stop() was asked while sending
    };
    Kind kind = Kind::NetworkFailed;
    long http_status = 0;
    std::string message;  // English, for logs and status
    std::vector<VoteAcknowledgement> acknowledgements;  // only UUIDs of the batch just sent

    bool answered() const { return kind == Kind::Answered; }
};

class VoteSender {
public:
    // cancel (optional) aborts a transfer in progress when it becomes true.
    explicit VoteSender(VoteUplinkSettings settings, const std::atomic<bool>* cancel = nullptr);
    ~VoteSender();
    VoteSender(const VoteSender&) = delete;
    VoteSender& operator=(const VoteSender&) = delete;

    SendResult Send(const std::vector<Vote>& votes);
    // No request runs past this moment (a flush's --timeout): each one gets the time left,
    // when that is less than settings.total_timeout.
    void SetDeadline(std::chrono::steady_clock::time_point deadline) { deadline_ = deadline; }

private:
    VoteUplinkSettings settings_;
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    const std::atomic<bool>* cancel_;
    void* curl_ = nullptr;  // CURL*, kept for connection reuse
};

// Reads the server's answer; exposed for tests. Entries for UUIDs outside `sent` and
// malformed entries are ignored (those votes stay pending).
Result<std::vector<VoteAcknowledgement>> ParseVotesAnswer(const std::string& body, const std::vector<Vote>& sent);

}  // namespace kiosk
