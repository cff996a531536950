#include "kiosk/core/dvcqg/portal_documents.hpp"

#include <algorithm>
#include <optional>
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
std::string Capitalized(const std::string& text) { return text::CapitalizeFirst(text); }

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
    size_t must = FindAny(row, {" phải có ", " phải nộp ", " phải xuất trình ", " phải bổ sung "}, length);
    size_t colon = row.find(": ", length);  // "Đối với Quân đội nhân dân: Giấy giới thiệu …"
    size_t cut = std::min({then, must, colon});
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

// "Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo …", "(1.4) Đối với công
// trình tín ngưỡng": a heading that names a case makes the rows under it papers for that
// case. The case, or "" when the heading names none.
std::string CaseOfHeading(const std::string& group) {
    std::string heading = StripBullets(group);
    if (heading.size() > 2 && heading[0] == '(') {  // "(1.4) ": a numbered sub-heading
        size_t close = heading.find(") ");
        if (close != std::string::npos && close < 8) heading = heading.substr(close + 2);
    }
    size_t length = 0;
    if (!StartsWithAny(heading, {"Trường hợp ", "Đối với trường hợp ", "Riêng trường hợp ", "Đối với ", "Nếu "}, length))
        return {};
    std::string rest = heading.substr(length);
    // "Trường hợp 1: Xác nhận …": the case's own number is no part of it.
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits > 0 && rest.compare(digits, 2, ": ") == 0) rest = rest.substr(digits + 2);
    size_t then = rest.find(" thì ");
    return Capitalized(Trim(rest.substr(0, then)));
}

// The person a row opens with, when it is a sentence about someone rather than a paper's
// name: "Người nước ngoài … phải nộp …", "Người ủy quyền … chịu trách nhiệm …", "Khi có …".
bool OpensWithPerson(const std::string& row) {
    size_t length = 0;
    return StartsWithAny(row, {"Người ", "Cá nhân ", "Tổ chức ", "Cơ quan ", "Công dân ", "Bên ", "Khi "}, length);
}

// "Người nước ngoài … phải nộp bản sao hộ chiếu …" → the paper, for that person (no
// condition when the person is the applicant); not ok when no paper verb is in its first
// sentence.
Split SplitPersonPaper(const std::string& row);

// "Khi thực hiện thủ tục …, nhân viên bưu chính" → "nhân viên bưu chính".
std::string PersonOnly(const std::string& person) {
    size_t comma = person.rfind(", ");
    if (person.rfind("Khi ", 0) == 0 && comma != std::string::npos) return person.substr(comma + 2);
    return person;
}

// The applicant themself is no condition: "Người yêu cầu chứng thực xuất trình …" is for all.
bool IsTheApplicant(const std::string& person) {
    size_t length = 0;
    return StartsWithAny(person, {"Người yêu cầu", "Người có yêu cầu", "Người đề nghị", "Người nộp hồ sơ", "Người đi "}, length);
}

Split SplitPersonPaper(const std::string& row) {
    Split split;
    size_t sentence = row.find(". ");
    size_t verb = FindAny(row, {" phải nộp ", " phải xuất trình ", " xuất trình ", " nộp ", " cung cấp "});
    if (verb == std::string::npos || verb >= sentence) return split;
    std::string person = Trim(row.substr(0, verb));
    std::string rest = row.substr(verb + 1);
    for (std::string_view word : {"phải nộp ", "phải xuất trình ", "xuất trình ", "nộp ", "cung cấp "})
        if (rest.rfind(word, 0) == 0) {
            rest = rest.substr(word.size());
            break;
        }
    size_t end = rest.find(". ");
    split.name = Capitalized(Trim(rest.substr(0, end)));
    if (end != std::string::npos) split.details = Trim(rest.substr(end + 2), " ");
    if (!IsTheApplicant(person)) split.condition = person;
    split.ok = !split.name.empty();
    return split;
}

// "… thì phải thực hiện việc nộp/xuất trình … các giấy tờ sau", "… thành phần hồ sơ bao gồm":
// a row that only introduces the rows after it.
bool IsLeadIn(const std::string& row) {
    std::string text = Trim(row);
    for (std::string_view tail : {" sau", " sau đây", " bao gồm", " gồm", " gồm có"})
        if (text.ends_with(tail)) return true;
    return false;
}

// "Hồ sơ … bao gồm các giấy tờ theo quy định tại Luật …": says where the papers are listed,
// names none.
// "Giá trị sử dụng của giấy tờ … được xác định theo thời hạn …", "Việc ủy quyền thực hiện theo
// quy định tại mục (ii)", "Các thông tin này được thay thế bằng dữ liệu …": a rule about
// papers, said in its first sentence.
bool NamesNoPaper(const std::string& row) {
    std::string first = row.substr(0, row.find(". "));
    for (std::string_view statement : {"bao gồm các giấy tờ theo quy định", " được xác định theo ", " chịu trách nhiệm ",
                                       " được thay thế bằng ", " thực hiện theo quy định ", " có giá trị pháp lý "})
        if (first.find(statement) != std::string::npos) return true;
    return false;
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
    // A note ending in ":" ("… nộp các giấy tờ sau:") heads what follows it. Heading notes it
    // stays; heading papers (which the page lists itself) or nothing, it is dropped.
    std::optional<size_t> lead_in;
    std::optional<std::string> notes_group;  // the group whose rows are notes from a "Lưu ý:" row on
    auto drop_lead_in = [&] {
        if (!lead_in) return;
        out.notes.erase(out.notes.begin() + static_cast<std::ptrdiff_t>(*lead_in));
        ++out.lead_in_rows;
        lead_in.reset();
    };
    for (const auto& row : rows) {
        std::string text = StripBullets(row.name);
        if (text != Trim(row.name, " ")) ++out.marks_removed;
        // "Lưu ý:- Trường hợp …" opens the table's notes: this row and the rest of its group.
        std::string notes_rest;
        if (IsNotesHeading(text, notes_rest)) {
            text = StripBullets(notes_rest);
            notes_group = row.group;
        }
        if (Trim(text).empty()) {
            ++out.empty_rows;
            continue;
        }
        auto note = [&](bool zero) {
            ++out.note_rows;
            if (zero) ++out.zero_quantity_rows;
            lead_in.reset();
            if (seen.insert("note:" + text::Fold(text)).second) {
                out.notes.push_back(Trim(text, " "));
                if (out.notes.back().ends_with(':')) lead_in = out.notes.size() - 1;
            } else {
                ++out.duplicate_rows;
            }
        };
        if (IsNotesGroup(row.group) || (notes_group && *notes_group == row.group)) {
            note(row.originals == 0 && row.copies == 0);
            continue;
        }
        if (row.originals == 0 && row.copies == 0) {
            note(true);
            continue;
        }
        if (IsLeadIn(text)) {  // heads the rows after it, like a note ending in ":"
            text = Trim(text) + ":";
            note(false);
            continue;
        }
        if (NamesNoPaper(text)) {
            note(false);
            continue;
        }
        Document document = row;
        document.kind = content::DocumentKind::Paper;
        bool opens_with_case = false;
        {
            size_t length = 0;
            opens_with_case =
                StartsWithAny(text, {"Trường hợp ", "Đối với trường hợp ", "Riêng trường hợp ", "Nếu ", "Đối với "}, length);
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
        if (!split.ok && OpensWithPerson(text)) {
            Split person = SplitPersonPaper(text);
            if (!person.ok) {  // "Người ủy quyền … chịu trách nhiệm …": no paper in it
                note(false);
                continue;
            }
            split = person;
        }
        if (split.ok) {
            document.name = split.name;
            document.condition = Capitalized(split.condition);
            document.details = split.details;
        } else {
            auto [name, details] = NameAndDetails(text);
            document.name = name;
            document.details = details;
        }
        // The paper after a case may itself be a sentence: "(1) Giấy …", "Người nước ngoài phải
        // nộp bản sao hộ chiếu …", "… các tài liệu sau".
        document.name = StripBullets(document.name);
        if (split.ok && OpensWithPerson(document.name)) {
            if (Split person = SplitPersonPaper(document.name); person.ok) {
                document.name = person.name;
                if (!person.condition.empty()) document.condition += " (" + PersonOnly(person.condition) + ")";
                if (!person.details.empty()) document.details = person.details;
            }
        }
        if (IsLeadIn(document.name)) {
            text = Trim(text) + ":";
            note(false);
            continue;
        }
        if (document.condition.empty()) document.condition = CaseOfHeading(row.group);
        if (!document.condition.empty()) document.kind = DocumentKind::ConditionalPaper;
        drop_lead_in();
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
    drop_lead_in();
    out.documents = std::move(papers);
    for (auto& document : conditional) out.documents.push_back(std::move(document));
    return out;
}

}  // namespace kiosk::dvcqg
