#pragma once
// VoteApi: the vote endpoints of the reference commune server (docs/protocol.md).
// Every failure is a 4xx/5xx with a JSON body {"error": code, "message": sentence};
// nothing a client sends can crash the server.
#include <httplib.h>

#include <cstdint>
#include <optional>

#include "server/kiosk_tokens.hpp"
#include "server/request_admission.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

inline constexpr std::size_t kMaximumBatchVotes = 100;
inline constexpr std::size_t kMaximumBodyBytes = 1024 * 1024;
// A vote marked clock-synchronised may be dated at most this far ahead of the server's
// clock (a day covers a server whose own clock is somewhat wrong), and not before 2020.
inline constexpr std::int64_t kMaximumVoteLeadMs = 24LL * 60 * 60 * 1000;
inline constexpr std::int64_t kEarliestSynchronisedVoteMs = 1'577'836'800'000;  // 2020-01-01T00:00:00Z

// The kiosk of a request's bearer token, or nothing after filling a 401 answer.
std::optional<std::string> AuthenticateKiosk(const KioskTokens& tokens, const httplib::Request& request,
                                             httplib::Response& response);

// Why a clock-synchronised vote's date cannot be true, or empty when it can.
std::string ImplausibleVoteDate(const Vote& vote, std::int64_t server_now_ms);

class VoteApi {
public:
    VoteApi(VoteStore& store, const KioskTokens& tokens) : store_(store), tokens_(tokens) {}

    // Declares the routes' limits and checks to `admission` and registers the handlers.
    void Register(httplib::Server& server, RequestAdmission& admission);

private:
    void PostVotes(const httplib::Request& request, httplib::Response& response, const std::string& body);
    void GetSummary(const httplib::Request& request, httplib::Response& response);

    VoteStore& store_;
    const KioskTokens& tokens_;
};

}  // namespace kiosk::server
