#include "kiosk/core/dvcqg/legal_numbers.hpp"

#include <algorithm>
#include <map>
#include <regex>

namespace kiosk::dvcqg {
namespace {

// The issuing bodies by the last part of a number ("TT-BTC" → BTC, "QĐ-TTg" → TTg).
const std::map<std::string, std::string>& Issuers() {
    static const std::map<std::string, std::string> issuers{
        {"CP", "Chính phủ"},
        {"TTg", "Thủ tướng Chính phủ"},
        {"QH", "Quốc hội"},
        {"UBTVQH", "Ủy ban Thường vụ Quốc hội"},
        {"BTC", "Bộ Tài chính"},
        {"BTP", "Bộ Tư pháp"},
        {"BCA", "Bộ Công an"},
        {"NHNN", "Ngân hàng Nhà nước Việt Nam"},
        {"BNNMT", "Bộ Nông nghiệp và Môi trường"},
        {"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
        {"BTNMT", "Bộ Tài nguyên và Môi trường"},
        {"BGTVT", "Bộ Giao thông vận tải"},
        {"BXD", "Bộ Xây dựng"},
        {"BKHĐT", "Bộ Kế hoạch và Đầu tư"},
        {"BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
        {"BYT", "Bộ Y tế"},
        {"BNV", "Bộ Nội vụ"},
        {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
        {"BCT", "Bộ Công Thương"},
        {"VPCP", "Văn phòng Chính phủ"},
        {"BKHCN", "Bộ Khoa học và Công nghệ"},
        {"BQP", "Bộ Quốc phòng"},
        {"BHXH", "Bảo hiểm xã hội Việt Nam"},
        {"BGDĐT", "Bộ Giáo dục và Đào tạo"},
        {"BTTTT", "Bộ Thông tin và Truyền thông"},
        {"BNG", "Bộ Ngoại giao"},
    };
    return issuers;
}

// Last parts that are right though no single issuer goes with them: a province's bodies
// (which province is not in the number), a department of one, courts.
bool IsKnownSuffix(const std::string& suffix) {
    static const char* others[] = {"UBND", "HĐND", "CSXH", "HĐTP", "TANDTC", "VKSNDTC", "BCĐ", "TLĐ", "MTTQ"};
    if (Issuers().count(suffix)) return true;
    for (const char* other : others)
        if (suffix == other) return true;
    return false;
}

// The National Assembly's numbers carry its term: "QH13".
bool TakesTermNumber(const std::string& suffix) { return suffix == "QH" || suffix == "UBTVQH"; }

// Where the last part of a number starts: after its last dash, else after its last slash.
size_t SuffixStart(const std::string& number) {
    size_t dash = number.rfind('-');
    if (dash != std::string::npos) return dash + 1;
    size_t slash = number.rfind('/');
    return slash == std::string::npos ? std::string::npos : slash + 1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The longest known suffix `suffix` starts with, with the term number after it; its length.
size_t KnownPrefixLength(const std::string& suffix) {
    size_t best = 0;
    auto consider = [&](const std::string& known) {
        if (suffix.rfind(known, 0) != 0) return;
        size_t length = known.size();
        if (TakesTermNumber(known))
            while (length < suffix.size() && IsDigit(suffix[length])) ++length;
        best = std::max(best, length);
    };
    for (const auto& [known, issuer] : Issuers()) consider(known);
    for (const char* other : {"UBND", "HĐND", "CSXH", "HĐTP", "TANDTC", "VKSNDTC"}) consider(other);
    return best;
}

}  // namespace

std::string IssuerFromNumber(std::string_view number) {
    std::string compact;
    for (char c : number)
        if (c != ' ') compact += c;
    // Joint circulars (TTLT-…) have several issuers: none is "the" issuer.
    if (compact.find("TTLT") != std::string::npos || compact.find("NQLT") != std::string::npos) return {};
    size_t start = SuffixStart(compact);
    std::string suffix = start == std::string::npos ? std::string() : compact.substr(start);
    while (!suffix.empty() && IsDigit(suffix.back())) suffix.pop_back();  // "QH13" → QH
    auto it = Issuers().find(suffix);
    return it == Issuers().end() ? std::string() : it->second;
}

std::string RepairScrapedNumber(const std::string& number, std::string_view table) {
    std::string repaired = number;
    size_t start = SuffixStart(repaired);
    while (start < repaired.size() && repaired[start] == ' ') ++start;  // "250/QĐ - TTg"
    if (start != std::string::npos && start < repaired.size()) {
        std::string suffix = repaired.substr(start);
        size_t known = KnownPrefixLength(suffix);
        if (known > 0 && known < suffix.size()) {
            repaired.erase(start + known);  // ran on into the next title
        } else if (known == 0 && !IsKnownSuffix(suffix)) {
            // Stopped short: the table continues it into a known suffix ("QĐ-T" + "Tg").
            for (size_t at = table.find(repaired); at != std::string_view::npos; at = table.find(repaired, at + 1)) {
                std::string_view after = table.substr(at + repaired.size());
                for (const auto& [full, issuer] : Issuers())
                    if (full.size() > suffix.size() && full.rfind(suffix, 0) == 0 &&
                        after.substr(0, full.size() - suffix.size()) == std::string_view(full).substr(suffix.size())) {
                        repaired += full.substr(suffix.size());
                        return repaired;
                    }
            }
            // An unknown body runs on into a capitalised word: "13/TT-NVNghị định" → "13/TT-NV".
            size_t lower = suffix.find_first_of("abcdefghijklmnopqrstuvwxyz");
            if (lower != std::string::npos && lower >= 2 && suffix[lower - 1] >= 'A' && suffix[lower - 1] <= 'Z')
                repaired.erase(start + lower - 1);
        }
    }
    // A number never starts inside a run of digits: when every place the table has it is
    // right after digits that make a year with its first digits, the year was the title's.
    std::string fixed_year_cut;
    bool every_place_cut = false;
    for (size_t at = table.find(repaired); at != std::string_view::npos; at = table.find(repaired, at + 1)) {
        size_t digits = at;
        while (digits > 0 && IsDigit(table[digits - 1])) --digits;
        std::string run = std::string(table.substr(digits, at - digits)) + repaired;
        static const std::regex year_then_number(R"(^(19|20)\d\d([1-9]\d*[0-9.a-z]*/.*)$)");
        std::smatch match;
        if (digits == at || !std::regex_match(run, match, year_then_number)) return repaired;
        if (!fixed_year_cut.empty() && fixed_year_cut != match[2].str()) return repaired;
        fixed_year_cut = match[2].str();
        every_place_cut = true;
    }
    return every_place_cut ? fixed_year_cut : repaired;
}

std::vector<std::string> DoubledNumbers(std::string_view table_view) {
    std::string table(table_view);
    // "08.a/2010/TT-BTP", "09b/2013/TT-BTP", "123/2015/NĐ-CP", "2222/QĐ-BHXH".
    static const std::regex number(
        "\\d{1,5}[0-9.a-z]*/(?:\\d{4}/)?(?:[A-Z]|\xC4\x90)(?:[A-Z0-9]|\xC4\x90|-|g)*");
    std::vector<std::string> doubled;
    for (auto match = std::sregex_iterator(table.begin(), table.end(), number); match != std::sregex_iterator(); ++match) {
        std::string text = match->str(0);
        // The regex runs on into the repeat ("…TT-BTP08"): try each cut where the repeat starts.
        for (size_t length = text.size(); length >= 6; --length) {
            std::string candidate = text.substr(0, length);
            size_t end = static_cast<size_t>(match->position(0)) + length;
            if (table.compare(end, candidate.size(), candidate) == 0 && candidate.back() != '-' && candidate.find('/') != std::string::npos) {
                if (std::find(doubled.begin(), doubled.end(), candidate) == doubled.end()) doubled.push_back(candidate);
                break;
            }
        }
    }
    return doubled;
}

}  // namespace kiosk::dvcqg
