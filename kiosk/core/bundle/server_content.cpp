#include "kiosk/core/bundle/server_content.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <thread>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/sha256_digest.hpp"

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaximumManifestBytes = 64 * 1024;

void EnsureCurlGlobal() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Error Unreachable(const std::string& what, const std::string& detail) {
    return Error{"cannot " + what + " from the commune server: " + detail,
                 "Không kết nối được máy chủ của xã (" + detail + "). Kiosk vẫn dùng nội dung cũ."};
}

struct CurlHandle {
    CURL* curl = curl_easy_init();
    curl_slist* headers = nullptr;
    ~CurlHandle() {
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
    }
    void AddHeader(const std::string& header) { headers = curl_slist_append(headers, header.c_str()); }
};

struct Cancel {
    const std::atomic<bool>* flag = nullptr;
};

int CheckCancel(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* cancel = static_cast<Cancel*>(user);
    return cancel->flag && cancel->flag->load() ? 1 : 0;
}

void CommonOptions(CurlHandle& handle, const ServerContentSettings& settings, Cancel& cancel) {
    CURL* curl = handle.curl;
    handle.AddHeader("Authorization: Bearer " + settings.token);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, handle.headers);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // a worker thread
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings.stalled_after.count()));
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!settings.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-mot-cua/1");
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, CheckCancel);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &cancel);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
}

struct TextBody {
    std::string bytes;
    bool too_large = false;
};

size_t WriteText(char* data, size_t size, size_t count, void* user) {
    auto* body = static_cast<TextBody*>(user);
    if (body->bytes.size() + size * count > kMaximumManifestBytes) {
        body->too_large = true;
        return 0;
    }
    body->bytes.append(data, size * count);
    return size * count;
}

// ETag: "…" from the response's headers.
size_t ReadEtag(char* data, size_t size, size_t count, void* user) {
    std::string line(data, size * count);
    std::string lower = line.substr(0, 5);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "etag:") {
        std::string value = line.substr(5);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
        *static_cast<std::string*>(user) = value;
    }
    return size * count;
}

std::string ServerBase(const std::string& url) {
    std::string base = url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

Result<ServerOffer> OfferFromJson(const std::string& body, const ServerContentSettings& settings) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    auto bad = [](const std::string& why) {
        return Error{"the commune server's content manifest is not what the protocol says: " + why,
                     "Máy chủ của xã trả lời không đúng giao thức. Kiosk vẫn dùng nội dung cũ."};
    };
    if (!document.is_object()) return bad("not a JSON object");
    ServerOffer offer;
    try {
        offer.content_id = document.at("content_id").get<std::string>();
        offer.version = document.at("version").get<long long>();
        offer.sha256 = document.at("sha256").get<std::string>();
        offer.size = document.at("size").get<std::uint64_t>();
        offer.created_at = document.value("created_at", "");
        offer.signer = document.value("signer", "");
        offer.bundle_url = document.at("bundle_url").get<std::string>();
    } catch (const nlohmann::json::exception& error) {
        return bad(error.what());
    }
    if (!Sha256Digest::IsHex(offer.sha256)) return bad("\"sha256\" is not 64 hex digits");
    if (offer.size == 0 || offer.size > settings.max_bundle_bytes)
        return bad("\"size\" " + std::to_string(offer.size) + " is not the size of a bundle this kiosk takes");
    if (offer.bundle_url.empty()) return bad("\"bundle_url\" is empty");
    if (offer.bundle_url.front() == '/') offer.bundle_url = ServerBase(settings.server_url) + offer.bundle_url;
    // The bundle comes from the same server the manifest did: the token goes nowhere else.
    if (offer.bundle_url.rfind(ServerBase(settings.server_url) + "/", 0) != 0)
        return bad("\"bundle_url\" points away from the server (" + offer.bundle_url + ")");
    return offer;
}

struct PartDownload {
    int descriptor = -1;
    std::uint64_t start = 0;     // bytes already in the part when this attempt began
    std::uint64_t written = 0;   // this attempt
    std::uint64_t total = 0;
    long status = 0;
    bool restarted = false;      // the server ignored the Range: the part was emptied
    bool write_failed = false;
    bool too_long = false;
    CURL* curl = nullptr;
    const std::function<void(std::uint64_t, std::uint64_t)>* progress = nullptr;
};

size_t WritePart(char* data, size_t size, size_t count, void* user) {
    auto* download = static_cast<PartDownload*>(user);
    const size_t bytes = size * count;
    if (download->status == 0) curl_easy_getinfo(download->curl, CURLINFO_RESPONSE_CODE, &download->status);
    if (download->status != 200 && download->status != 206) return bytes;  // an error body: read, not kept
    if (download->status == 200 && download->start > 0 && !download->restarted) {
        // A full answer to a Range request: start the part again from its first byte.
        if (::ftruncate(download->descriptor, 0) != 0 || ::lseek(download->descriptor, 0, SEEK_SET) < 0) {
            download->write_failed = true;
            return 0;
        }
        download->start = 0;
        download->restarted = true;
    }
    if (download->start + download->written + bytes > download->total) {
        download->too_long = true;
        return 0;
    }
    for (size_t done = 0; done < bytes;) {
        ssize_t wrote = ::write(download->descriptor, data + done, bytes - done);
        if (wrote < 0) {
            if (errno == EINTR) continue;
            download->write_failed = true;
            return 0;
        }
        done += static_cast<size_t>(wrote);
    }
    download->written += bytes;
    if (*download->progress) (*download->progress)(download->start + download->written, download->total);
    return bytes;
}

Result<std::string> FileSha256(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return Error{"cannot read " + file.string(), ""};
    Sha256Digest digest;
    std::string buffer(1 << 16, '\0');
    while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0)
        digest.Update(std::string_view(buffer.data(), static_cast<size_t>(stream.gcount())));
    return digest.Hex();
}

}  // namespace

ServerContentSettings ServerContentSettings::FromConfig(const Config& config) {
    ServerContentSettings settings;
    settings.server_url = config.server.url;
    settings.token = config.server.token;
    settings.ca_file = config.server.ca_file;
    settings.data_dir = config.data_dir;
    return settings;
}

std::string ServerContentSettings::ManifestEndpoint() const { return ServerBase(server_url) + "/api/v1/content/manifest"; }

fs::path ServerContentSettings::DownloadsDirectory() const { return data_dir / "content" / "downloads"; }

ContentServerClient::ContentServerClient(ServerContentSettings settings, const std::atomic<bool>* cancel)
    : settings_(std::move(settings)), cancel_(cancel) {
    EnsureCurlGlobal();
}

Result<ManifestCheck> ContentServerClient::FetchManifest(const std::string& etag, const std::string& installed_id,
                                                         long long installed_version) {
    if (settings_.server_url.empty())
        return Error{"no commune server is configured (server.url)", "Kiosk chưa được cấu hình máy chủ của xã."};
    CurlHandle handle;
    Cancel cancel{cancel_};
    TextBody body;
    std::string answer_etag;
    if (!etag.empty()) handle.AddHeader("If-None-Match: " + etag);
    if (!installed_id.empty()) {
        handle.AddHeader("Kiosk-Content-Id: " + installed_id);
        handle.AddHeader("Kiosk-Content-Version: " + std::to_string(installed_version));
    }
    CommonOptions(handle, settings_, cancel);
    const std::string url = settings_.ManifestEndpoint();
    curl_easy_setopt(handle.curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle.curl, CURLOPT_TIMEOUT_MS, 30'000L);
    curl_easy_setopt(handle.curl, CURLOPT_WRITEFUNCTION, WriteText);
    curl_easy_setopt(handle.curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(handle.curl, CURLOPT_HEADERFUNCTION, ReadEtag);
    curl_easy_setopt(handle.curl, CURLOPT_HEADERDATA, &answer_etag);
    CURLcode code = curl_easy_perform(handle.curl);
    if (code != CURLE_OK) return Unreachable("learn what content is offered", curl_easy_strerror(code));
    long status = 0;
    curl_easy_getinfo(handle.curl, CURLINFO_RESPONSE_CODE, &status);
    ManifestCheck check;
    check.etag = answer_etag;
    if (status == 304) {
        check.kind = ManifestCheck::Kind::Unchanged;
        check.etag = answer_etag.empty() ? etag : answer_etag;
        return check;
    }
    if (status == 404) {
        check.kind = ManifestCheck::Kind::NothingPublished;
        return check;
    }
    if (status == 401 || status == 403)
        return Error{"the commune server refused this kiosk's token (HTTP " + std::to_string(status) + ")",
                     "Máy chủ của xã không chấp nhận mã của kiosk này (server.token)."};
    if (status != 200) return Unreachable("learn what content is offered", "HTTP " + std::to_string(status));
    auto offer = OfferFromJson(body.bytes, settings_);
    if (!offer) return offer.error();
    check.offer = std::move(*offer);
    return check;
}

Result<fs::path> ContentServerClient::Download(const ServerOffer& offer,
                                               const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
    last_attempts_ = 0;
    last_bytes_fetched_ = 0;
    const fs::path directory = settings_.DownloadsDirectory();
    std::error_code error;
    fs::create_directories(directory, error);
    if (error)
        return Error{"cannot create " + directory.string() + ": " + error.message(),
                     "Không tạo được thư mục tải về trên kiosk (" + error.message() + ")."};
    const fs::path finished = directory / (offer.sha256 + ".zip");
    const fs::path part = directory / (offer.sha256 + ".part");
    if (fs::exists(finished, error) && fs::file_size(finished, error) == offer.size) {
        if (auto digest = FileSha256(finished); digest && *digest == offer.sha256) return finished;
        fs::remove(finished, error);
    }
    auto delay = settings_.first_retry_delay;
    Error last_error;
    for (int attempt = 1; attempt <= settings_.download_attempts; ++attempt) {
        if (cancel_ && cancel_->load()) return Error{"the download was stopped", "Đã dừng tải về."};
        last_attempts_ = attempt;
        int descriptor = ::open(part.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (descriptor < 0)
            return Error{"cannot write " + part.string() + ": " + std::strerror(errno),
                         "Không ghi được tệp tải về trên kiosk."};
        PartDownload download;
        download.descriptor = descriptor;
        download.start = static_cast<std::uint64_t>(::lseek(descriptor, 0, SEEK_END));
        download.total = offer.size;
        download.progress = &progress;
        if (download.start > offer.size) {  // a part of something else: start again
            if (::ftruncate(descriptor, 0) != 0) download.write_failed = true;
            download.start = 0;
        }
        CURLcode code = CURLE_OK;
        if (download.start < offer.size && !download.write_failed) {
            CurlHandle handle;
            Cancel cancel{cancel_};
            CommonOptions(handle, settings_, cancel);
            download.curl = handle.curl;
            curl_easy_setopt(handle.curl, CURLOPT_URL, offer.bundle_url.c_str());
            // Range: bytes=<start>- (a 206 continues the part; a 200 starts it over).
            if (download.start > 0) curl_easy_setopt(handle.curl, CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(download.start));
            curl_easy_setopt(handle.curl, CURLOPT_WRITEFUNCTION, WritePart);
            curl_easy_setopt(handle.curl, CURLOPT_WRITEDATA, &download);
            code = curl_easy_perform(handle.curl);
            if (download.status == 0) curl_easy_getinfo(handle.curl, CURLINFO_RESPONSE_CODE, &download.status);
        }
        ::close(descriptor);
        last_bytes_fetched_ += download.written;
        const std::uint64_t have = fs::file_size(part, error);
        if (download.write_failed)
            return Error{"cannot write " + part.string() + " (is the disk full?)", "Không ghi được tệp tải về trên kiosk."};
        if (download.status == 401 || download.status == 403)
            return Error{"the commune server refused this kiosk's token (HTTP " + std::to_string(download.status) + ")",
                         "Máy chủ của xã không chấp nhận mã của kiosk này (server.token)."};
        if (download.status == 404 || download.status == 410)
            return Error{"the commune server no longer offers this bundle (HTTP " + std::to_string(download.status) +
                             "); check again",
                         "Máy chủ không còn gói này; hãy kiểm tra lại."};
        if (download.too_long || have > offer.size) {
            fs::remove(part, error);
            return Error{"the commune server sent more bytes than the " + std::to_string(offer.size) +
                             " its manifest announced; the download was discarded",
                         "Tệp tải về không đúng kích thước; đã bỏ. Kiosk vẫn dùng nội dung cũ."};
        }
        if (have == offer.size) {
            auto digest = FileSha256(part);
            if (!digest || *digest != offer.sha256) {
                fs::remove(part, error);
                return Error{"the downloaded bundle's SHA-256 is not the one the server's manifest named (damaged or "
                             "replaced on the way); it was discarded",
                             "Tệp tải về bị hỏng hoặc bị thay đổi; đã bỏ. Kiosk vẫn dùng nội dung cũ."};
            }
            fs::rename(part, finished, error);
            if (error) return Error{"cannot keep the download: " + error.message(), "Không lưu được tệp tải về."};
            return finished;
        }
        last_error = Unreachable("download the content bundle",
                                 code != CURLE_OK ? std::string(curl_easy_strerror(code))
                                                  : "HTTP " + std::to_string(download.status) + ", " +
                                                        std::to_string(have) + " of " + std::to_string(offer.size) +
                                                        " bytes");
        if (cancel_ && cancel_->load()) return Error{"the download was stopped", "Đã dừng tải về."};
        if (attempt < settings_.download_attempts) {
            std::this_thread::sleep_for(delay);
            delay *= 2;
        }
    }
    return last_error;
}

}  // namespace kiosk::bundle
