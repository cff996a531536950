#include "server/report_period.hpp"

#include <cstdio>
#include <ctime>

namespace kiosk::server {
namespace {

bool Digits(std::string_view text) {
    if (text.empty()) return false;
    for (char character : text)
        if (character < '0' || character > '9') return false;
    return true;
}

int Number(std::string_view text) {
    int value = 0;
    for (char character : text) value = value * 10 + (character - '0');
    return value;
}

std::string TwoDigits(int value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

}  // namespace

std::string RomanQuarter(int quarter) {
    static const char* const kRoman[] = {"I", "II", "III", "IV"};
    return quarter >= 1 && quarter <= 4 ? kRoman[quarter - 1] : "?";
}

std::int64_t MonthStartMs(int year, int month) {
    std::tm local{};
    local.tm_year = year - 1900 + (month - 1) / 12;
    local.tm_mon = (month - 1) % 12;
    local.tm_mday = 1;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local)) * 1000;
}

std::optional<ReportPeriod> ReportPeriod::Parse(std::string_view text) {
    if (text.size() < 4 || !Digits(text.substr(0, 4))) return std::nullopt;
    int year = Number(text.substr(0, 4));
    if (year < 2000 || year > 2200) return std::nullopt;
    if (text.size() == 4) return ReportPeriod{Kind::Year, year, 1};
    if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && text[6] >= '1' && text[6] <= '4')
        return ReportPeriod{Kind::Quarter, year, text[6] - '0'};
    if (text.size() == 7 && text[4] == '-' && Digits(text.substr(5))) {
        int month = Number(text.substr(5));
        if (month >= 1 && month <= 12) return ReportPeriod{Kind::Month, year, month};
    }
    return std::nullopt;
}

ReportPeriod ReportPeriod::QuarterOf(std::int64_t unix_ms) {
    std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
    std::tm local{};
    localtime_r(&seconds, &local);
    return {Kind::Quarter, local.tm_year + 1900, local.tm_mon / 3 + 1};
}

std::string ReportPeriod::Code() const {
    switch (kind) {
        case Kind::Month: return std::to_string(year) + "-" + TwoDigits(number);
        case Kind::Quarter: return std::to_string(year) + "-Q" + std::to_string(number);
        case Kind::Year: return std::to_string(year);
    }
    return "";
}

std::string ReportPeriod::Title() const {
    switch (kind) {
        case Kind::Month: return "Tháng " + std::to_string(number) + " năm " + std::to_string(year);
        case Kind::Quarter: return "Quý " + RomanQuarter(number) + " năm " + std::to_string(year);
        case Kind::Year: return "Năm " + std::to_string(year);
    }
    return "";
}

int ReportPeriod::FirstMonth() const {
    switch (kind) {
        case Kind::Month: return number;
        case Kind::Quarter: return (number - 1) * 3 + 1;
        case Kind::Year: return 1;
    }
    return 1;
}

int ReportPeriod::MonthCount() const { return kind == Kind::Month ? 1 : kind == Kind::Quarter ? 3 : 12; }

std::int64_t ReportPeriod::StartMs() const { return MonthStartMs(year, FirstMonth()); }
std::int64_t ReportPeriod::EndMs() const { return MonthStartMs(year, FirstMonth() + MonthCount()); }

std::string ReportPeriod::DateRange() const {
    std::time_t last_day = static_cast<std::time_t>(EndMs() / 1000 - 12 * 3600);  // noon of the last day
    std::tm local{};
    localtime_r(&last_day, &local);
    return "01/" + TwoDigits(FirstMonth()) + "/" + std::to_string(year) + " – " + TwoDigits(local.tm_mday) + "/" +
           TwoDigits(local.tm_mon + 1) + "/" + std::to_string(local.tm_year + 1900);
}

ReportPeriod ReportPeriod::Previous() const {
    ReportPeriod previous = *this;
    int last = kind == Kind::Month ? 12 : 4;
    if (kind == Kind::Year || number == 1) {
        previous.year -= 1;
        if (kind != Kind::Year) previous.number = last;
    } else {
        previous.number -= 1;
    }
    return previous;
}

ReportPeriod ReportPeriod::Next() const {
    ReportPeriod next = *this;
    int last = kind == Kind::Month ? 12 : 4;
    if (kind == Kind::Year || number == last) {
        next.year += 1;
        if (kind != Kind::Year) next.number = 1;
    } else {
        next.number += 1;
    }
    return next;
}

}  // namespace kiosk::server
