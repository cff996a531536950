#include "kiosk/core/screen_hours.hpp"

#include <regex>

namespace kiosk {

bool ScreenHours::LitAt(int minute_of_day) const {
    if (AlwaysLit()) return true;
    if (on_minute < off_minute) return minute_of_day >= on_minute && minute_of_day < off_minute;
    return minute_of_day >= on_minute || minute_of_day < off_minute;  // over midnight
}

double ScreenHours::SecondsUntilChange(const std::tm& local) const {
    constexpr double kDay = 24 * 3600;
    if (AlwaysLit()) return kDay;
    double now = local.tm_hour * 3600.0 + local.tm_min * 60.0 + local.tm_sec;
    double best = kDay;
    for (int minute : {on_minute, off_minute}) {
        double at = minute * 60.0 - now;
        if (at <= 0) at += kDay;
        best = std::min(best, at);
    }
    return best;
}

Result<ScreenHours> ParseScreenHours(const std::string& text) {
    if (text.empty()) return ScreenHours{};
    static const std::regex range(R"(^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$)");
    std::smatch match;
    if (!std::regex_match(text, match, range))
        return Error{"\"display.screen_hours\" must be HH:MM-HH:MM in local time (e.g. \"07:00-17:30\"), found \"" +
                         text + "\"",
                     "Cấu hình sai: \"display.screen_hours\" phải có dạng GIỜ:PHÚT-GIỜ:PHÚT, ví dụ \"07:00-17:30\"."};
    ScreenHours hours;
    hours.on_minute = std::stoi(match[1].str()) * 60 + std::stoi(match[2].str());
    hours.off_minute = std::stoi(match[3].str()) * 60 + std::stoi(match[4].str());
    if (hours.AlwaysLit())
        return Error{"\"display.screen_hours\" starts and ends at the same minute (\"" + text +
                         "\"): leave it out to keep the screen lit all day",
                     "Cấu hình sai: \"display.screen_hours\" có giờ bật và giờ tắt trùng nhau."};
    return hours;
}

}  // namespace kiosk
