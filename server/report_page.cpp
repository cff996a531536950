#include "server/report_page.hpp"

#include <cstdio>

#include "server/page_text.hpp"

namespace kiosk::server {
namespace {

// The national service index reportedly gives full marks from 90 % satisfied.
constexpr double kTargetPercent = 90.0;

std::string Percent(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "—";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buffer;
}

std::string Bar(std::int64_t part, std::int64_t whole) {
    double percent = whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
    char width[32];
    std::snprintf(width, sizeof width, "%.1f", percent);
    std::string colour = percent >= kTargetPercent ? "#2e7d32" : percent >= 70.0 ? "#f9a825" : "#c62828";
    return "<div class=\"bar\" role=\"img\" aria-label=\"" + Percent(part, whole) + "\"><div class=\"fill\" style=\"width:" +
           width + "%;background:" + colour + "\"></div><div class=\"target\"></div></div>";
}

std::string Table(const std::string& title, const std::string& label_heading, const std::vector<SatisfactionRow>& rows) {
    std::string html = "<h2>" + title + "</h2>\n";
    if (rows.empty()) return html + "<p>Chưa có phiếu đánh giá.</p>\n";
    html += "<table><tr><th>" + label_heading +
            "</th><th>Số phiếu</th><th>Hài lòng trở lên</th><th>Tỷ lệ hài lòng</th><th class=\"chart\">Biểu đồ "
            "(vạch: 90 %)</th><th>Phiếu không tính</th></tr>\n";
    for (const auto& row : rows) {
        html += "<tr><td>" + EscapeHtml(row.label) + "</td><td>" + std::to_string(row.counted) + "</td><td>" +
                std::to_string(row.satisfied) + "</td><td>" + Percent(row.satisfied, row.counted) + "</td><td>" +
                Bar(row.satisfied, row.counted) + "</td><td>" + std::to_string(row.suppressed) + "</td></tr>\n";
    }
    return html + "</table>\n";
}

std::string SuppressionLabel(const std::string& reason) {
    if (reason == "cooldown") return "Bấm lặp trong thời gian chờ (chống bấm liên tục)";
    if (reason == "dossier_already_rated") return "Hồ sơ đã được đánh giá trước đó";
    if (reason == "staff_test") return "Phiếu thử của cán bộ (không tính)";
    return reason;
}

}  // namespace

Result<std::string> RenderReportPage(VoteStore& store) {
    auto months = store.ByMonth();
    if (!months) return months.error();
    auto desks = store.ByDesk();
    if (!desks) return desks.error();
    auto suppressed = store.SuppressedByReason();
    if (!suppressed) return suppressed.error();

    std::int64_t counted = 0, satisfied = 0;
    for (const auto& row : *months) {
        counted += row.counted;
        satisfied += row.satisfied;
    }
    std::string html = R"(<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kết quả đánh giá mức độ hài lòng</title>
<style>
body{font-family:"Noto Sans",Arial,sans-serif;margin:2em;color:#1a1a1a;max-width:70em}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left}
th.chart{width:35%}.bar{position:relative;height:1.1em;background:#eee;border-radius:3px}
.fill{height:100%;border-radius:3px}.target{position:absolute;top:-2px;bottom:-2px;left:90%;border-left:2px dashed #333}
.total{font-size:1.3em}.note{color:#555;font-size:.9em}
</style></head><body>
<h1>Kết quả đánh giá mức độ hài lòng của người dân</h1>
)";
    html += "<p class=\"total\">Tổng số phiếu được tính: <b>" + std::to_string(counted) +
            "</b> — tỷ lệ hài lòng: <b>" + Percent(satisfied, counted) + "</b></p>\n";
    html += "<p class=\"note\">Hài lòng = “Hài lòng” hoặc “Rất hài lòng”. Vạch đứt trên biểu đồ là mức 90 %.</p>\n";
    html += Table("Theo tháng", "Tháng", *months);
    html += Table("Theo quầy", "Ki-ốt / quầy", *desks);
    html += "<h2>Phiếu không tính vào tỷ lệ</h2>\n";
    if (suppressed->empty()) {
        html += "<p>Không có.</p>\n";
    } else {
        html += "<table><tr><th>Lý do</th><th>Số phiếu</th></tr>\n";
        for (const auto& [reason, count] : *suppressed)
            html += "<tr><td>" + EscapeHtml(SuppressionLabel(reason)) + "</td><td>" + std::to_string(count) +
                    "</td></tr>\n";
        html += "</table>\n";
    }
    html += "<p class=\"note\">Ngày của phiếu theo đồng hồ ki-ốt khi đồng hồ đã đồng bộ, nếu không theo giờ máy chủ "
            "nhận phiếu.</p>\n</body></html>\n";
    return html;
}

}  // namespace kiosk::server
