#include "server/report_routes.hpp"

#include <sstream>

#include "server/json_reply.hpp"
#include "server/page_text.hpp"
#include "server/report_page.hpp"

namespace kiosk::server {
namespace {

// The period a request asks for: none (the default), or one it names. False (with a
// page saying what is wrong filled in) when it names something that is not a period.
bool AskedPeriod(const httplib::Request& request, httplib::Response& response, std::optional<ReportPeriod>& period) {
    if (!request.has_param("period") || request.get_param_value("period").empty()) return true;
    std::string text = request.get_param_value("period");
    period = ReportPeriod::Parse(text);
    if (period) return true;
    response.status = 400;
    response.set_content(HtmlPage("Kỳ báo cáo không đúng",
                                  "<h1>Kỳ báo cáo không đúng</h1><p>“" + EscapeHtml(text) +
                                      "” không phải một kỳ báo cáo. Hãy ghi quý như 2026-Q4, tháng như 2026-11 hoặc "
                                      "năm như 2026.</p><p><a href=\"/report\">Về báo cáo quý gần nhất</a></p>\n"),
                         "text/html; charset=utf-8");
    return false;
}

}  // namespace

void ReportRoutes::Register(httplib::Server& server, RequestAdmission& admission) {
    for (const char* path : {"/", "/report"}) {
        admission.Add({"GET", path, 0, staff_});
        server.Get(path, [this](const httplib::Request& request, httplib::Response& response) {
            GetReport(request, response);
        });
    }
    admission.Add({"GET", "/report.csv", 0, staff_});
    server.Get("/report.csv", [this](const httplib::Request& request, httplib::Response& response) {
        GetCsv(request, response);
    });
    admission.Add({"GET", "/api/v1/votes/summary", 0, staff_});
}

void ReportRoutes::GetReport(const httplib::Request& request, httplib::Response& response) {
    std::optional<ReportPeriod> period;
    if (!AskedPeriod(request, response, period)) return;
    auto page = RenderReportPage(store_, period);
    if (!page) return ReplyError(response, 503, "storage_failed", "the report could not be read");
    response.status = 200;
    response.set_content(*page, "text/html; charset=utf-8");
}

void ReportRoutes::GetCsv(const httplib::Request& request, httplib::Response& response) {
    std::optional<ReportPeriod> period;
    if (!AskedPeriod(request, response, period)) return;
    if (!period) {
        auto chosen = DefaultReportPeriod(store_);
        if (!chosen) return ReplyError(response, 503, "storage_failed", "the votes could not be read");
        period = *chosen;
    }
    std::ostringstream csv;
    if (auto written = WritePeriodCsv(store_, *period, csv); !written)
        return ReplyError(response, 503, "storage_failed", "the votes could not be read");
    response.status = 200;
    response.set_header("Content-Disposition", "attachment; filename=\"danh-gia-" + period->Code() + ".csv\"");
    response.set_content(csv.str(), "text/csv; charset=utf-8");
}

}  // namespace kiosk::server
