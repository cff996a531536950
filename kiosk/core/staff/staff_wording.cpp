#include "kiosk/core/staff/staff_wording.hpp"

#include <cstdio>
#include <iterator>

namespace kiosk::staff {
namespace {

struct CivilDate {
    int year = 0, month = 0, day = 0;
};

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (size_t index : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[index] < '0' || text[index] > '9') return std::nullopt;
    auto number = [&](size_t from, size_t length) {
        int value = 0;
        for (size_t index = from; index < from + length; ++index) value = value * 10 + (text[index] - '0');
        return value;
    };
    CivilDate date{number(0, 4), number(5, 2), number(8, 2)};
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return std::nullopt;
    return date;
}

// One decimal below 10 ("1,2"), whole numbers from 10 ("350"), never a trailing ",0"
// ("2", not "2,0"): how a person says a size.
std::string DecimalCommaNumber(double value) {
    char buffer[32];
    if (value < 9.95) std::snprintf(buffer, sizeof buffer, "%.1f", value);
    else std::snprintf(buffer, sizeof buffer, "%.0f", value);
    std::string text = buffer;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    for (char& character : text)
        if (character == '.') character = ',';
    return text;
}

}  // namespace

std::string VietnameseDate(std::string_view iso_date) {
    auto date = ParseIsoDate(iso_date);
    if (!date) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date->day, date->month, date->year);
    return buffer;
}

std::optional<long long> DaysSince(std::string_view iso_date, std::time_t now) {
    auto date = ParseIsoDate(iso_date);
    if (!date) return std::nullopt;
    std::tm midnight{};
    midnight.tm_year = date->year - 1900;
    midnight.tm_mon = date->month - 1;
    midnight.tm_mday = date->day;
    std::time_t then = timegm(&midnight);
    if (now < then) return 0;
    return static_cast<long long>((now - then) / 86400);
}

std::string VietnameseDateTime(std::time_t time) {
    std::tm local{};
    localtime_r(&time, &local);
    char buffer[40];
    std::strftime(buffer, sizeof buffer, "%H:%M ngày %d/%m/%Y", &local);
    return buffer;
}

std::string VietnameseDateTimeOfIso(std::string_view iso_time) {
    auto date = ParseIsoDate(iso_time);
    if (!date) return {};
    bool has_time = iso_time.size() >= 16 && iso_time[10] == 'T' && iso_time[13] == ':';
    for (size_t index : {11, 12, 14, 15})
        if (has_time && (iso_time[index] < '0' || iso_time[index] > '9')) has_time = false;
    if (!has_time) return VietnameseDate(iso_time);
    std::tm utc{};
    utc.tm_year = date->year - 1900;
    utc.tm_mon = date->month - 1;
    utc.tm_mday = date->day;
    utc.tm_hour = (iso_time[11] - '0') * 10 + (iso_time[12] - '0');
    utc.tm_min = (iso_time[14] - '0') * 10 + (iso_time[15] - '0');
    return VietnameseDateTime(timegm(&utc));
}

std::string VietnameseBytes(std::uint64_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + " byte";
    // Decimal units, as a stick's label and a file manager count them.
    static constexpr struct {
        double size;
        const char* name;
    } kUnits[] = {{1e3, "KB"}, {1e6, "MB"}, {1e9, "GB"}, {1e12, "TB"}};
    constexpr size_t kLast = std::size(kUnits) - 1;
    size_t unit = 0;
    while (unit < kLast && static_cast<double>(bytes) >= kUnits[unit + 1].size) ++unit;
    double value = static_cast<double>(bytes) / kUnits[unit].size;
    // 999,6 KB would read "1000 KB": that is "1 MB".
    if (value >= 999.5 && unit < kLast) value = static_cast<double>(bytes) / kUnits[++unit].size;
    return DecimalCommaNumber(value) + " " + kUnits[unit].name;
}

std::string VietnameseDuration(std::int64_t seconds) {
    if (seconds < 0) seconds = 0;
    std::int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
    if (days > 0) return std::to_string(days) + " ngày" + (hours ? " " + std::to_string(hours) + " giờ" : "");
    if (hours > 0) return std::to_string(hours) + " giờ" + (minutes ? " " + std::to_string(minutes) + " phút" : "");
    if (minutes > 0) return std::to_string(minutes) + " phút";
    return std::to_string(seconds) + " giây";
}

std::string VietnameseCount(long long count) {
    std::string digits = std::to_string(count < 0 ? -count : count);
    std::string out;
    for (size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0) out += '.';
        out += digits[index];
    }
    return count < 0 ? "-" + out : out;
}

std::string AuditActionWords(std::string_view action) {
    if (action == "staff_mode_opened") return "Mở chế độ cán bộ";
    if (action == "staff_mode_closed") return "Rời chế độ cán bộ";
    if (action == "pin_refused") return "Mã PIN bị từ chối";
    if (action == "test_vote") return "Gửi phiếu thử";
    if (action == "install_usb") return "Cài đặt từ USB";
    if (action == "install_server") return "Cài đặt từ máy chủ";
    if (action == "check_server") return "Kiểm tra máy chủ";
    if (action == "rollback") return "Quay lại phiên bản trước";
    return std::string(action);
}

}  // namespace kiosk::staff
