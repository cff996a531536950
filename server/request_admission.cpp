#include "server/request_admission.hpp"

#include <cctype>
#include <iostream>

#include "server/connection_state.hpp"
#include "server/json_reply.hpp"

namespace kiosk::server {
namespace {

bool IsTokenCharacter(unsigned char character) {
    return std::isalnum(character) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(character)) !=
                                          std::string_view::npos;
}

std::string Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

bool SameIgnoringCase(std::string_view left, std::string_view right) {
    if (left.size() != right.size()) return false;
    for (std::size_t index = 0; index < left.size(); ++index)
        if (std::tolower(static_cast<unsigned char>(left[index])) != std::tolower(static_cast<unsigned char>(right[index])))
            return false;
    return true;
}

struct Framing {
    bool has_length = false;
    std::uint64_t length = 0;
    bool chunked = false;
    int status = 0;  // non-zero: refused with this status
    std::string code, message;
};

// Reads Content-Length and Transfer-Encoding the strict way (RFC 9112 §6).
Framing ReadFraming(const httplib::Request& request) {
    Framing framing;
    auto refuse = [&](int status, std::string code, std::string message) {
        framing.status = status;
        framing.code = std::move(code);
        framing.message = std::move(message);
        return framing;
    };
    auto lengths = request.headers.equal_range("Content-Length");
    for (auto header = lengths.first; header != lengths.second; ++header) {
        std::string_view values = header->second;
        while (true) {
            auto comma = values.find(',');
            std::string value = Trim(values.substr(0, comma));
            if (value.empty() || value.size() > 18 ||
                value.find_first_not_of("0123456789") != std::string::npos)
                return refuse(400, "invalid_content_length",
                              "Content-Length must be a decimal number of bytes, found \"" + value.substr(0, 40) + "\"");
            std::uint64_t length = std::stoull(value);
            if (framing.has_length && length != framing.length)
                return refuse(400, "conflicting_content_length",
                              "the request has Content-Length headers with different values (" +
                                  std::to_string(framing.length) + " and " + std::to_string(length) +
                                  "); a proxy and this server could read different requests from it");
            framing.has_length = true;
            framing.length = length;
            if (comma == std::string_view::npos) break;
            values.remove_prefix(comma + 1);
        }
    }
    auto codings = request.headers.equal_range("Transfer-Encoding");
    for (auto header = codings.first; header != codings.second; ++header) {
        if (framing.chunked || !SameIgnoringCase(Trim(header->second), "chunked"))
            return refuse(501, "unsupported_transfer_encoding",
                          "the only Transfer-Encoding this server reads is a single \"chunked\"");
        framing.chunked = true;
    }
    if (framing.chunked && framing.has_length)
        return refuse(400, "ambiguous_length",
                      "the request has both Content-Length and Transfer-Encoding; send one of them");
    return framing;
}

void MarkAnsweredEarly(const Framing& framing) {
    if (auto* connection = CurrentConnection(); connection && (framing.chunked || framing.length > 0))
        connection->close_after_response = true;
}

std::string Seconds(std::chrono::milliseconds duration) {
    auto tenths = duration.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " s";
}

}  // namespace

void RequestAdmission::Add(RouteRule rule) { rules_.push_back(std::move(rule)); }

const RouteRule* RequestAdmission::Find(const httplib::Request& request) const {
    for (const auto& rule : rules_)
        if (rule.path == request.path && (rule.method == request.method || (rule.method == "GET" && request.method == "HEAD")))
            return &rule;
    return nullptr;
}

std::size_t RequestAdmission::BodyLimit(const httplib::Request& request) const {
    const RouteRule* rule = Find(request);
    return rule && rule->max_body_bytes ? rule->max_body_bytes : limits_.default_body_bytes;
}

bool RequestAdmission::Refuse(const httplib::Request& request, httplib::Response& response) const {
    auto* connection = CurrentConnection();
    for (const auto& [name, value] : request.headers) {
        bool token = !name.empty();
        for (unsigned char character : name) token = token && IsTokenCharacter(character);
        if (!token) {
            if (connection) connection->close_after_response = true;
            ReplyError(response, 400, "invalid_header", "a header name is not an HTTP token (spaces or other characters before the colon)");
            return true;
        }
    }
    if (connection && connection->bare_line_feed) {
        connection->close_after_response = true;
        ReplyError(response, 400, "invalid_line_ending", "every line of the request head must end in CR LF");
        return true;
    }
    Framing framing = ReadFraming(request);
    if (framing.status) {
        if (connection) connection->close_after_response = true;
        ReplyError(response, framing.status, framing.code, framing.message);
        return true;
    }
    bool carries_body = framing.chunked || framing.length > 0;
    bool body_method = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (carries_body && (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS")) {
        if (connection) connection->close_after_response = true;
        ReplyError(response, 400, "unexpected_body", request.method + " requests carry no body");
        return true;
    }
    if (body_method && !framing.chunked && !framing.has_length) {
        if (connection) connection->close_after_response = true;
        ReplyError(response, 411, "length_required", "send the body with Content-Length or Transfer-Encoding: chunked");
        return true;
    }
    std::size_t limit = BodyLimit(request);
    if (connection) connection->body_wire_budget = ConnectionLimits::BodyWireBudget(limit);
    if (const RouteRule* rule = Find(request); rule && rule->authenticate && !rule->authenticate(request, response)) {
        MarkAnsweredEarly(framing);
        return true;
    }
    if (framing.has_length && framing.length > limit) {
        MarkAnsweredEarly(framing);
        ReplyError(response, 413, "body_too_large",
                   "the body may be at most " + std::to_string(limit) + " bytes on " + request.path);
        return true;
    }
    return false;
}

void RequestAdmission::Install(httplib::Server& server) {
    std::size_t largest = limits_.default_body_bytes;
    for (const auto& rule : rules_) largest = std::max(largest, rule.max_body_bytes);
    server.set_payload_max_length(largest);
    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        return Refuse(request, response) ? httplib::Server::HandlerResponse::Handled
                                         : httplib::Server::HandlerResponse::Unhandled;
    });
    // A client that waits for "100 Continue" hears the refusal instead and never sends the body.
    server.set_expect_100_continue_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (!Refuse(request, response)) return 100;
        if (auto* connection = CurrentConnection()) connection->close_after_response = true;
        return response.status;
    });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        auto* connection = CurrentConnection();
        if (connection && (connection->close_after_response || connection->body_over_budget || connection->StreamGaveUp())) {
            response.headers.erase("Keep-Alive");
            response.set_header("Connection", "close");
        }
    });
    // Errors cpp-httplib produces itself (unknown path, wrong method, unreadable request)
    // and those the connection layer caused get the same JSON shape as ours.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [limits = limits_](const httplib::Request&, httplib::Response& response) {
            if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const auto* connection = CurrentConnection();
            if (connection && connection->head_timed_out) {
                ReplyError(response, 408, "request_timeout",
                           "the request line and headers did not arrive within " + Seconds(limits.header_timeout));
            } else if (connection && connection->head_too_large) {
                ReplyError(response, 431, "headers_too_large",
                           "the request line and headers may be at most " + std::to_string(limits.head_bytes) + " bytes");
            } else if (connection && connection->body_over_budget) {
                ReplyError(response, 413, "body_too_large", "the body is larger than this path accepts");
            } else if (connection && connection->request_timed_out) {
                ReplyError(response, 408, "request_timeout",
                           "the request did not arrive within " + Seconds(limits.request_timeout));
            } else {
                std::string code = response.status == 404   ? "not_found"
                                   : response.status == 405 ? "method_not_allowed"
                                   : response.status == 413 ? "body_too_large"
                                   : response.status < 500  ? "bad_request"
                                                            : "server_error";
                ReplyError(response, response.status, code, "HTTP " + std::to_string(response.status));
            }
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

std::optional<std::string> ReadBody(const httplib::ContentReader& reader, std::size_t max_bytes,
                                    httplib::Response& response) {
    std::string body;
    bool too_large = false;
    bool complete = reader([&](const char* data, std::size_t length) {
        if (body.size() + length > max_bytes) {
            too_large = true;
            return false;
        }
        body.append(data, length);
        return true;
    });
    if (complete) return body;
    auto* connection = CurrentConnection();
    if (connection) connection->close_after_response = true;
    if (too_large || (connection && connection->body_over_budget))
        ReplyError(response, 413, "body_too_large", "the body may be at most " + std::to_string(max_bytes) + " bytes");
    else if (connection && connection->request_timed_out)
        ReplyError(response, 408, "request_timeout", "the body did not arrive in time");
    else
        ReplyError(response, 400, "unreadable_body", "the body could not be read (connection closed or bad chunk framing)");
    return std::nullopt;
}

}  // namespace kiosk::server
