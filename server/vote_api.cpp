#include "server/vote_api.hpp"

#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "server/report_page.hpp"

namespace kiosk::server {
namespace {

using nlohmann::json;

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void ReplyJson(httplib::Response& response, int status, const json& body) {
    response.status = status;
    response.set_content(body.dump(), "application/json; charset=utf-8");
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

void ReplyError(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    ReplyJson(response, status, json{{"error", code}, {"message", message}});
}

void VoteApi::Register(httplib::Server& server) {
    server.set_payload_max_length(kMaximumBodyBytes);
    server.Post("/api/v1/votes", [this](const httplib::Request& request, httplib::Response& response) {
        PostVotes(request, response);
    });
    server.Get("/api/v1/votes/summary", [this](const httplib::Request& request, httplib::Response& response) {
        GetSummary(request, response);
    });
    for (const char* path : {"/", "/report"})
        server.Get(path, [this](const httplib::Request& request, httplib::Response& response) {
            GetReport(request, response);
        });
    // Errors cpp-httplib produces itself (unknown path, wrong method, body too large,
    // unreadable request) get the same JSON shape as ours.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string code = response.status == 404   ? "not_found"
                           : response.status == 405 ? "method_not_allowed"
                           : response.status == 413 ? "body_too_large"
                           : response.status < 500  ? "bad_request"
                                                    : "server_error";
        ReplyError(response, response.status, code, "HTTP " + std::to_string(response.status));
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unexpected error";
        try {
            if (error) std::rethrow_exception(error);
        } catch (const std::exception& exception) {
            what = exception.what();
        } catch (...) {
        }
        std::cerr << "kiosk-server: request failed: " << what << "\n";
        ReplyError(response, 500, "server_error", "the server failed to handle this request");
    });
}

void VoteApi::PostVotes(const httplib::Request& request, httplib::Response& response) {
    std::string authorization = request.get_header_value("Authorization");
    const std::string prefix = "bearer ";
    std::string scheme = authorization.substr(0, prefix.size());
    for (auto& character : scheme) character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
    if (scheme != prefix || authorization.size() == prefix.size()) {  // the scheme is case-insensitive (RFC 7235)
        response.set_header("WWW-Authenticate", "Bearer");
        return ReplyError(response, 401, "missing_token", "send Authorization: Bearer <kiosk token>");
    }
    auto kiosk_id = tokens_.KioskFor(std::string_view(authorization).substr(prefix.size()));
    if (!kiosk_id) {
        response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return ReplyError(response, 401, "invalid_token", "this token is not known to the server");
    }

    json document = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
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
    for (std::size_t index = 0; index < items.size(); ++index) {
        const json& item = items[index];
        json result{{"index", index}, {"uuid", nullptr}};
        if (item.is_object() && item.contains("uuid") && item["uuid"].is_string())
            result["uuid"] = item["uuid"].get<std::string>().substr(0, 64);
        auto vote = VoteFromJson(item);
        if (!vote) {
            result["status"] = "rejected";
            result["reason"] = "invalid: " + vote.error().message;
        } else if (vote->kiosk_id != *kiosk_id) {
            result["status"] = "rejected";
            result["reason"] = "kiosk_mismatch: the vote's kiosk_id is not the kiosk of this token";
        } else {
            valid.push_back(std::move(*vote));
            valid_positions.push_back(index);
        }
        results[index] = std::move(result);
    }
    auto stored = store_.StoreBatch(valid, NowMs());
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

void VoteApi::GetReport(const httplib::Request&, httplib::Response& response) {
    auto page = RenderReportPage(store_);
    if (!page) return ReplyError(response, 503, "storage_failed", "the report could not be read");
    response.status = 200;
    response.set_content(*page, "text/html; charset=utf-8");
}

}  // namespace kiosk::server
