#pragma once
// Small pieces every staff page shares: HTML escaping, the page frame with its screen and
// print styles (no script, no file from elsewhere: a commune LAN reaches no internet),
// and times and numbers written the Vietnamese way.
#include <cstdint>
#include <string>

namespace kiosk::server {

std::string EscapeHtml(const std::string& text);
// A whole page: <head> with the shared style (plus `extra_style`), then `body`.
std::string HtmlPage(const std::string& title, const std::string& body, const std::string& extra_style = "",
                     const std::string& extra_head = "");
// "14:05 03/12/2026" in the server's local time zone.
std::string LocalDateTime(std::int64_t unix_ms);
// "3 phút trước", "2 giờ trước", "5 ngày trước".
std::string AgoText(std::int64_t seconds);
// "12,3 GB" (decimal comma, as Vietnamese writes it).
std::string BytesText(std::int64_t bytes);
// "87,5 %", or "—" when there is nothing to divide.
std::string PercentText(std::int64_t part, std::int64_t whole);

}  // namespace kiosk::server
