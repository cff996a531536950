#include "server/page_text.hpp"

#include <cstdio>
#include <ctime>

namespace kiosk::server {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:1.5em 2em;color:#1a1a1a;max-width:75em;line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:2px solid #1565c0;padding-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border-bottom:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#eef3fa}td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.9em}.total{font-size:1.2em}
nav{margin:.5em 0 1em}nav a{margin-right:1.2em}
form.period{background:#f5f5f5;padding:.6em 1em;border-radius:4px}
form.period label{margin-right:1em}
@media print{
  body{margin:0;max-width:none;font-size:11pt;color:#000}
  nav,form.period,.screen-only{display:none}
  h2{break-after:avoid}table,svg,tr{break-inside:avoid}
  th{background:none;border-bottom:2px solid #000}
  a{color:#000;text-decoration:none}
  @page{size:A4;margin:15mm}
}
)css";

}  // namespace

std::string EscapeHtml(const std::string& text) {
    std::string escaped;
    for (char character : text) {
        switch (character) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            case '\'': escaped += "&#39;"; break;
            default: escaped += character;
        }
    }
    return escaped;
}

std::string HtmlPage(const std::string& title, const std::string& body, const std::string& extra_style,
                     const std::string& extra_head) {
    return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + extra_head + "<title>" +
           EscapeHtml(title) + "</title>\n<style>" + kStyle + extra_style + "</style></head>\n<body>\n" + body +
           "</body></html>\n";
}

std::string LocalDateTime(std::int64_t unix_ms) {
    std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[32];
    std::strftime(text, sizeof text, "%H:%M %d/%m/%Y", &local);
    return text;
}

std::string AgoText(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    if (seconds < 60) return "vừa xong";
    if (seconds < 3600) return std::to_string(seconds / 60) + " phút trước";
    if (seconds < 86400) return std::to_string(seconds / 3600) + " giờ trước";
    return std::to_string(seconds / 86400) + " ngày trước";
}

std::string BytesText(std::int64_t bytes) {
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 4) {
        value /= 1000;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    std::string result = text;
    if (auto dot = result.find('.'); dot != std::string::npos) result[dot] = ',';
    return result;
}

std::string PercentText(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "—";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    std::string result = text;
    if (auto dot = result.find('.'); dot != std::string::npos) result[dot] = ',';
    return result;
}

}  // namespace kiosk::server
