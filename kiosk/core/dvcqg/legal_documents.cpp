#include "kiosk/core/dvcqg/legal_documents.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <regex>

#include "kiosk/core/dvcqg/legal_numbers.hpp"
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

namespace {

// The last code point before `at` is a letter: nothing separates it from what follows.
bool LetterBefore(const std::string& text, size_t at) {
    if (at == 0) return false;
    size_t start = at - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    auto points = text::DecodeUtf8(std::string_view(text).substr(start, at - start));
    return !points.empty() && (IsLowerLetter(points.front()) || IsUpperLetter(points.front()));
}

std::string TrimTitle(std::string text) {
    auto junk = [](char c) { return c == ' ' || c == ';' || c == ',' || c == '-' || c == ':'; };
    while (!text.empty() && junk(text.front())) text.erase(text.begin());
    while (!text.empty() && junk(text.back())) text.pop_back();
    return text;
}

struct GluedSplit {
    size_t cut = 0;           // where the glued document's title ends
    size_t rest = 0;          // where the next title begins
    std::string number;
};

std::optional<GluedSplit> FindGluedDocument(const std::string& title) {
    // "08/2025/TT-BTP", "66.7/2025/NQ-CP", "36/2024/QH 15", and numbers without a year that
    // name their type and agency: "2222/QĐ-BHXH", "4533/BHXH-CSXH".
    // "250/QĐ - TTg" with spaces round its dash; the Party's "13-TB/TW".
    static const std::regex code(
        "\\d{1,5}[0-9.a-z]*/(?:\\d{4}/(?:[A-Z]|\xC4\x90)(?:[A-Za-z0-9]|\xC4\x90|-)*"
        "|(?:[A-Z]|\xC4\x90)(?:[A-Za-z0-9]|\xC4\x90)* ?- ?(?:[A-Za-z0-9]|\xC4\x90|-)*)(?: \\d{2}(?![0-9/]))?"
        "|\\d{1,5}-[A-Z]{2,4}/TW");
    static const std::regex glued_type(
        "(Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Luật|Pháp lệnh)( số)? $");
    for (auto match = std::sregex_iterator(title.begin(), title.end(), code); match != std::sregex_iterator(); ++match) {
        size_t at = static_cast<size_t>(match->position(0));
        // The pattern runs on into the next title's first letters ("2222/QĐ-BHXHTh" of
        // "…BHXHThông tư"): the number ends where the table's own number does.
        std::string number = RepairScrapedNumber(match->str(0), title);
        if (title.compare(at, number.size(), number) != 0) number = match->str(0);
        // "…năm 20223510/QĐ-BHXH…": no number has six digits or more; the first four are the
        // year that ends the title before it, glued on.
        bool after_year = false;
        if (size_t slash = number.find('/'); slash != std::string::npos && slash >= 6 &&
                                                (number.rfind("19", 0) == 0 || number.rfind("20", 0) == 0)) {
            at += 4;
            number = number.substr(4);
            after_year = true;
        }
        GluedSplit split{at, at + number.size(), number};
        // The number cell's own words glued to the title before it: "…trườngNghị định số 131/…".
        std::string before = title.substr(0, at);
        std::smatch type;
        if (std::regex_search(before, type, glued_type) && LetterBefore(title, static_cast<size_t>(type.position(0))))
            split.cut = static_cast<size_t>(type.position(0));
        else if (!LetterBefore(title, at) && !after_year)
            continue;  // "số 123/2015/NĐ-CP": a document the title cites
        if (TrimTitle(title.substr(0, split.cut)).empty()) continue;
        return split;
    }
    return std::nullopt;
}

std::string CompactNumber(const std::string& number) {
    std::string compact;
    for (char c : number)
        if (c != ' ') compact += c;
    return compact;
}

}  // namespace

int SplitGluedDocuments(std::vector<content::LegalDocument>& documents) {
    int split_titles = 0;
    for (size_t index = 0; index < documents.size(); ++index) {
        bool split_this = false;
        // A title may hold several glued rows: split until none is left (each split shortens it).
        while (auto split = FindGluedDocument(documents[index].title)) {
            std::string title = documents[index].title;
            content::LegalDocument glued{split->number, {}, IssuerFromNumber(split->number), TrimTitle(title.substr(0, split->cut))};
            std::string rest = TrimTitle(title.substr(split->rest));
            // "…46/2014/QH13 Sửa đổi …": the rest may open with this document's own number.
            const std::string& own = documents[index].number;
            if (!own.empty() && rest.rfind(own, 0) == 0) rest = TrimTitle(rest.substr(own.size()));
            documents[index].title = rest;
            split_this = true;
            auto same = std::find_if(documents.begin(), documents.end(), [&](const content::LegalDocument& document) {
                return CompactNumber(document.number) == CompactNumber(glued.number);
            });
            if (same == documents.end()) {
                documents.insert(documents.begin() + static_cast<std::ptrdiff_t>(index), std::move(glued));
                ++index;  // the document being split moved one on
            } else if (same->title.empty()) {
                same->title = glued.title;
            }
        }
        split_titles += split_this ? 1 : 0;
    }
    return split_titles;
}

bool RestoreCutTypeWord(std::string& title) {
    static const std::pair<std::string_view, std::string_view> cut_words[] = {
        {"hông tư ", "Thông tư "}, {"ghị định ", "Nghị định "}, {"uyết định ", "Quyết định "}, {"ghị quyết ", "Nghị quyết "}};
    for (const auto& [cut, whole] : cut_words)
        if (title.rfind(cut, 0) == 0) {
            title = std::string(whole) + title.substr(cut.size());
            return true;
        }
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
