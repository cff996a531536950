#include "server/vote_api.hpp"

#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "server/json_reply.hpp"

namespace kiosk::server {
namespace {

using nlohmann::json;

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool IsDay(const std::string& text) {
    return text.empty() || (text.size() == 10 && ParseUtcTimestamp(text + "T00:00:00Z").has_value());
}

const char* VerdictName(StoreVerdict verdict) {
    switch (verdict) {
        case StoreVerdict::Accepted: return "accepted";
        case StoreVerdict::Duplicate: return "duplicate";
        case StoreVerdict::Rejected: break;
    }
    return "rejected";
}

}  // namespace

std::optional<std::string> AuthenticateKiosk(const KioskTokens& tokens, const httplib::Request& request,
                                             httplib::Response& response) {
    std::string authorization = request.get_header_value("Authorization");
    const std::string prefix = "bearer ";
    std::string scheme = authorization.substr(0, prefix.size());
    for (auto& character : scheme) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
    if (scheme != prefix || authorization.size() == prefix.size()) {  // the scheme is case-insensitive (RFC 7235)
        response.set_header("WWW-Authenticate", "Bearer");
        ReplyError(response, 401, "missing_token", "send Authorization: Bearer <kiosk token>");
        return std::nullopt;
    }
    auto kiosk_id = tokens.KioskFor(std::string_view(authorization).substr(prefix.size()));
    if (!kiosk_id) {
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        ReplyError(response, 401, "invalid_token", "this token is not known to the server");
        return std::nullopt;
    }
    return kiosk_id;
}

std::string ImplausibleVoteDate(const Vote& vote, std::int64_t server_now_ms) {
    if (!vote.clock_synchronised) return "";  // counted by its arrival, its own date is only kept
    if (vote.recorded_at_ms > server_now_ms + kMaximumVoteLeadMs)
        return "implausible_date: recorded_at " + FormatUtcTimestamp(vote.recorded_at_ms) +
               " is more than 24 hours ahead of the server's clock (" + FormatUtcTimestamp(server_now_ms) +
               ") although clock_synchronised is true";
    if (vote.recorded_at_ms < kEarliestSynchronisedVoteMs)
        return "implausible_date: recorded_at " + FormatUtcTimestamp(vote.recorded_at_ms) +
               " is before 2020 although clock_synchronised is true";
    return "";
}

void VoteApi::Register(httplib::Server& server, RequestAdmission& admission) {
    admission.Add({"POST", "/api/v1/votes", kMaximumBodyBytes,
                   [this](const httplib::Request& request, httplib::Response& response) {
                       return AuthenticateKiosk(tokens_, request, response).has_value();
                   }});
    server.Post("/api/v1/votes", [this](const httplib::Request& request, httplib::Response& response,
                                        const httplib::ContentReader& reader) {
        auto body = ReadBody(reader, kMaximumBodyBytes, response);
        if (body) PostVotes(request, response, *body);
    });
    server.Get("/api/v1/votes/summary", [this](const httplib::Request& request, httplib::Response& response) {
        GetSummary(request, response);
    });
}

void VoteApi::PostVotes(const httplib::Request& request, httplib::Response& response, const std::string& body) {
    auto kiosk_id = AuthenticateKiosk(tokens_, request, response);  // admitted already; this names the kiosk
    if (!kiosk_id) return;

    json document = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) return ReplyError(response, 400, "invalid_json", "the body is not valid JSON");
    if (!document.is_object() || !document.contains("votes") || !document["votes"].is_array())
        return ReplyError(response, 400, "invalid_request", "the body must be an object {\"votes\": [...]}");
    const json& items = document["votes"];
    if (items.size() > kMaximumBatchVotes)
        return ReplyError(response, 413, "too_many_votes",
                          "send at most " + std::to_string(kMaximumBatchVotes) + " votes per request");

    // Validate each vote on its own: one bad vote must not hold back the others.
    std::vector<json> results(items.size());
    std::vector<Vote> valid;
    std::vector<std::size_t> valid_positions;
    std::int64_t now_ms = NowMs();
    for (std::size_t index = 0; index < items.size(); ++index) {
        const json& item = items[index];
        json result{{"index", index}, {"uuid", nullptr}};
        if (item.is_object() && item.contains("uuid") && item["uuid"].is_string())
            result["uuid"] = item["uuid"].get<std::string>().substr(0, 64);
        auto vote = VoteFromJson(item);
        if (!vote) {
            result["status"] = "rejected";
            result["reason"] = "invalid: " + vote.error().message;
        } else if (auto implausible = ImplausibleVoteDate(*vote, now_ms); !implausible.empty()) {
            result["status"] = "rejected";
            result["reason"] = implausible;
        } else if (vote->kiosk_id != *kiosk_id) {
            result["status"] = "rejected";
            result["reason"] = "kiosk_mismatch: the vote's kiosk_id is not the kiosk of this token";
        } else {
            valid.push_back(std::move(*vote));
            valid_positions.push_back(index);
        }
        results[index] = std::move(result);
    }
    auto stored = store_.StoreBatch(valid, now_ms);
    if (!stored) {
        std::cerr << "kiosk-server: cannot store votes: " << stored.error().message << "\n";
        return ReplyError(response, 503, "storage_failed", "the votes could not be stored; send them again later");
    }
    for (std::size_t position = 0; position < valid.size(); ++position) {
        json& result = results[valid_positions[position]];
        const StoreOutcome& outcome = (*stored)[position];
        result["status"] = VerdictName(outcome.verdict);
        if (outcome.verdict == StoreVerdict::Rejected) result["reason"] = outcome.reason;
    }
    ReplyJson(response, 200, json{{"results", results}});
}

void VoteApi::GetSummary(const httplib::Request& request, httplib::Response& response) {
    std::string from = request.get_param_value("from");
    std::string to = request.get_param_value("to");
    if (!IsDay(from) || !IsDay(to))
        return ReplyError(response, 400, "invalid_request", "from and to must be dates YYYY-MM-DD");
    auto rows = store_.Summary(from, to);
    if (!rows) return ReplyError(response, 503, "storage_failed", "the summary could not be read");
    json days = json::array();
    std::int64_t counted = 0, satisfied = 0, suppressed = 0;
    for (const auto& row : *rows) {
        days.push_back({{"day", row.day}, {"desk_id", row.desk_id}, {"scale", row.scale}, {"rating", row.rating},
                        {"satisfied", IsSatisfied(row.rating, row.scale)}, {"counted", row.counted},
                        {"suppressed", row.suppressed}});
        counted += row.counted;
        suppressed += row.suppressed;
        if (IsSatisfied(row.rating, row.scale)) satisfied += row.counted;
    }
    json totals{{"counted", counted}, {"satisfied", satisfied}, {"suppressed", suppressed},
                {"satisfied_percent", counted ? json(100.0 * satisfied / counted) : json(nullptr)}};
    ReplyJson(response, 200,
              json{{"from", from.empty() ? json(nullptr) : json(from)}, {"to", to.empty() ? json(nullptr) : json(to)},
                   {"rows", days}, {"totals", totals}});
}

}  // namespace kiosk::server
