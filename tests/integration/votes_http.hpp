#pragma once
// HTTP for the vote integration tests without cpp-httplib (the test binary links only
// kiosk_core): a libcurl client call, and a deliberately misbehaving HTTP server on raw
// sockets on 127.0.0.1. The misbehaving server is a real server speaking real TCP; it
// just answers the way broken proxies and overloaded servers do.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"

namespace kiosk::testing {

struct HttpReply {
    long status = 0;  // 0: no answer at all
    std::string body;
    std::string content_type;
};

inline HttpReply HttpCall(const std::string& method, const std::string& url, const std::string& body = "",
                          const std::string& authorization = "") {
    HttpReply reply;
    CURL* curl = curl_easy_init();
    curl_slist* headers = nullptr;
    std::string authorization_header = "Authorization: " + authorization;
    if (!authorization.empty()) headers = curl_slist_append(headers, authorization_header.c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10'000L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* user) {
        static_cast<std::string*>(user)->append(data, size * count);
        return size * count;
    });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    if (curl_easy_perform(curl) == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
        char* type = nullptr;
        curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
        if (type) reply.content_type = type;
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return reply;
}

enum class Misbehaviour {
    Status500,         // "500 Internal Server Error"
    Hang,              // reads the request, never answers
    CloseConnection,   // reads the request, closes the socket
    Garbage,           // 200 with a body that is not JSON
    TruncatedAnswer,   // 200 announcing more bytes than it sends, then closes
    ForeignAcks,       // 200 acknowledging UUIDs the kiosk never sent
    AcknowledgeHalf,   // 200 accepting the first half of the batch only (the rest unanswered)
};

class MisbehavingServer {
public:
    explicit MisbehavingServer(Misbehaviour misbehaviour) : misbehaviour_(misbehaviour) {
        listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int yes = 1;
        setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
        listen(listener_, 16);
        socklen_t length = sizeof address;
        getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { Serve(); });
    }
    ~MisbehavingServer() {
        stopping_ = true;
        thread_.join();
        close(listener_);
    }
    MisbehavingServer(const MisbehavingServer&) = delete;
    MisbehavingServer& operator=(const MisbehavingServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int requests() const { return requests_; }

private:
    void Serve() {
        while (!stopping_) {
            pollfd descriptor{listener_, POLLIN, 0};
            if (poll(&descriptor, 1, 20) <= 0) continue;
            int connection = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (connection < 0) continue;
            std::string body = ReadRequest(connection);
            ++requests_;
            Answer(connection, body);
            close(connection);
        }
    }

    // Headers, then Content-Length bytes of body (bounded waits: a test must never hang).
    std::string ReadRequest(int connection) {
        std::string data;
        std::size_t header_end = std::string::npos;
        std::size_t wanted = 0;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (std::chrono::steady_clock::now() < deadline) {
            if (header_end != std::string::npos && data.size() >= header_end + 4 + wanted) break;
            pollfd descriptor{connection, POLLIN, 0};
            if (poll(&descriptor, 1, 50) <= 0) continue;
            char chunk[65536];
            ssize_t got = recv(connection, chunk, sizeof chunk, 0);
            if (got <= 0) break;
            data.append(chunk, static_cast<std::size_t>(got));
            if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
                std::string headers = data.substr(0, header_end);
                for (auto& character : headers) character = static_cast<char>(std::tolower(character));
                if (auto at = headers.find("content-length:"); at != std::string::npos)
                    wanted = std::stoul(headers.substr(at + 15));
            }
        }
        return header_end == std::string::npos ? std::string() : data.substr(header_end + 4);
    }

    static void Send(int connection, const std::string& text) {
        (void)send(connection, text.data(), text.size(), MSG_NOSIGNAL);
    }

    static std::string Ok(const std::string& body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
               "\r\nConnection: close\r\n\r\n" + body;
    }

    void Answer(int connection, const std::string& body) {
        using nlohmann::json;
        switch (misbehaviour_) {
            case Misbehaviour::Status500:
                Send(connection, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                return;
            case Misbehaviour::Hang: {
                auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
                while (!stopping_ && std::chrono::steady_clock::now() < until)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                return;
            }
            case Misbehaviour::CloseConnection: return;
            case Misbehaviour::Garbage: Send(connection, Ok("<html>Bad Gateway</html>\x01\x02")); return;
            case Misbehaviour::TruncatedAnswer:
                Send(connection, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                                 "{\"results\": [");
                return;
            case Misbehaviour::ForeignAcks: {
                json results = json::array();
                for (int index = 0; index < 5; ++index) results.push_back({{"uuid", NewVoteUuid()}, {"status", "accepted"}});
                Send(connection, Ok(json{{"results", results}}.dump()));
                return;
            }
            case Misbehaviour::AcknowledgeHalf: {
                json request = json::parse(body, nullptr, false);
                json results = json::array();
                if (request.is_object() && request["votes"].is_array()) {
                    std::size_t half = request["votes"].size() / 2;
                    for (std::size_t index = 0; index < half; ++index)
                        results.push_back({{"uuid", request["votes"][index]["uuid"]}, {"status", "accepted"}});
                }
                Send(connection, Ok(json{{"results", results}}.dump()));
                return;
            }
        }
    }

    Misbehaviour misbehaviour_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> requests_{0};
    std::thread thread_;
};

}  // namespace kiosk::testing
