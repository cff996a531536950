#pragma once
// FleetApi: kiosks' heartbeats in (`POST /api/v1/heartbeat`, the kiosk's own token), and
// the fleet out for people (`/fleet`) and programs (`/api/v1/fleet`), open on the commune
// LAN or behind the staff password.
#include <httplib.h>

#include <chrono>

#include "server/fleet_store.hpp"
#include "server/kiosk_tokens.hpp"
#include "server/request_admission.hpp"

namespace kiosk::server {

inline constexpr std::size_t kMaximumHeartbeatBytes = 64 * 1024;

class FleetApi {
public:
    FleetApi(FleetStore& store, const KioskTokens& tokens, std::chrono::seconds stale_after, Authenticator staff)
        : store_(store), tokens_(tokens), stale_after_(stale_after), staff_(std::move(staff)) {}

    void Register(httplib::Server& server, RequestAdmission& admission);

private:
    void PostHeartbeat(const httplib::Request& request, httplib::Response& response, const std::string& body);
    void GetFleet(httplib::Response& response, bool html);

    FleetStore& store_;
    const KioskTokens& tokens_;
    std::chrono::seconds stale_after_;
    Authenticator staff_;
};

}  // namespace kiosk::server
