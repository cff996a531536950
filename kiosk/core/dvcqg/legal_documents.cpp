#include "kiosk/core/dvcqg/legal_documents.hpp"

#include <cstdio>
#include <map>
#include <regex>

#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

bool IsUpperLetter(char32_t c) {
    std::string encoded = text::EncodeUtf8(c);
    return text::LowerCase(encoded) != encoded;
}

// A lower-case letter, Vietnamese ones included ("ế" folds to "e" and has no lower form).
bool IsLowerLetter(char32_t c) {
    if (c >= 'a' && c <= 'z') return true;
    if (c < 0xC0 || IsUpperLetter(c)) return false;
    std::string folded = text::Fold(text::EncodeUtf8(c));
    return folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z';
}

std::string IsoDate(int day, int month, int year) {
    if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1945 || year > 2100) return {};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

}  // namespace

std::string IssuerFromNumber(std::string_view number) {
    // The agency is the last part of the number ("TT-BTC" → BTC, "QĐ-TTg" → TTg, "QH13" → QH).
    static const std::map<std::string, std::string> agencies{
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
    std::string compact;
    for (char c : number)
        if (c != ' ') compact += c;
    // Joint circulars (TTLT-…) have several issuers: none is "the" issuer.
    if (compact.find("TTLT") != std::string::npos || compact.find("NQLT") != std::string::npos) return {};
    size_t dash = compact.rfind('-');
    std::string agency = dash == std::string::npos ? std::string() : compact.substr(dash + 1);
    if (agency.empty()) {
        // "60/2014/QH13": the agency is the last slash part, its term number after it.
        size_t slash = compact.rfind('/');
        agency = slash == std::string::npos ? std::string() : compact.substr(slash + 1);
    }
    while (!agency.empty() && agency.back() >= '0' && agency.back() <= '9') agency.pop_back();
    auto it = agencies.find(agency);
    return it == agencies.end() ? std::string() : it->second;
}

std::string DateAfterNumber(std::string_view title_view, std::string_view number) {
    if (number.empty()) return {};
    std::string title(title_view);
    size_t at = title.find(number);
    if (at == std::string::npos) return {};
    std::string after = title.substr(at + number.size(), 60);
    static const std::regex numeric(R"(^\s*,?\s*ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))");
    static const std::regex words(R"(^\s*,?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))");
    std::smatch match;
    if (std::regex_search(after, match, numeric) || std::regex_search(after, match, words))
        return IsoDate(std::stoi(match[1].str()), std::stoi(match[2].str()), std::stoi(match[3].str()));
    return {};
}

bool HasGluedWords(std::string_view title) {
    auto points = text::DecodeUtf8(title);
    for (size_t index = 1; index + 1 < points.size(); ++index)
        if (IsLowerLetter(points[index - 1]) && IsUpperLetter(points[index]) && IsLowerLetter(points[index + 1])) return true;
    return false;
}

bool RemoveGluedTypeTail(std::string& title) {
    static const std::regex tail(
        R"((Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết liên tịch|Nghị quyết|Quyết định|Luật|Pháp lệnh|Văn bản hợp nhất|Chỉ thị|Công văn|TT|NĐ|QĐ|NQ)(\s+số)?\s*$)");
    std::smatch match;
    if (!std::regex_search(title, match, tail)) return false;
    size_t start = static_cast<size_t>(match.position(0));
    if (start == 0) return false;  // the whole title is the type: nothing glued
    // Glued: no space between the title's last word and the type word.
    char before = title[start - 1];
    if (before == ' ' || before == '(' || before == ',') return false;
    title.erase(start);
    while (!title.empty() && (title.back() == ' ' || title.back() == ';' || title.back() == ',')) title.pop_back();
    return true;
}

}  // namespace kiosk::dvcqg
