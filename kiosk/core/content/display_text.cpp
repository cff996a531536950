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
        case FeeKind::Amount: return fee.amount_dong ? FormatDong(*fee.amount_dong) : std::string(kAskAtTheDesk);
        case FeeKind::ProvinceSet: return kProvinceSetFee;
        case FeeKind::Other: return fee.text.empty() ? std::string(kAskAtTheDesk) : fee.text;
        case FeeKind::Unknown: return kAskAtTheDesk;
    }
    return kAskAtTheDesk;
}

std::string FormatTime(const ProcessingTime& time) {
    if (time.unit == TimeUnit::SameDay) return "Trong ngày";
    std::string value = time.value;
    for (char& character : value)
        if (character == '.') character = ',';  // 0.5 → 0,5
    const char* unit = nullptr;
    switch (time.unit) {
        case TimeUnit::WorkingDays: unit = "ngày làm việc"; break;
        case TimeUnit::Days: unit = "ngày"; break;
        case TimeUnit::Hours: unit = "giờ"; break;
        case TimeUnit::Months: unit = "tháng"; break;
        case TimeUnit::SameDay:
        case TimeUnit::Unknown: break;
    }
    if (unit != nullptr && !value.empty()) return value + " " + unit;
    if (value.empty()) return kAskAtTheDesk;
    return std::string(kAskAtTheDesk) + " (Cổng Dịch vụ công chỉ ghi số " + value + ")";
}

std::string OnlineLevelLabel(OnlineLevel level) {
    switch (level) {
        case OnlineLevel::FullyOnline: return "Toàn trình (mức độ 4)";
        case OnlineLevel::Partly: return "Một phần (mức độ 3)";
        case OnlineLevel::OnlineFiling: return "Nộp trực tuyến được";
        case OnlineLevel::InformationOnly: return "Chỉ cung cấp thông tin";
        case OnlineLevel::None: return "Không nộp trực tuyến";
        case OnlineLevel::Unknown: return kAskAtTheDesk;
    }
    return kAskAtTheDesk;
}

namespace {
const Channel* ReferenceChannel(const Procedure& procedure) {
    for (const auto& channel : procedure.channels)
        if (channel.kind == ChannelKind::InPerson) return &channel;
    return procedure.channels.empty() ? nullptr : &procedure.channels.front();
}
}  // namespace

std::string WhereToFile(const Procedure& procedure, const Commune& commune) {
    if (!procedure.reception_address.empty()) return procedure.reception_address;
    if (procedure.commune_level && !commune.address.empty()) return commune.address;
    if (!procedure.agencies.executing.empty()) return procedure.agencies.executing;
    if (!procedure.agencies.competent.empty()) return procedure.agencies.competent;
    return kAskAtTheDesk;
}

std::string GlanceTime(const Procedure& procedure) {
    const Channel* channel = ReferenceChannel(procedure);
    return channel ? FormatTime(channel->time) : std::string(kAskAtTheDesk);
}

std::string GlanceFee(const Procedure& procedure) {
    if (procedure.channels.empty()) return kAskAtTheDesk;
    bool all_free = true;
    for (const auto& channel : procedure.channels) all_free = all_free && channel.fee.kind == FeeKind::Free;
    if (all_free) return "Miễn phí";
    const Channel* channel = ReferenceChannel(procedure);
    if (channel->fee.kind != FeeKind::Unknown) return FormatFee(channel->fee);
    for (const auto& other : procedure.channels)
        if (other.fee.kind != FeeKind::Unknown) return FormatFee(other.fee);
    return kAskAtTheDesk;
}

namespace {

// YYYY-MM-DD, digits only, naming a day the calendar has.
std::optional<std::chrono::sys_days> ParseCalendarDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t at : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[at] < '0' || text[at] > '9') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t at = from; at < from + count; ++at) value = value * 10 + (text[at] - '0');
        return value;
    };
    std::chrono::year_month_day date{std::chrono::year{number(0, 4)}, std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                     std::chrono::day{static_cast<unsigned>(number(8, 2))}};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days(date);
}

}  // namespace

bool IsCalendarDate(std::string_view text) { return ParseCalendarDate(text).has_value(); }

std::optional<int> DaysBetween(std::string_view created, std::string_view today) {
    auto from = ParseCalendarDate(created);
    auto to = ParseCalendarDate(today);
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
