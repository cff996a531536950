#include "kiosk/core/heartbeat/heartbeat_sender.hpp"

#include "kiosk/core/server_url.hpp"

#include <mutex>

#include <curl/curl.h>

namespace kiosk {
namespace {

constexpr std::size_t kMaximumAnswerBytes = 64 * 1024;

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
        return 0;
    }
    transfer->body.append(data, bytes);
    return bytes;
}

int Progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* transfer = static_cast<Transfer*>(user);
    return transfer->cancel && transfer->cancel->load() ? 1 : 0;
}

// The server's sentence from a JSON error body, when there is one.
std::string ServerMessage(const std::string& body) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_object() && document.contains("message") && document["message"].is_string())
        return ": " + document["message"].get<std::string>().substr(0, 300);
    return "";
}

}  // namespace

HeartbeatSettings HeartbeatSettings::FromConfig(const Config& config) {
    HeartbeatSettings settings;
    settings.server_url = config.server.url;
    settings.token = config.server.token;
    settings.ca_file = config.server.ca_file;
    settings.interval = std::chrono::seconds(config.server.heartbeat_interval_s);
    return settings;
}

std::string HeartbeatSettings::Endpoint() const {
    std::string base = server_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/api/v1/heartbeat";
}

HeartbeatSender::HeartbeatSender(HeartbeatSettings settings, const std::atomic<bool>* cancel)
    : settings_(std::move(settings)), cancel_(cancel) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
}

HeartbeatSender::~HeartbeatSender() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Status HeartbeatSender::Send(const Heartbeat& heartbeat) {
    auto* curl = static_cast<CURL*>(curl_);
    if (!curl) return Error{"libcurl could not start", ""};
    if (settings_.server_url.empty()) return Error{"no commune server is configured (server.url is empty)", ""};
    std::string request = HeartbeatToJson(heartbeat).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string endpoint = settings_.Endpoint();
    std::string authorization = "Authorization: Bearer " + settings_.token;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, authorization.c_str());
    headers = curl_slist_append(headers, "Expect:");

    Transfer transfer;
    transfer.cancel = cancel_;
    curl_easy_reset(curl);
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
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!settings_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings_.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-mot-cua/1");

    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_ABORTED_BY_CALLBACK) return Error{"heartbeat cancelled", ""};
    if (code != CURLE_OK)
        return Error{transfer.too_large ? "the server's answer to the heartbeat is larger than 64 KiB"
                                        : "cannot reach " + RedactUrl(endpoint) + ": " + curl_easy_strerror(code),
                     ""};
    if (status == 401 || status == 403)
        return Error{"the server refused this kiosk's token (HTTP " + std::to_string(status) + ")" +
                         ServerMessage(transfer.body),
                     ""};
    if (status != 200)
        return Error{"the server answered the heartbeat with HTTP " + std::to_string(status) +
                         ServerMessage(transfer.body),
                     ""};
    auto answer = nlohmann::json::parse(transfer.body, nullptr, false);
    if (!answer.is_object() || answer.value("status", "") != "stored")
        return Error{"the server's answer to the heartbeat is not {\"status\": \"stored\"}", ""};
    return Success();
}

}  // namespace kiosk
