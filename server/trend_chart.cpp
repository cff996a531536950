#include "server/trend_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "server/page_text.hpp"

namespace kiosk::server {
namespace {

std::string Number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string Colour(double percent, double target) {
    if (percent >= target) return "#2e7d32";
    if (percent >= 70.0) return "#ef6c00";
    return "#c62828";
}

}  // namespace

std::string TrendChartSvg(const std::vector<TrendMonth>& months, double target_percent) {
    const double left = 56, right = 96, top = 20, plot_height = 220, bottom = 56;
    const double slot = months.empty() ? 60 : std::max(44.0, 680.0 / static_cast<double>(months.size()));
    const double width = left + right + slot * static_cast<double>(months.size());
    const double height = top + plot_height + bottom;
    auto y_of = [&](double percent) { return top + plot_height * (1.0 - percent / 100.0); };

    std::string svg = "<svg class=\"trend\" role=\"img\" viewBox=\"0 0 " +
                      Number(width) + " " + Number(height) + "\" width=\"" + Number(width) + "\" height=\"" +
                      Number(height) + "\" font-family=\"Noto Sans, DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n";
    svg += "<title>Tỷ lệ hài lòng theo tháng</title>\n";
    // The axis: 0, 25, 50, 75 and 100 %.
    for (int percent = 0; percent <= 100; percent += 25) {
        double y = y_of(percent);
        svg += "<line x1=\"" + Number(left) + "\" x2=\"" + Number(width - right) + "\" y1=\"" + Number(y) + "\" y2=\"" +
               Number(y) + "\" stroke=\"#ddd\"/>";
        svg += "<text x=\"" + Number(left - 6) + "\" y=\"" + Number(y + 4) + "\" text-anchor=\"end\" fill=\"#555\">" +
               std::to_string(percent) + " %</text>\n";
    }
    for (size_t index = 0; index < months.size(); ++index) {
        const TrendMonth& month = months[index];
        double x = left + slot * static_cast<double>(index);
        double centre = x + slot / 2;
        std::string opacity = month.in_period ? "1" : "0.45";
        if (month.counted > 0) {
            double percent = 100.0 * static_cast<double>(month.satisfied) / static_cast<double>(month.counted);
            double bar_top = y_of(percent);
            svg += "<rect class=\"month\" x=\"" + Number(x + slot * 0.18) + "\" y=\"" + Number(bar_top) + "\" width=\"" +
                   Number(slot * 0.64) + "\" height=\"" + Number(top + plot_height - bar_top) + "\" fill=\"" +
                   Colour(percent, target_percent) + "\" fill-opacity=\"" + opacity + "\"><title>" +
                   EscapeHtml(month.label) + ": " + PercentText(month.satisfied, month.counted) + " (" +
                   std::to_string(month.counted) + " phiếu)</title></rect>";
            svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(bar_top - 5) +
                   "\" text-anchor=\"middle\" fill=\"#1a1a1a\">" + PercentText(month.satisfied, month.counted) +
                   "</text>\n";
        } else {
            svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(y_of(0) - 5) +
                   "\" text-anchor=\"middle\" fill=\"#777\">—</text>\n";
        }
        std::string weight = month.in_period ? "bold" : "normal";
        svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(top + plot_height + 18) +
               "\" text-anchor=\"middle\" font-weight=\"" + weight + "\">" + EscapeHtml(month.label) + "</text>";
        svg += "<text x=\"" + Number(centre) + "\" y=\"" + Number(top + plot_height + 34) +
               "\" text-anchor=\"middle\" fill=\"#555\">" + std::to_string(month.counted) + " phiếu</text>\n";
    }
    double target_y = y_of(target_percent);
    svg += "<line x1=\"" + Number(left) + "\" x2=\"" + Number(width - right) + "\" y1=\"" + Number(target_y) +
           "\" y2=\"" + Number(target_y) + "\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
    svg += "<text x=\"" + Number(width - right + 6) + "\" y=\"" + Number(target_y + 4) +
           "\" text-anchor=\"start\" fill=\"#1a1a1a\">Mục tiêu " + std::to_string(static_cast<int>(target_percent)) + " %</text>\n";
    svg += "<line x1=\"" + Number(left) + "\" x2=\"" + Number(width - right) + "\" y1=\"" + Number(y_of(0)) +
           "\" y2=\"" + Number(y_of(0)) + "\" stroke=\"#555\"/>\n";
    svg += "</svg>\n";
    return svg;
}

}  // namespace kiosk::server
