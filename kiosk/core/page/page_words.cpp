#include "kiosk/core/page/page_words.hpp"

#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::page {

std::string GroupedNumber(long long number, Language language) {
    char separator = language == Language::English ? ',' : '.';
    bool negative = number < 0;
    std::string digits = std::to_string(negative ? -number : number);
    std::string out;
    for (size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0) out += separator;
        out += digits[index];
    }
    return negative ? "-" + out : out;
}

std::string TimeWords(const content::ProcessingTime& time, Language language) {
    std::string ask = std::string(i18n::Get(language, "procedure.ask_desk"));
    // A number without its unit tells a citizen nothing ("1" what?): they ask at the desk.
    using content::TimeUnit;
    if (time.unit == TimeUnit::SameDay) return std::string(i18n::Get(language, "procedure.time.same_day"));
    if (time.value.empty() || time.unit == TimeUnit::Unknown) return ask;
    std::string value = time.value;
    if (language == Language::Vietnamese)
        for (char& character : value)
            if (character == '.') character = ',';  // 0.5 → 0,5
    const char* key = time.unit == TimeUnit::WorkingDays ? "procedure.time.working_days"
                      : time.unit == TimeUnit::Days      ? "procedure.time.days"
                      : time.unit == TimeUnit::Hours     ? "procedure.time.hours"
                                                         : "procedure.time.months";
    return i18n::Format(i18n::Get(language, key), {value});
}

std::string FeeWords(const content::Fee& fee, Language language) {
    using content::FeeKind;
    std::string ask = std::string(i18n::Get(language, "procedure.ask_desk"));
    switch (fee.kind) {
        case FeeKind::Free: return std::string(i18n::Get(language, "procedure.fee.free"));
        case FeeKind::Amount:
            if (!fee.amount_dong) return ask;
            if (*fee.amount_dong == 0) return std::string(i18n::Get(language, "procedure.fee.free"));
            return i18n::Format(i18n::Get(language, "procedure.fee.dong"), {GroupedNumber(*fee.amount_dong, language)});
        case FeeKind::ProvinceSet: return std::string(i18n::Get(language, "procedure.fee.province"));
        case FeeKind::Other: return fee.text.empty() ? ask : fee.text;
        case FeeKind::Unknown: return ask;
    }
    return ask;
}

}  // namespace kiosk::page
