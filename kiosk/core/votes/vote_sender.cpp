#include "kiosk/core/votes/vote_sender.hpp"

#include "kiosk/core/server_url.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_set>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::size_t kMaximumAnswerBytes = 4 * 1024 * 1024;  // a lying server cannot fill memory

struct Transfer {
    std::string body;
    bool too_large = false;
    const std::atomic<bool>* cancel = nullptr;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    size_t bytes = size * count;
    if (transfer->body.size() + bytes > kMaximumAnswerBytes) {
        transfer->too_large = true;
        return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    transfer->body.append(data, bytes);
    return bytes;
}

int Progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* transfer = static_cast<Transfer*>(user);
    return transfer->cancel && transfer->cancel->load() ? 1 : 0;
}

void EnsureCurlGlobal() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

VoteUplinkSettings VoteUplinkSettings::FromConfig(const Config& config) {
    VoteUplinkSettings settings;
    settings.server_url = config.server.url;
    settings.token = config.server.token;
    settings.ca_file = config.server.ca_file;
    return settings;
}

std::string VoteUplinkSettings::VotesEndpoint() const {
    std::string base = server_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/api/v1/votes";
}

Result<std::vector<VoteAcknowledgement>> ParseVotesAnswer(const std::string& body, const std::vector<Vote>& sent) {
    json document = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !document.is_object())
        return Error{"the server's answer is not a JSON object", ""};
    auto results = document.find("results");
    if (results == document.end() || !results->is_array())
        return Error{"the server's answer has no \"results\" list", ""};
    std::unordered_set<std::string> batch;
    for (const auto& vote : sent) batch.insert(vote.uuid);
    std::vector<VoteAcknowledgement> acknowledgements;
    for (const auto& entry : *results) {
        if (!entry.is_object()) continue;
        auto uuid = entry.find("uuid");
        auto status = entry.find("status");
        if (uuid == entry.end() || !uuid->is_string() || status == entry.end() || !status->is_string()) continue;
        if (!batch.contains(uuid->get<std::string>())) continue;  // never trust an answer about votes not sent
        VoteAcknowledgement acknowledgement;
        acknowledgement.uuid = uuid->get<std::string>();
        std::string verdict = status->get<std::string>();
        if (verdict == "accepted") acknowledgement.verdict = VoteVerdict::Accepted;
        else if (verdict == "duplicate") acknowledgement.verdict = VoteVerdict::Duplicate;
        else if (verdict == "rejected") acknowledgement.verdict = VoteVerdict::Rejected;
        else continue;
        if (auto reason = entry.find("reason"); reason != entry.end() && reason->is_string())
            acknowledgement.reason = reason->get<std::string>().substr(0, 500);
        if (acknowledgement.verdict == VoteVerdict::Rejected && acknowledgement.reason.empty())
            acknowledgement.reason = "rejected without a reason";
        // The token is another kiosk's: a typo in server.token, cured by fixing it. Never final.
        if (acknowledgement.verdict == VoteVerdict::Rejected && acknowledgement.reason.rfind("kiosk_mismatch", 0) == 0)
            acknowledgement.verdict = VoteVerdict::RefusedUntilFixed;
        acknowledgements.push_back(std::move(acknowledgement));
    }
    return acknowledgements;
}

VoteSender::VoteSender(VoteUplinkSettings settings, const std::atomic<bool>* cancel)
    : settings_(std::move(settings)), cancel_(cancel) {
    EnsureCurlGlobal();
    curl_ = curl_easy_init();
}

VoteSender::~VoteSender() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

SendResult VoteSender::Send(const std::vector<Vote>& votes) {
    SendResult result;
    auto* curl = static_cast<CURL*>(curl_);
    if (!curl) {
        result.message = "libcurl could not start";
        return result;
    }
    json batch = json::array();
    for (const auto& vote : votes) batch.push_back(VoteToJson(vote));
    std::string request = json{{"votes", std::move(batch)}}.dump();

    Transfer transfer;
    transfer.cancel = cancel_;
    std::string endpoint = settings_.VotesEndpoint();
    std::string authorization = "Authorization: Bearer " + settings_.token;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, authorization.c_str());
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip for small batches

    curl_easy_reset(curl);  // keeps the connection cache, forgets the previous options
    curl_easy_setopt(curl, CURLOPT_URL, endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, Progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we run on a worker thread
    auto total_timeout = settings_.total_timeout;
    if (deadline_) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - std::chrono::steady_clock::now());
        total_timeout = std::clamp(left, std::chrono::milliseconds(1), total_timeout);
    }
    auto connect_timeout = std::min(settings_.connect_timeout, total_timeout);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirected POST is a misconfiguration to report
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!settings_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings_.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-mot-cua/1");

    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.http_status);

    if (code == CURLE_ABORTED_BY_CALLBACK) {
        result.kind = SendResult::Kind::Cancelled;
        result.message = "delivery cancelled";
        return result;
    }
    if (code != CURLE_OK) {
        result.kind = transfer.too_large ? SendResult::Kind::BadAnswer : SendResult::Kind::NetworkFailed;
        result.message = transfer.too_large ? "the server's answer is larger than 4 MiB"
                                            : "cannot reach " + RedactUrl(endpoint) + ": " + curl_easy_strerror(code);
        return result;
    }
    if (result.http_status == 401 || result.http_status == 403) {
        result.kind = SendResult::Kind::Unauthorised;
        result.message = "the server refused this kiosk's token (HTTP " + std::to_string(result.http_status) + ")";
        return result;
    }
    if (result.http_status != 200) {
        result.kind = SendResult::Kind::ServerFailed;
        result.message = "the server answered HTTP " + std::to_string(result.http_status);
        return result;
    }
    auto acknowledgements = ParseVotesAnswer(transfer.body, votes);
    if (!acknowledgements) {
        result.kind = SendResult::Kind::BadAnswer;
        result.message = acknowledgements.error().message;
        return result;
    }
    result.kind = SendResult::Kind::Answered;
    result.acknowledgements = std::move(*acknowledgements);
    return result;
}

}  // namespace kiosk
