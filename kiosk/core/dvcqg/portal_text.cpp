#include "kiosk/core/dvcqg/portal_text.hpp"

#include <algorithm>

#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

bool HasOddWhitespace(std::string_view raw) {
    return raw.find('\t') != std::string_view::npos || raw.find("\xC2\xA0") != std::string_view::npos;
}

// Invisible format characters (left-to-right marks, zero-width joiners, soft hyphens) that
// the portal's editors pasted in: ImGui would draw them as "?".
std::string RemoveInvisibleMarks(std::string text, ImportReport& report) {
    static const char* marks[] = {"\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\u00AD"};
    bool removed = false;
    for (const char* mark : marks) {
        std::string_view needle(mark);
        for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) {
            text.erase(at, needle.size());
            removed = true;
        }
    }
    if (removed) report.Count("invisible format characters removed (values)");
    return text;
}

}  // namespace

bool StripPageText(std::string& text) {
    size_t cut = text.find("Chọn cơ quan thực hiện");
    size_t keywords = text.find("Từ khóa");
    if (keywords != std::string::npos && text.find("Mô tả", keywords) != std::string::npos) cut = std::min(cut, keywords);
    if (cut == std::string::npos) return false;
    text.erase(cut);
    return true;
}

std::string CleanLine(std::string_view raw, ImportReport& report) {
    if (raw.empty()) return {};
    std::string normalized = text::NormalizeNfc(raw);
    if (normalized != raw) report.Count("text in decomposed Unicode (NFD) normalized to NFC (values)");
    if (HasOddWhitespace(raw)) report.Count("tabs or no-break spaces collapsed (values)");
    std::string line = text::CollapseWhitespace(RemoveInvisibleMarks(normalized, report));
    if (line == kNoInformation) {
        report.Count("\"Không có thông tin\" read as empty (values)");
        return {};
    }
    return line;
}

std::vector<std::string> CleanParagraphs(std::string_view raw, ImportReport& report) {
    std::vector<std::string> paragraphs;
    if (raw.empty()) return paragraphs;
    std::string normalized = text::NormalizeNfc(raw);
    if (normalized != raw) report.Count("text in decomposed Unicode (NFD) normalized to NFC (values)");
    if (HasOddWhitespace(raw)) report.Count("tabs or no-break spaces collapsed (values)");
    normalized = RemoveInvisibleMarks(std::move(normalized), report);
    size_t start = 0;
    while (start <= normalized.size()) {
        size_t end = normalized.find('\n', start);
        if (end == std::string::npos) end = normalized.size();
        std::string line = text::CollapseWhitespace(std::string_view(normalized).substr(start, end - start));
        if (line == kNoInformation) {
            report.Count("\"Không có thông tin\" read as empty (values)");
        } else if (!line.empty()) {
            paragraphs.push_back(std::move(line));
        }
        start = end + 1;
    }
    return paragraphs;
}

std::string CleanText(std::string_view raw, ImportReport& report) {
    std::string joined;
    for (const auto& paragraph : CleanParagraphs(raw, report)) {
        if (!joined.empty()) joined += '\n';
        joined += paragraph;
    }
    return joined;
}

std::string ImportReport::Describe() const {
    std::string out;
    out += "records read (JSONL lines):     " + std::to_string(records_read) + "\n";
    out += "raw per-procedure files read:   " + std::to_string(raw_files_read) + "\n";
    out += "records selected:               " + std::to_string(records_selected) + "\n";
    out += "procedures written:             " + std::to_string(procedures_written) + "\n";
    out += "fields written:                 " + std::to_string(fields_written) + "\n";
    out += "problems met (kind: count):\n";
    if (problems.empty()) out += "  none\n";
    for (const auto& [kind, count] : problems) out += "  " + kind + ": " + std::to_string(count) + "\n";
    return out;
}

}  // namespace kiosk::dvcqg
