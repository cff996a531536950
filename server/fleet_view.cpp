#include "server/fleet_view.hpp"

#include <algorithm>
#include <map>

#include "kiosk/core/votes/vote.hpp"
#include "server/page_text.hpp"

namespace kiosk::server {
namespace {

using nlohmann::json;

json Optional(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

}  // namespace

std::size_t FleetView::stale_count() const {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const FleetRow& row) { return row.stale; }));
}

FleetView BuildFleetView(const std::vector<std::string>& token_kiosks, const std::vector<FleetRecord>& records,
                         std::int64_t now_ms, std::chrono::seconds stale_after) {
    std::map<std::string, FleetRow> rows;
    for (const auto& kiosk_id : token_kiosks) {
        rows[kiosk_id].kiosk_id = kiosk_id;
        rows[kiosk_id].in_tokens_file = true;
    }
    for (const auto& record : records) {
        FleetRow& row = rows[record.heartbeat.kiosk_id];
        row.kiosk_id = record.heartbeat.kiosk_id;
        row.latest = record;
        row.seconds_since = std::max<std::int64_t>(0, (now_ms - record.received_at_ms) / 1000);
        row.stale = *row.seconds_since > stale_after.count();
    }
    FleetView view;
    view.generated_at_ms = now_ms;
    view.stale_after = stale_after;
    for (auto& [id, row] : rows) view.rows.push_back(std::move(row));
    std::stable_sort(view.rows.begin(), view.rows.end(),
                     [](const FleetRow& left, const FleetRow& right) { return left.stale > right.stale; });
    return view;
}

json FleetJson(const FleetView& view) {
    json kiosks = json::array();
    for (const auto& row : view.rows) {
        json entry{{"kiosk_id", row.kiosk_id}, {"in_tokens_file", row.in_tokens_file}, {"stale", row.stale},
                   {"last_seen", nullptr}, {"seconds_since_last_seen", Optional(row.seconds_since)},
                   {"heartbeats", 0}, {"heartbeat", nullptr}};
        if (row.latest) {
            entry["last_seen"] = FormatUtcTimestamp(row.latest->received_at_ms);
            entry["heartbeats"] = row.latest->heartbeats;
            entry["remote_address"] = row.latest->remote_address;
            entry["heartbeat"] = HeartbeatToJson(row.latest->heartbeat);
        }
        kiosks.push_back(std::move(entry));
    }
    return json{{"generated_at", FormatUtcTimestamp(view.generated_at_ms)},
                {"stale_after_s", view.stale_after.count()},
                {"stale", view.stale_count()},
                {"kiosks", kiosks}};
}

std::string RenderFleetPage(const FleetView& view) {
    std::string body = "<nav class=\"screen-only\"><a href=\"/report\">Báo cáo mức độ hài lòng</a>"
                       "<a href=\"/fleet\">Tình trạng ki-ốt</a><a href=\"/api/v1/fleet\">Dữ liệu JSON</a></nav>\n"
                       "<h1>Tình trạng các ki-ốt</h1>\n";
    body += "<p class=\"total\">" + std::to_string(view.rows.size()) + " ki-ốt — ";
    body += view.stale_count() == 0 ? std::string("tất cả đang liên lạc bình thường")
                                    : "<b class=\"stale-text\">" + std::to_string(view.stale_count()) +
                                          " ki-ốt mất liên lạc</b>";
    body += "</p>\n<p class=\"note\">Cập nhật lúc " + LocalDateTime(view.generated_at_ms) +
            ". Ki-ốt được coi là mất liên lạc khi quá " + std::to_string(view.stale_after.count() / 60) +
            " phút không gửi tín hiệu. Trang tự tải lại mỗi phút.</p>\n";
    if (view.rows.empty()) return HtmlPage("Tình trạng các ki-ốt", body + "<p>Chưa có ki-ốt nào.</p>\n");
    body += "<table id=\"fleet\"><tr><th>Ki-ốt</th><th>Trạng thái</th><th>Lần cuối liên lạc</th><th>Phần mềm</th>"
            "<th>Nội dung</th><th class=\"number\">Phiếu chờ gửi</th><th class=\"number\">Dung lượng trống</th>"
            "<th>Màn hình</th><th>Lỗi gần nhất</th></tr>\n";
    for (const auto& row : view.rows) {
        body += std::string("<tr class=\"") + (row.stale ? "stale" : "fresh") + "\" data-kiosk=\"" +
                EscapeHtml(row.kiosk_id) + "\"><td><b>" + EscapeHtml(row.kiosk_id) + "</b>" +
                (row.in_tokens_file ? "" : "<br><span class=\"note\">không có trong tệp token</span>") + "</td>";
        body += std::string("<td>") + (row.stale ? "<span class=\"badge stale\">MẤT LIÊN LẠC</span>"
                                                  : "<span class=\"badge fresh\">Bình thường</span>") +
                "</td>";
        if (!row.latest) {
            body += "<td colspan=\"7\">Chưa từng gửi tín hiệu</td></tr>\n";
            continue;
        }
        const Heartbeat& beat = row.latest->heartbeat;
        body += "<td>" + LocalDateTime(row.latest->received_at_ms) + "<br><span class=\"note\">" +
                AgoText(*row.seconds_since) + "</span></td>";
        body += "<td>" + EscapeHtml(beat.software_version) + "</td>";
        body += "<td>" + (beat.content_version.empty() ? std::string("—") : EscapeHtml(beat.content_version)) + "</td>";
        body += "<td class=\"number\">" + (beat.votes_pending ? std::to_string(*beat.votes_pending) : "—") + "</td>";
        body += "<td class=\"number\">" + (beat.free_disk_bytes ? BytesText(*beat.free_disk_bytes) : "—") + "</td>";
        body += std::string("<td>") + (beat.screen == ScreenState::On ? "Bật" : "Tắt (ngoài giờ)") + "</td>";
        body += "<td>" + (beat.last_error.empty() ? std::string("—")
                                                  : EscapeHtml(beat.last_error) +
                                                        (beat.last_error_at_ms ? "<br><span class=\"note\">" +
                                                                                     LocalDateTime(*beat.last_error_at_ms) +
                                                                                     "</span>"
                                                                               : std::string())) +
                "</td></tr>\n";
    }
    body += "</table>\n<p class=\"note\">Giờ theo đồng hồ máy chủ. Dữ liệu máy đọc được: "
            "<a href=\"/api/v1/fleet\">/api/v1/fleet</a>.</p>\n";
    static const std::string style =
        "tr.stale td{background:#fdecea}tr.stale td:first-child{border-left:6px solid #c62828}"
        ".badge{display:inline-block;padding:.1em .5em;border-radius:3px;font-weight:bold;font-size:.9em}"
        ".badge.stale{background:#c62828;color:#fff}.badge.fresh{background:#e8f5e9;color:#1b5e20}"
        ".stale-text{color:#c62828}"
        "@media print{tr.stale td{background:none}.badge.stale{background:none;color:#000;border:1px solid #000}}";
    return HtmlPage("Tình trạng các ki-ốt", body, style, "<meta http-equiv=\"refresh\" content=\"60\">\n");
}

}  // namespace kiosk::server
