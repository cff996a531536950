#include "server/content_api.hpp"

#include <fstream>
#include <iostream>
#include <memory>

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "server/json_reply.hpp"
#include "server/vote_api.hpp"

namespace kiosk::server {
namespace {

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

// If-None-Match may list several tags, or be weak (W/"…"), or "*".
bool MatchesTag(const std::string& if_none_match, const std::string& tag) {
    if (if_none_match == "*") return true;
    return if_none_match.find(Quoted(tag)) != std::string::npos;
}

}  // namespace

void ContentApi::Register(httplib::Server& server, RequestAdmission& admission) {
    auto kiosk_only = [this](const httplib::Request& request, httplib::Response& response) {
        return AuthenticateKiosk(tokens_, request, response).has_value();
    };
    admission.Add({"GET", "/api/v1/content/manifest", 0, kiosk_only});
    admission.Add({"GET", "/api/v1/content/bundle", 0, kiosk_only});
    server.Get("/api/v1/content/manifest",
               [this](const httplib::Request& request, httplib::Response& response) { GetManifest(request, response); });
    server.Get("/api/v1/content/bundle",
               [this](const httplib::Request& request, httplib::Response& response) { GetBundle(request, response); });
}

void ContentApi::GetManifest(const httplib::Request& request, httplib::Response& response) {
    auto kiosk_id = AuthenticateKiosk(tokens_, request, response);
    if (!kiosk_id) return;
    // What the kiosk has, for `kiosk-server content status`; a kiosk that says nothing is not recorded.
    const std::string has_id = request.get_header_value("Kiosk-Content-Id");
    const std::string has_version = request.get_header_value("Kiosk-Content-Version");
    if (!has_id.empty() && !has_version.empty()) {
        try {
            std::size_t used = 0;
            long long version = std::stoll(has_version, &used);
            if (used == has_version.size())
                if (auto recorded = store_.RecordKioskContent({*kiosk_id, has_id, version, bundle::UtcTimestampNow()});
                    !recorded)
                    std::cerr << "kiosk-server: cannot record the content of " << *kiosk_id << ": "
                              << recorded.error().message << "\n";
        } catch (const std::exception&) {
            // Not a number: not recorded, the manifest is still answered.
        }
    }
    auto newest = store_.Newest();
    if (!newest) return ReplyError(response, 503, "storage_failed", "the published content could not be read");
    if (!*newest) return ReplyError(response, 404, "no_content", "no content bundle has been published on this server");
    const PublishedBundle& published = **newest;
    response.set_header("ETag", Quoted(published.sha256));
    response.set_header("Cache-Control", "no-cache");
    if (MatchesTag(request.get_header_value("If-None-Match"), published.sha256)) {
        response.status = 304;
        return;
    }
    ReplyJson(response, 200,
              nlohmann::json{{"content_id", published.content_id},
                             {"version", published.version},
                             {"sha256", published.sha256},
                             {"size", published.size},
                             {"created_at", published.created_at},
                             {"signer", published.signer},
                             {"published_at", published.published_at},
                             {"bundle_url", "/api/v1/content/bundle?sha256=" + published.sha256}});
}

void ContentApi::GetBundle(const httplib::Request& request, httplib::Response& response) {
    if (!AuthenticateKiosk(tokens_, request, response)) return;
    const std::string sha256 = request.get_param_value("sha256");
    if (!bundle::Sha256Digest::IsHex(sha256))
        return ReplyError(response, 400, "invalid_sha256", "give ?sha256= the 64 hex digits the manifest names");
    auto found = store_.Find(sha256);
    if (!found) return ReplyError(response, 503, "storage_failed", "the published content could not be read");
    if (!*found) return ReplyError(response, 404, "no_such_bundle", "no bundle of this SHA-256 is published here");
    auto file = std::make_shared<std::ifstream>((*found)->file, std::ios::binary);
    if (!*file) return ReplyError(response, 503, "storage_failed", "the bundle's file cannot be read");
    std::error_code error;
    const auto size = static_cast<std::size_t>(std::filesystem::file_size((*found)->file, error));
    if (error) return ReplyError(response, 503, "storage_failed", "the bundle's file cannot be read");
    response.set_header("ETag", Quoted(sha256));
    // cpp-httplib answers a Range request with 206 and the asked part, calling this with its offset.
    response.set_content_provider(size, "application/zip",
                                  [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                      std::string buffer(std::min<std::size_t>(length, 1 << 16), '\0');
                                      file->clear();
                                      file->seekg(static_cast<std::streamoff>(offset));
                                      file->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                                      auto got = file->gcount();
                                      if (got <= 0) return false;
                                      return sink.write(buffer.data(), static_cast<std::size_t>(got));
                                  });
}

}  // namespace kiosk::server
