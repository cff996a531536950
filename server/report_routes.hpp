#pragma once
// ReportRoutes: the pages commune staff read — the satisfaction report (`/report`, also
// `/`, with `?period=2026-Q4`, `2026-11` or `2026`) and the same period's votes as CSV
// (`/report.csv?period=…`) — open on the commune LAN, or behind the staff password
// (`--staff-password-file`) when one is configured.
#include <httplib.h>

#include "server/request_admission.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {

class ReportRoutes {
public:
    // `staff` checks the staff password; empty when the pages are open.
    ReportRoutes(VoteStore& store, Authenticator staff) : store_(store), staff_(std::move(staff)) {}

    void Register(httplib::Server& server, RequestAdmission& admission);

private:
    void GetReport(const httplib::Request& request, httplib::Response& response);
    void GetCsv(const httplib::Request& request, httplib::Response& response);

    VoteStore& store_;
    Authenticator staff_;
};

}  // namespace kiosk::server
