#include "kiosk/core/dvcqg/glued_tables.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "kiosk/core/dvcqg/legal_numbers.hpp"
#include "kiosk/core/dvcqg/portal_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

constexpr std::string_view kDocumentsHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
constexpr std::string_view kLegalHeader = "Tên văn bản pháp lýMã văn bản";
constexpr std::string_view kOriginal = " bản chính";
constexpr std::string_view kCopy = " bản sao";

std::string Trim(std::string_view text, std::string_view extra = "") {
    auto is_trimmed = [&](char character) {
        return character == ' ' || character == '\n' || extra.find(character) != std::string_view::npos;
    };
    size_t start = 0, end = text.size();
    while (start < end && is_trimmed(text[start])) ++start;
    while (end > start && is_trimmed(text[end - 1])) --end;
    return text::CollapseWhitespace(text.substr(start, end - start));
}

bool IsDigit(char character) { return character >= '0' && character <= '9'; }

// Does a new row (or the end) begin at `position`? Row text starts with an upper-case
// letter, a list mark or a digit; a quantity inside a sentence is followed by lower case
// ("01 bản chính hoặc 01 bản sao").
// Legal titles never start with a digit, so there a digit after a code continues it
// ("Thông tư 57/2021/TT-BCA57/2021/TT-BCA": title, then the code column).
enum class DigitStartsRow { Yes, No };

bool RowBoundaryAt(std::string_view text, size_t position, DigitStartsRow digit = DigitStartsRow::Yes) {
    if (position >= text.size()) return true;
    char next = text[position];
    if (IsDigit(next)) return digit == DigitStartsRow::Yes;
    if (next == '-' || next == '+' || next == '*' || next == '\n' || next == '(') return true;
    if (next == ' ') return false;
    auto code_points = text::DecodeUtf8(text.substr(position, std::min<size_t>(4, text.size() - position)));
    if (code_points.empty()) return false;
    std::string first = text::EncodeUtf8(code_points.front());
    return text::LowerCase(first) != first;  // an upper-case letter
}

struct Quantity {
    size_t begin = 0, end = 0;  // the quantity text in the input
    int originals = 0, copies = 0;
};

// Reads "<n> bản chính[,<n> bản sao]" or "<n> bản sao" ending a row, searching from `from`.
std::optional<Quantity> NextQuantity(std::string_view text, size_t from) {
    while (from < text.size()) {
        size_t original = text.find(kOriginal, from);
        size_t copy = text.find(kCopy, from);
        size_t at = std::min(original, copy);
        if (at == std::string_view::npos) return std::nullopt;
        bool is_original = at == original;
        size_t digits = at;
        while (digits > 0 && IsDigit(text[digits - 1]) && at - digits < 3) --digits;
        if (digits == at) {
            from = at + 1;
            continue;
        }
        Quantity quantity;
        quantity.begin = digits;
        int number = std::stoi(std::string(text.substr(digits, at - digits)));
        size_t end = at + (is_original ? kOriginal.size() : kCopy.size());
        if (is_original) {
            quantity.originals = number;
            // ",1 bản sao" may follow.
            size_t after = end;
            if (after < text.size() && text[after] == ',') {
                size_t copy_digits = after + 1;
                while (copy_digits < text.size() && text[copy_digits] == ' ') ++copy_digits;
                size_t copy_end = copy_digits;
                while (copy_end < text.size() && IsDigit(text[copy_end])) ++copy_end;
                if (copy_end > copy_digits && text.substr(copy_end, kCopy.size()) == kCopy) {
                    quantity.copies = std::stoi(std::string(text.substr(copy_digits, copy_end - copy_digits)));
                    end = copy_end + kCopy.size();
                }
            }
        } else {
            quantity.copies = number;
        }
        if (!RowBoundaryAt(text, end)) {
            from = end;
            continue;
        }
        quantity.end = end;
        return quantity;
    }
    return std::nullopt;
}

// Splits "…kèm theo Thông tư số 53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc" into the
// name and the form file the portal glued to it.
std::pair<std::string, std::string> SplitFormFile(std::string_view row) {
    static const char* extensions[] = {".docx", ".doc", ".pdf", ".xlsx", ".xls", ".rtf", ".odt", ".zip"};
    std::string lower(row);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool has_extension = false;
    for (const char* extension : extensions) {
        std::string_view ext(extension);
        if (lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) has_extension = true;
    }
    if (!has_extension) return {std::string(row), std::string()};
    size_t run = row.size();
    while (run > 0) {
        unsigned char character = static_cast<unsigned char>(row[run - 1]);
        if (character <= ' ' || character >= 0x80) break;
        --run;
    }
    std::string_view token = row.substr(run);
    size_t cut = token.find_last_of(")];/,");
    size_t start = cut == std::string_view::npos ? 0 : cut + 1;
    if (cut == std::string_view::npos && run > 0 && static_cast<unsigned char>(row[run - 1]) >= 0x80) {
        // The run continues a Vietnamese word ("lên.PC22.docx"): the file starts after its dot.
        size_t dot = token.find_first_of(".;");
        if (dot != std::string_view::npos && dot + 1 < token.size()) start = dot + 1;
    }
    while (start < token.size() && token[start] == '.') ++start;
    std::string form(token.substr(start));
    std::string name = Trim(row.substr(0, run + start));
    // A bare extension (".doc") is no file name.
    if (form.find('.') == 0 || form.find('.') == std::string::npos || form.size() <= 5) form.clear();
    if (form.empty()) return {Trim(row), std::string()};
    return {name, form};
}

std::string QuantityText(const Quantity& quantity) {
    std::string text;
    if (quantity.originals > 0 || quantity.copies == 0) text = std::to_string(quantity.originals) + " bản chính";
    if (quantity.copies > 0) text += (text.empty() ? "" : ", ") + std::to_string(quantity.copies) + " bản sao";
    return text;
}

content::Document Row(std::string group, std::string name, std::string form, int originals, int copies,
                      std::string quantity_text) {
    content::Document row;
    row.group = std::move(group);
    row.name = std::move(name);
    row.form = std::move(form);
    row.originals = originals;
    row.copies = copies;
    row.quantity_text = std::move(quantity_text);
    return row;
}

}  // namespace

std::vector<content::Document> ParseDocumentsTable(std::string_view glued) {
    std::vector<content::Document> documents;
    std::string group;
    size_t position = 0;
    while (position < glued.size()) {
        size_t header = glued.find(kDocumentsHeader, position);
        size_t section_end = header == std::string_view::npos ? glued.size() : header;
        // Rows of the current section.
        while (position < section_end) {
            auto quantity = NextQuantity(glued.substr(0, section_end), position);
            if (!quantity) break;
            auto [name, form] = SplitFormFile(Trim(glued.substr(position, quantity->begin - position)));
            if (!name.empty() && name != "," && name != "-")
                documents.push_back(Row(group, name, form, quantity->originals, quantity->copies, QuantityText(*quantity)));
            position = quantity->end;
        }
        std::string rest = Trim(glued.substr(position, section_end - position), "*:-");
        if (header == std::string_view::npos) {
            // Text after the last row with no quantity: a note ("Lưu ý: …"); keep it.
            if (!rest.empty()) documents.push_back(Row(group, rest, std::string(), 0, 0, std::string()));
            break;
        }
        group = rest;  // the heading before a table names the rows under it
        position = header + kDocumentsHeader.size();
    }
    return documents;
}

std::vector<content::ProcedureResult> ParseResults(std::string_view glued, bool& stripped_page_text) {
    std::string text(glued);
    stripped_page_text = StripPageText(text);
    // In the result section even a bare "Từ khóa" (keywords) is the page, not a result.
    if (size_t keywords = text.find("Từ khóa"); keywords != std::string::npos) {
        text.erase(keywords);
        stripped_page_text = true;
    }
    glued = text;
    std::vector<content::ProcedureResult> results;
    constexpr std::string_view kCodeMark = "Mã:";
    size_t position = 0;
    while (position < glued.size()) {
        size_t mark = glued.find(kCodeMark, position);
        std::string name = Trim(glued.substr(position, mark == std::string_view::npos ? std::string_view::npos : mark - position), "-;");
        if (mark == std::string_view::npos) {
            if (!name.empty() && name != kNoInformation) results.push_back({name, std::string()});
            break;
        }
        size_t code_start = mark + kCodeMark.size();
        while (code_start < glued.size() && glued[code_start] == ' ') ++code_start;
        size_t code_end = code_start;
        while (code_end < glued.size() &&
               (std::isupper(static_cast<unsigned char>(glued[code_end])) || IsDigit(glued[code_end]) ||
                glued[code_end] == '.' || glued[code_end] == '-'))
            ++code_end;
        // The code ends at its last digit; an upper-case letter after it starts the next name.
        while (code_end > code_start && !IsDigit(glued[code_end - 1])) --code_end;
        if (!name.empty()) results.push_back({name, std::string(glued.substr(code_start, code_end - code_start))});
        position = code_end > code_start ? code_end : code_start;
    }
    return results;
}

namespace {

// "…của Bộ Tư pháp18/2026/NĐ-CP Nghị định quy định …", "…Luật Xây dựng62/2020/QH14 quy định
// …": a code glued to the title before it (no space) ends that row even when the next title
// starts after a space, or glued in lower case. Inside a title a cited code has a space before it ("Nghị định số
// 123/2015/NĐ-CP ngày …"), so it is not taken for a row's end.
bool GluedCodeEndsRow(std::string_view text, size_t code_begin, size_t code_end) {
    if (code_begin == 0 || code_end + 1 >= text.size()) return false;
    // "…Thông tư03/2025/TT-VPCPquy định …": glued on both sides, the next title in lower case.
    bool spaced_or_lower = text[code_end] == ' ' || (text[code_end] >= 'a' && text[code_end] <= 'z');
    if (!spaced_or_lower) return false;
    char before = text[code_begin - 1];
    bool glued_left = before != ' ' && before != '(' && before != ',' && before != ';' && before != '\n' && !IsDigit(before);
    if (!glued_left) return false;
    return true;
}

}  // namespace

std::vector<content::LegalDocument> ParseLegalBasis(std::string_view glued, const std::vector<std::string>& scraped_codes,
                                                    int* repaired_numbers) {
    std::vector<content::LegalDocument> references;
    if (size_t header = glued.find(kLegalHeader); header != std::string_view::npos)
        glued = glued.substr(header + kLegalHeader.size());
    // The scrape's numbers as the table writes them, and the ones it missed (legal_numbers.hpp).
    std::vector<std::string> codes;
    auto add = [&](const std::string& code) {
        if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    };
    int repaired = 0;
    for (const auto& code : scraped_codes) {
        std::string number = RepairScrapedNumber(code, glued);
        repaired += number != code ? 1 : 0;
        add(number);
    }
    for (const auto& number : DoubledNumbers(glued)) {
        repaired += std::find(codes.begin(), codes.end(), number) == codes.end() ? 1 : 0;
        add(number);
    }
    if (repaired_numbers) *repaired_numbers = repaired;
    // Every place a known code ends a row.
    std::vector<std::pair<size_t, std::string>> ends;
    for (const auto& code : codes) {
        if (code.empty()) continue;
        for (size_t at = glued.find(code); at != std::string_view::npos; at = glued.find(code, at + 1)) {
            size_t end = at + code.size();
            // A number glued to the text before it and followed by another known number
            // ("…Việt Nam490/QĐ-BHXH01/2013/TT-BVHTTDL…") is a number cell: the next row starts.
            // A number after a space is cited in its title ("bởi Nghị định số
            // 07/2025/NĐ-CP280/2025/NĐ-CP"); the same number again is the number cell after a
            // title ending with it.
            bool number_follows = at > 0 && glued[at - 1] != ' ' &&
                                  std::any_of(codes.begin(), codes.end(), [&](const std::string& next) {
                                      return next != code && glued.compare(end, next.size(), next) == 0;
                                  });
            if (RowBoundaryAt(glued, end, DigitStartsRow::No) || GluedCodeEndsRow(glued, at, end) || number_follows)
                ends.push_back({end, code});
        }
    }
    std::sort(ends.begin(), ends.end());
    size_t position = 0;
    std::vector<std::string> used;
    for (const auto& [end, code] : ends) {
        if (end <= position) continue;
        std::string title = Trim(glued.substr(position, end - code.size() - position), ";,");
        // A code glued to the next word inside a title ("TT-BCAngày") gets its space back.
        for (const auto& known : codes)
            for (size_t at = title.find(known); at != std::string::npos; at = title.find(known, at + known.size())) {
                size_t after = at + known.size();
                if (after < title.size() && title[after] != ' ' && title[after] != ',' && title[after] != ';' &&
                    title[after] != ')' && title[after] != '.')
                    title.insert(after, " ");
            }
        // "46/2014/QH13 Sửa đổi, bổ sung …46/2014/QH13": a title opening with its own number.
        if (title.rfind(code + " ", 0) == 0) title = Trim(title.substr(code.size()), ";,-");
        if (title == code) title.clear();  // "106/2024/NĐ-CP106/2024/NĐ-CP": a number, no title
        position = end;
        if (std::find(used.begin(), used.end(), code) != used.end()) continue;  // listed once
        references.push_back({code, std::string(), std::string(), title});
        used.push_back(code);
    }
    // Codes the text did not place still belong to the procedure.
    for (const auto& code : codes)
        if (!code.empty() && std::find(used.begin(), used.end(), code) == used.end()) {
            references.push_back({code, std::string(), std::string(), std::string()});
            used.push_back(code);
        }
    return references;
}

content::Fee ParseFee(std::string_view raw) {
    content::Fee fee;
    std::string text = text::CollapseWhitespace(raw);
    fee.text = text;
    if (text.empty() || text == kNoInformation) {
        fee.kind = content::FeeKind::Unknown;
        fee.text.clear();
        return fee;
    }
    std::string folded = text::Fold(text);
    if (folded == "mien phi" || folded == "khong" || folded == "khong thu phi") {
        fee.kind = content::FeeKind::Free;
        return fee;
    }
    // "5,000 Việt Nam Đồng", "100,000 VNĐ", "50.000 đồng": digits grouped by , or .
    static const std::regex amount(R"(^([0-9]{1,3}(?:[.,][0-9]{3})*|[0-9]+) (viet nam dong|vnd|dong)$)");
    std::smatch match;
    if (std::regex_match(folded, match, amount)) {
        std::string digits;
        for (char character : match[1].str())
            if (IsDigit(character)) digits += character;
        if (digits.size() > 15) {  // not a fee anyone pays; keep the words
            fee.kind = content::FeeKind::Other;
            return fee;
        }
        long long value = std::stoll(digits);
        fee.kind = value == 0 ? content::FeeKind::Free : content::FeeKind::Amount;
        if (value > 0) fee.amount_dong = value;
        return fee;
    }
    fee.kind = content::FeeKind::Other;
    return fee;
}

}  // namespace kiosk::dvcqg
