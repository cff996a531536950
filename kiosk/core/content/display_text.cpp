#include "kiosk/core/content/display_text.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "kiosk/core/text.hpp"

namespace kiosk::content {

std::string FormatGroupedNumber(long long number) {
    bool negative = number < 0;
    std::string digits = std::to_string(negative ? -number : number);
    std::string out;
    for (size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0) out += '.';
        out += digits[index];
    }
    return negative ? "-" + out : out;
}

std::string FormatDong(long long amount) {
    if (amount == 0) return "Miễn phí";
    return FormatGroupedNumber(amount) + " đồng";
}

std::string FormatFee(const Fee& fee) {
    switch (fee.kind) {
        case FeeKind::Free: return "Miễn phí";
        case FeeKind::Amount: return fee.amount_dong ? FormatDong(*fee.amount_dong) : std::string(kNotVerified);
        case FeeKind::Other: return fee.text.empty() ? std::string(kNotVerified) : fee.text;
        case FeeKind::Unknown: return kNotVerified;
    }
    return kNotVerified;
}

std::string FormatTime(const ProcessingTime& time) {
    if (time.value.empty()) return time.text.empty() ? std::string(kNotVerified) : time.text;
    std::string value = time.value;
    for (char& character : value)
        if (character == '.') character = ',';  // 0.5 → 0,5
    if (time.unit.empty()) return value + " (không ghi đơn vị)";
    return value + " " + text::LowerCase(time.unit);
}

std::string OnlineLevelLabel(OnlineLevel level) {
    switch (level) {
        case OnlineLevel::FullyOnline: return "Toàn trình (mức độ 4)";
        case OnlineLevel::Partly: return "Một phần (mức độ 3)";
        case OnlineLevel::InformationOnly: return "Chỉ cung cấp thông tin";
        case OnlineLevel::None: return "Không nộp trực tuyến";
        case OnlineLevel::Unknown: return kNotVerified;
    }
    return kNotVerified;
}

namespace {
const Channel* ReferenceChannel(const Procedure& procedure) {
    for (const auto& channel : procedure.channels)
        if (channel.kind == ChannelKind::InPerson) return &channel;
    return procedure.channels.empty() ? nullptr : &procedure.channels.front();
}
}  // namespace

std::string GlanceTime(const Procedure& procedure) {
    const Channel* channel = ReferenceChannel(procedure);
    return channel ? FormatTime(channel->time) : std::string(kNotVerified);
}

std::string GlanceFee(const Procedure& procedure) {
    if (procedure.channels.empty()) return kNotVerified;
    bool all_free = true;
    for (const auto& channel : procedure.channels) all_free = all_free && channel.fee.kind == FeeKind::Free;
    if (all_free) return "Miễn phí";
    const Channel* channel = ReferenceChannel(procedure);
    if (channel->fee.kind != FeeKind::Unknown) return FormatFee(channel->fee);
    for (const auto& other : procedure.channels)
        if (other.fee.kind != FeeKind::Unknown) return FormatFee(other.fee);
    return kNotVerified;
}

std::string FormatDayMonthYear(std::string_view iso_date) {
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::string(iso_date);
    return std::string(iso_date.substr(8, 2)) + "/" + std::string(iso_date.substr(5, 2)) + "/" + std::string(iso_date.substr(0, 4));
}

std::optional<int> DaysBetween(std::string_view created, std::string_view today) {
    auto parse = [](std::string_view text) -> std::optional<std::chrono::sys_days> {
        int year = 0;
        unsigned month = 0, day = 0;
        if (text.size() != 10 || std::sscanf(std::string(text).c_str(), "%d-%u-%u", &year, &month, &day) != 3)
            return std::nullopt;
        std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
        if (!date.ok()) return std::nullopt;
        return std::chrono::sys_days(date);
    };
    auto from = parse(created);
    auto to = parse(today);
    if (!from || !to) return std::nullopt;
    return static_cast<int>((*to - *from).count());
}

std::string TodayIsoDate() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

}  // namespace kiosk::content
