#pragma once
// ContentApi: content bundles out to kiosks, each request under the kiosk's own token (the
// same tokens as votes). docs/protocol.md, "Content":
//   GET /api/v1/content/manifest   what the newest published bundle is; ETag = its SHA-256,
//                                  304 to If-None-Match of it; 404 when nothing is published.
//                                  The kiosk says what it has in Kiosk-Content-Id and
//                                  Kiosk-Content-Version, which the server records.
//   GET /api/v1/content/bundle?sha256=…   the bundle's bytes, with HTTP Range (206) so a
//                                  download cut half-way resumes where it stopped.
#include <httplib.h>

#include "server/content_store.hpp"
#include "server/kiosk_tokens.hpp"
#include "server/request_admission.hpp"

namespace kiosk::server {

class ContentApi {
public:
    ContentApi(ServerContentStore& store, const KioskTokens& tokens) : store_(store), tokens_(tokens) {}

    void Register(httplib::Server& server, RequestAdmission& admission);

private:
    void GetManifest(const httplib::Request& request, httplib::Response& response);
    void GetBundle(const httplib::Request& request, httplib::Response& response);

    ServerContentStore& store_;
    const KioskTokens& tokens_;
};

}  // namespace kiosk::server
