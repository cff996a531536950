#include "kiosk/core/dvcqg/portal_documents.hpp"

#include <algorithm>
#include <set>

#include "kiosk/core/dvcqg/portal_bullets.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

using content::Document;
using content::DocumentKind;

std::string Trim(std::string_view text, std::string_view extra = " .;,:") {
    size_t start = 0, end = text.size();
    while (start < end && extra.find(text[start]) != std::string_view::npos) ++start;
    while (end > start && extra.find(text[end - 1]) != std::string_view::npos) --end;
    return text::CollapseWhitespace(text.substr(start, end - start));
}

// "biên bản …" → "Biên bản …": a paper's name starts with a capital like the portal's rows.
std::string Capitalized(std::string text) {
    auto code_points = text::DecodeUtf8(text);
    if (code_points.empty()) return text;
    std::string first = text::EncodeUtf8(code_points.front());
    static const std::string lower = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    static const std::string upper = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
    auto lower_points = text::DecodeUtf8(lower);
    auto upper_points = text::DecodeUtf8(upper);
    for (size_t index = 0; index < lower_points.size() && index < upper_points.size(); ++index)
        if (lower_points[index] == code_points.front()) return text::EncodeUtf8(upper_points[index]) + text.substr(first.size());
    return text;
}

// The first place any of `needles` occurs (callers list both "Trường hợp" and "trường hợp").
size_t FindAny(const std::string& text, const std::vector<std::string_view>& needles, size_t from = 0) {
    size_t best = std::string::npos;
    for (auto needle : needles) {
        size_t at = text.find(needle, from);
        if (at < best) best = at;
    }
    return best;
}

bool StartsWithAny(const std::string& text, const std::vector<std::string_view>& prefixes, size_t& length) {
    for (auto prefix : prefixes)
        if (text.rfind(prefix, 0) == 0) {
            length = prefix.size();
            return true;
        }
    return false;
}

// The words that introduce the paper after its case: "thì phải có", "thì nộp", "phải có".
const std::vector<std::string_view> kPaperVerbs = {
    "phải có thêm ", "phải có ", "phải nộp thêm ", "phải nộp ", "phải xuất trình ", "phải bổ sung ", "nộp thêm ",
    "nộp ", "xuất trình ", "bổ sung ", "cần có ", "kèm theo ", "có "};

std::string AfterVerb(std::string text) {
    size_t length = 0;
    if (StartsWithAny(text, kPaperVerbs, length)) text = text.substr(length);
    return text;
}

struct Split {
    bool ok = false;
    std::string condition, name, details;
};

// "Trường hợp X thì phải có Y. Z" / "Nếu X thì Y" / "Trường hợp X phải có Y".
Split SplitLeadingCase(const std::string& row) {
    Split split;
    size_t length = 0;
    if (!StartsWithAny(row, {"Trường hợp ", "Đối với trường hợp ", "Riêng trường hợp ", "Nếu ", "Đối với "}, length))
        return split;
    size_t then = row.find(" thì ", length);
    size_t must = FindAny(row, {" phải có ", " phải nộp ", " phải xuất trình "}, length);
    size_t cut = std::min(then, must);
    if (cut == std::string::npos) return split;
    split.condition = Trim(row.substr(length, cut - length));
    std::string rest = Trim(row.substr(cut == then ? cut + 5 : cut + 1));
    // "… thì không phải nộp …", "… thì được miễn …": a case that asks for nothing is a note.
    std::string folded = text::Fold(rest);
    if (folded.rfind("khong", 0) == 0 || folded.rfind("duoc", 0) == 0 || folded.rfind("co the", 0) == 0) return split;
    rest = AfterVerb(rest);
    size_t sentence = rest.find(". ");
    split.name = Capitalized(Trim(rest.substr(0, sentence)));
    if (sentence != std::string::npos) split.details = Trim(rest.substr(sentence + 2), " ");
    split.ok = !split.condition.empty() && !split.name.empty();
    return split;
}

// "Y trong trường hợp X. Z".
Split SplitTrailingCase(const std::string& row) {
    Split split;
    size_t at = FindAny(row, {" trong trường hợp ", " đối với trường hợp "});
    if (at == std::string::npos || at == 0) return split;
    size_t start = row.find("trường hợp ", at) + std::string_view("trường hợp ").size();
    size_t sentence = row.find(". ", start);
    split.name = Capitalized(Trim(row.substr(0, at)));
    split.condition = Trim(row.substr(start, sentence == std::string::npos ? std::string::npos : sentence - start));
    if (sentence != std::string::npos) split.details = Trim(row.substr(sentence + 2), " ");
    split.ok = !split.condition.empty() && !split.name.empty();
    return split;
}

// "Y (…, nếu X)" at the end of the name: the case is the channel or situation X.
Split SplitParentheticalCase(const std::string& row) {
    Split split;
    std::string text = Trim(row);
    if (text.empty() || text.back() != ')') return split;
    size_t open = text.rfind('(');
    if (open == std::string::npos) return split;
    std::string inside = text.substr(open + 1, text.size() - open - 2);
    size_t if_at = FindAny(inside, {"nếu ", "Nếu ", "trường hợp ", "Trường hợp ", "đối với "});
    if (if_at == std::string::npos) return split;
    split.condition = Trim(inside.substr(if_at));
    split.name = Trim(text.substr(0, open));
    split.details = Trim(inside.substr(0, if_at), " ,;");
    split.ok = !split.condition.empty() && !split.name.empty();
    return split;
}

// "Giấy chứng sinh; trường hợp không có … thì nộp …" → the paper, and its substitutes.
std::pair<std::string, std::string> NameAndDetails(const std::string& row) {
    size_t cut = FindAny(row, {"; trường hợp ", "; Trường hợp ", ". Trường hợp ", "; nếu ", ". Nếu ", ". Đối với "});
    if (cut == std::string::npos) return {Trim(row), std::string()};
    return {Trim(row.substr(0, cut)), Capitalized(Trim(row.substr(cut + 2), " "))};
}

bool IsNotesGroup(const std::string& group) {
    std::string folded = text::Fold(StripBullets(group));
    return folded.rfind("luu y", 0) == 0 || folded.rfind("chu y", 0) == 0 || folded.rfind("ghi chu", 0) == 0;
}

}  // namespace

PortalDocuments ClassifyDocumentRows(const std::vector<Document>& rows) {
    PortalDocuments out;
    std::vector<Document> papers, conditional;
    std::set<std::string> seen;
    for (const auto& row : rows) {
        std::string text = StripBullets(row.name);
        if (text != Trim(row.name, " ")) ++out.marks_removed;
        std::string notes_rest;
        if (IsNotesHeading(text, notes_rest)) text = notes_rest;
        if (Trim(text).empty()) {
            ++out.empty_rows;
            continue;
        }
        auto note = [&](bool zero) {
            ++out.note_rows;
            if (zero) ++out.zero_quantity_rows;
            if (seen.insert("note:" + text::Fold(text)).second) out.notes.push_back(Trim(text, " "));
            else ++out.duplicate_rows;
        };
        if (IsNotesGroup(row.group)) {
            note(row.originals == 0 && row.copies == 0);
            continue;
        }
        if (row.originals == 0 && row.copies == 0) {
            note(true);
            continue;
        }
        Document document = row;
        document.kind = content::DocumentKind::Paper;
        bool opens_with_case = false;
        {
            size_t length = 0;
            opens_with_case = StartsWithAny(text, {"Trường hợp ", "Đối với trường hợp ", "Riêng trường hợp ", "Nếu "}, length);
        }
        Split split = SplitLeadingCase(text);
        if (!split.ok && !opens_with_case) split = SplitTrailingCase(text);
        if (!split.ok && !opens_with_case) {
            Split channel = SplitParentheticalCase(text);
            // The desk's own channel is no condition at the desk.
            if (channel.ok && text::Fold(channel.condition).find("truc tiep") == std::string::npos) split = channel;
        }
        if (opens_with_case && !split.ok) {
            note(false);
            continue;
        }
        if (split.ok) {
            document.kind = DocumentKind::ConditionalPaper;
            document.name = split.name;
            document.condition = Capitalized(split.condition);
            document.details = split.details;
        } else {
            auto [name, details] = NameAndDetails(text);
            document.name = name;
            document.details = details;
        }
        std::string key = text::Fold(document.name) + "|" + text::Fold(document.condition);
        if (!seen.insert(key).second) {
            ++out.duplicate_rows;
            continue;
        }
        if (document.kind == DocumentKind::ConditionalPaper) {
            ++out.conditional_rows;
            conditional.push_back(std::move(document));
        } else {
            papers.push_back(std::move(document));
        }
    }
    out.documents = std::move(papers);
    for (auto& document : conditional) out.documents.push_back(std::move(document));
    return out;
}

}  // namespace kiosk::dvcqg
