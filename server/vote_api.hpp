#pragma once
// VoteApi: the HTTP endpoints of the reference commune server (docs/protocol.md).
// Every failure is a 4xx/5xx with a JSON body {"error": code, "message": sentence};
// nothing a client sends can crash the server.
#include <httplib.h>

#include "server/kiosk_tokens.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

inline constexpr std::size_t kMaximumBatchVotes = 100;
inline constexpr std::size_t kMaximumBodyBytes = 1024 * 1024;

class VoteApi {
public:
    VoteApi(VoteStore& store, const KioskTokens& tokens) : store_(store), tokens_(tokens) {}

    // Registers the routes, the JSON error handler and the body size limit.
    void Register(httplib::Server& server);

private:
    void PostVotes(const httplib::Request& request, httplib::Response& response);
    void GetSummary(const httplib::Request& request, httplib::Response& response);
    void GetReport(const httplib::Request& request, httplib::Response& response);

    VoteStore& store_;
    const KioskTokens& tokens_;
};

// {"error": code, "message": message} with the given status.
void ReplyError(httplib::Response& response, int status, const std::string& code, const std::string& message);

}  // namespace kiosk::server
