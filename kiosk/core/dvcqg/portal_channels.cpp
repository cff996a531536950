#include "kiosk/core/dvcqg/portal_channels.hpp"

#include <regex>
#include <set>

#include "kiosk/core/dvcqg/glued_tables.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

using content::TimeUnit;

std::optional<TimeUnit> UnitFromWords(const std::string& folded) {
    if (folded.rfind("ngay lam viec", 0) == 0) return TimeUnit::WorkingDays;
    if (folded.rfind("ngay", 0) == 0) return TimeUnit::Days;
    if (folded.rfind("gio", 0) == 0) return TimeUnit::Hours;
    if (folded.rfind("thang", 0) == 0) return TimeUnit::Months;
    return std::nullopt;
}

// "01" → "1", "0,5" → "0.5": figures compared and stored one way.
std::string CanonicalFigure(std::string figure) {
    for (char& c : figure)
        if (c == ',') c = '.';
    size_t start = 0;
    while (start + 1 < figure.size() && figure[start] == '0' && figure[start + 1] != '.') ++start;
    return figure.substr(start);
}

struct FoundTime {
    std::string figure;
    TimeUnit unit;
};

// Every "<n> ngày làm việc / ngày / giờ / tháng" in folded text.
std::vector<FoundTime> TimesIn(const std::string& folded) {
    static const std::regex pattern(R"((\d+(?:[.,]\d+)?)\s*(ngay lam viec|ngay|gio lam viec|gio|thang)\b)");
    std::vector<FoundTime> found;
    for (auto it = std::sregex_iterator(folded.begin(), folded.end(), pattern); it != std::sregex_iterator(); ++it)
        found.push_back({CanonicalFigure((*it)[1].str()), *UnitFromWords((*it)[2].str())});
    return found;
}

// "Trong ngày", "trả kết quả ngay trong ngày" (not "trong ngày làm việc tiếp theo").
bool SaysSameDay(const std::string& folded) {
    return folded.find("trong ngay") != std::string::npos && folded.find("ngay lam viec tiep theo") == std::string::npos;
}

// The leading "(…)" of a description, balanced; npos when it does not start with one.
size_t LeadingNoteEnd(std::string_view text) {
    if (text.empty() || text[0] != '(') return std::string_view::npos;
    int depth = 0;
    for (size_t index = 0; index < text.size(); ++index) {
        if (text[index] == '(') ++depth;
        if (text[index] == ')' && --depth == 0) return index;
    }
    return std::string_view::npos;
}

bool ContradictsFree(const std::string& note) {
    std::string folded = text::Fold(note);
    // "Không thu lệ phí …" agrees with "Miễn phí": take it out before looking for fees.
    for (std::string_view agreeing : {"khong thu le phi", "khong thu phi", "mien le phi.", "mien phi."}) {
        for (size_t at = folded.find(agreeing); at != std::string::npos; at = folded.find(agreeing))
            folded.erase(at, agreeing.size());
    }
    static const std::regex sum(R"(\d[\d.,]*\s*(dong|vnd)\b)");
    if (std::regex_search(folded, sum)) return true;
    for (std::string_view word : {"muc thu", "muc phi", "muc le phi", "luat phi va le phi", "mien le phi cho", "mien phi cho",
                                  "mien le phi doi voi", "tra phi", "thu le phi", "thu phi"})
        if (folded.find(word) != std::string::npos) return true;
    return false;
}

}  // namespace

ChannelTime ReadTime(std::string_view value_view, std::string_view unit_view, std::string_view raw_view,
                     std::string_view description, std::string_view steps) {
    ChannelTime out;
    std::string value = text::CollapseWhitespace(value_view);
    std::string raw = text::CollapseWhitespace(raw_view);
    out.time.text = raw.empty() ? value : raw;
    if (value == "Không có thông tin") value.clear();
    if (out.time.text == "Không có thông tin") out.time.text.clear();
    std::string folded_unit = text::Fold(text::CollapseWhitespace(unit_view));
    std::string folded_text = text::Fold(value + " " + raw);
    std::string folded_description = text::Fold(description);

    // 1. The unit cell.
    if (auto unit = UnitFromWords(folded_unit); unit && !value.empty()) {
        out.time.value = CanonicalFigure(value);
        out.time.unit = *unit;
        out.source = UnitSource::UnitCell;
        return out;
    }
    // 2. The value or raw text itself: "01 ngày làm việc", "Trong ngày".
    if (SaysSameDay(folded_text)) {
        out.time.unit = TimeUnit::SameDay;
        out.source = UnitSource::Value;
        return out;
    }
    if (auto found = TimesIn(folded_text); !found.empty()) {
        out.time.value = found.front().figure;
        out.time.unit = found.front().unit;
        out.source = UnitSource::Value;
        return out;
    }
    static const std::regex bare(R"(^\d+(?:[.,]\d+)?$)");
    bool figure = std::regex_match(value, bare);
    out.time.value = figure ? CanonicalFigure(value) : std::string();
    // 3. The description: the same figure with a unit, or the one time it names.
    auto found = TimesIn(folded_description);
    if (figure) {
        for (const auto& time : found)
            if (time.figure == out.time.value) {
                out.time.unit = time.unit;
                out.source = UnitSource::Description;
                return out;
            }
    } else if (value.empty()) {
        if (folded_description.find("ngay trong ngay") != std::string::npos) {
            out.time.unit = TimeUnit::SameDay;
            out.source = UnitSource::Description;
            return out;
        }
        std::set<std::pair<std::string, int>> distinct;
        for (const auto& time : found) distinct.insert({time.figure, static_cast<int>(time.unit)});
        if (distinct.size() == 1) {
            out.time.value = found.front().figure;
            out.time.unit = found.front().unit;
            out.source = UnitSource::Description;
            return out;
        }
    }
    // 4. The steps: "Trong thời hạn 05 ngày làm việc …" with the same figure, one unit only.
    if (figure) {
        std::set<int> units;
        for (const auto& time : TimesIn(text::Fold(steps)))
            if (time.figure == out.time.value) units.insert(static_cast<int>(time.unit));
        if (units.size() == 1) {
            out.time.unit = static_cast<TimeUnit>(*units.begin());
            out.source = UnitSource::Steps;
            return out;
        }
    }
    out.time.unit = TimeUnit::Unknown;
    return out;
}

bool SaysProvinceSetsFee(std::string_view text_view) {
    std::string folded = text::Fold(text_view);
    for (std::string_view council : {"hoi dong nhan dan", "hdnd"}) {
        for (size_t at = folded.find(council); at != std::string::npos; at = folded.find(council, at + 1)) {
            std::string around = folded.substr(at, 60);
            if (around.find("tinh") != std::string::npos) return true;
        }
    }
    return folded.find("theo muc cua tinh") != std::string::npos;
}

ChannelFee ReadFee(std::string_view cell, std::string_view description_view) {
    ChannelFee out;
    out.fee = ParseFee(cell);
    std::string description = text::CollapseWhitespace(description_view);
    size_t note_end = LeadingNoteEnd(description);
    std::string note;
    if (note_end != std::string::npos) {
        note = text::CollapseWhitespace(std::string_view(description).substr(1, note_end - 1));
        out.description = text::CollapseWhitespace(std::string_view(description).substr(note_end + 1));
    } else {
        out.description = description;
        // No "(…)" note, but the description itself is about the fee: it is the fee's note too.
        std::string folded = text::Fold(description);
        if (folded.find("phi") != std::string::npos && SaysProvinceSetsFee(description)) note = description;
    }
    out.fee.description = note;
    if (note.empty()) return out;
    bool province = SaysProvinceSetsFee(note);
    if (out.fee.kind == content::FeeKind::Free || out.fee.kind == content::FeeKind::Unknown) {
        if (province) {
            out.contradicted = out.fee.kind == content::FeeKind::Free;
            out.fee.kind = content::FeeKind::ProvinceSet;
        } else if (out.fee.kind == content::FeeKind::Free && ContradictsFree(note)) {
            out.contradicted = true;
            out.fee.kind = content::FeeKind::Other;
            out.fee.text = "Theo quy định";
        }
    }
    return out;
}

}  // namespace kiosk::dvcqg
