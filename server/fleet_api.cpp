#include "server/fleet_api.hpp"

#include <iostream>

#include "kiosk/core/votes/vote.hpp"
#include "server/fleet_view.hpp"
#include "server/json_reply.hpp"
#include "server/vote_api.hpp"

namespace kiosk::server {
namespace {

std::int64_t NowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

void FleetApi::Register(httplib::Server& server, RequestAdmission& admission) {
    admission.Add({"POST", "/api/v1/heartbeat", kMaximumHeartbeatBytes,
                   [this](const httplib::Request& request, httplib::Response& response) {
                       return AuthenticateKiosk(tokens_, request, response).has_value();
                   }});
    server.Post("/api/v1/heartbeat", [this](const httplib::Request& request, httplib::Response& response,
                                            const httplib::ContentReader& reader) {
        auto body = ReadBody(reader, kMaximumHeartbeatBytes, response);
        if (body) PostHeartbeat(request, response, *body);
    });
    admission.Add({"GET", "/fleet", 0, staff_});
    admission.Add({"GET", "/api/v1/fleet", 0, staff_});
    server.Get("/fleet", [this](const httplib::Request&, httplib::Response& response) { GetFleet(response, true); });
    server.Get("/api/v1/fleet",
               [this](const httplib::Request&, httplib::Response& response) { GetFleet(response, false); });
}

void FleetApi::PostHeartbeat(const httplib::Request& request, httplib::Response& response, const std::string& body) {
    auto kiosk_id = AuthenticateKiosk(tokens_, request, response);
    if (!kiosk_id) return;
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (document.is_discarded()) return ReplyError(response, 400, "invalid_json", "the body is not valid JSON");
    auto heartbeat = HeartbeatFromJson(document);
    if (!heartbeat) return ReplyError(response, 400, "invalid_heartbeat", heartbeat.error().message);
    if (heartbeat->kiosk_id != *kiosk_id)
        return ReplyError(response, 403, "kiosk_mismatch", "the heartbeat's kiosk_id is not the kiosk of this token");
    std::int64_t now_ms = NowMs();
    if (auto stored = store_.Record(*heartbeat, now_ms, request.remote_addr); !stored) {
        std::cerr << "kiosk-server: cannot store a heartbeat: " << stored.error().message << "\n";
        return ReplyError(response, 503, "storage_failed", "the heartbeat could not be stored; send it again later");
    }
    ReplyJson(response, 200, nlohmann::json{{"status", "stored"}, {"received_at", FormatUtcTimestamp(now_ms)}});
}

void FleetApi::GetFleet(httplib::Response& response, bool html) {
    auto records = store_.Latest();
    if (!records) return ReplyError(response, 503, "storage_failed", "the fleet could not be read");
    FleetView view = BuildFleetView(tokens_.KioskIds(), *records, NowMs(), stale_after_);
    if (!html) return ReplyJson(response, 200, FleetJson(view));
    response.status = 200;
    response.set_content(RenderFleetPage(view), "text/html; charset=utf-8");
}

}  // namespace kiosk::server
