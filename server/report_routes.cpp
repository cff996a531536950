#include "server/report_routes.hpp"

#include "server/json_reply.hpp"
#include "server/report_page.hpp"

namespace kiosk::server {

void ReportRoutes::Register(httplib::Server& server, RequestAdmission& admission) {
    for (const char* path : {"/", "/report"}) {
        admission.Add({"GET", path, 0, staff_});
        server.Get(path, [this](const httplib::Request& request, httplib::Response& response) {
            GetReport(request, response);
        });
    }
    admission.Add({"GET", "/api/v1/votes/summary", 0, staff_});
}

void ReportRoutes::GetReport(const httplib::Request&, httplib::Response& response) {
    auto page = RenderReportPage(store_);
    if (!page) return ReplyError(response, 503, "storage_failed", "the report could not be read");
    response.status = 200;
    response.set_content(*page, "text/html; charset=utf-8");
}

}  // namespace kiosk::server
