#pragma once
// ContentServerClient: the kiosk's side of docs/protocol.md "Content" — what the commune
// server offers (GET {server}/api/v1/content/manifest, with If-None-Match so an unchanged
// offer costs a 304), and the download of the offered bundle (GET its bundle_url) into
// <data_dir>/content/downloads/, resumed with HTTP Range after a cut connection and tried
// again with a growing pause, then checked against the SHA-256 the manifest named. The
// download is only bytes: installing it (signature, every check) is ContentStore::Install.
// Blocking calls, for a worker thread (ServerContentUpdater); libcurl as the vote uplink
// uses it (TLS always verified, an extra CA file, proxies from the environment).
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/core/config.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

struct ServerContentSettings {
    std::string server_url;  // empty: no server
    std::string token;
    std::string ca_file;
    std::filesystem::path data_dir;
    std::chrono::seconds check_interval{3600};  // the periodic pull; 0: only when staff ask
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::seconds stalled_after{30};     // a download that moves no byte for this long is cut and resumed
    int download_attempts = 6;
    std::chrono::milliseconds first_retry_delay{2'000};  // doubled after each failed attempt
    std::uint64_t max_bundle_bytes = 1ull << 30;         // a server offering more is refused

    static ServerContentSettings FromConfig(const Config& config);
    std::string ManifestEndpoint() const;
    std::filesystem::path DownloadsDirectory() const;
};

// What the server offers: the manifest's answer.
struct ServerOffer {
    std::string content_id;
    long long version = 0;
    std::string sha256;
    std::uint64_t size = 0;
    std::string created_at;
    std::string signer;      // as the server names it; the kiosk checks the signature itself
    std::string bundle_url;  // absolute, or a path on the server
};

struct ManifestCheck {
    enum class Kind { Offered, Unchanged /* 304 */, NothingPublished /* 404 */ };
    Kind kind = Kind::Offered;
    std::optional<ServerOffer> offer;  // set when Offered
    std::string etag;                  // to send as If-None-Match next time
};

class ContentServerClient {
public:
    // cancel (optional) aborts a transfer in progress when it becomes true.
    explicit ContentServerClient(ServerContentSettings settings, const std::atomic<bool>* cancel = nullptr);

    // etag: the last answer's, or "". installed_id / installed_version: what this kiosk shows
    // (the server records it). Errors are sentences for staff and the log.
    Result<ManifestCheck> FetchManifest(const std::string& etag, const std::string& installed_id,
                                        long long installed_version);

    // Downloads the offer into DownloadsDirectory()/<sha256>.zip (kept there until removed),
    // resuming a part left by an earlier attempt (or an earlier run). progress: bytes so far of
    // the total, on this thread.
    Result<std::filesystem::path> Download(const ServerOffer& offer,
                                           const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

    // How many attempts the last Download made (tests: a cut connection resumed is 2).
    int last_attempts() const { return last_attempts_; }
    // How many bytes the last Download fetched over the network in all (a resume fetches less than the size).
    std::uint64_t last_bytes_fetched() const { return last_bytes_fetched_; }

private:
    ServerContentSettings settings_;
    const std::atomic<bool>* cancel_;
    int last_attempts_ = 0;
    std::uint64_t last_bytes_fetched_ = 0;
};

}  // namespace kiosk::bundle
