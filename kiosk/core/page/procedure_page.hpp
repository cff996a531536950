#pragma once
// ProcedurePage: one procedure as a citizen reads it, every word already chosen. The detail
// screen draws it and `kiosk procedure show` prints it, so what staff and tests read on the
// command line is what the screen shows. Three parts, in this order: what a citizen needs
// (summary, papers, notes, time, fee, where, online, QR), the portal's full text (steps,
// conditions, results), and the legal information the portal publishes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/config.hpp"
#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::catalog {
class Catalog;
}

namespace kiosk::page {

// The picture beside a fact; the screen draws it, the JSON names it.
enum class Symbol { None, Clock, Money, Place, Hours, Globe };

// One labelled answer: "Thời gian: 1 ngày làm việc", "Số quyết định công bố: 163/QĐ-BTP".
struct Fact {
    std::string id;      // stable name for scripts and tests: "time", "fee", "where", "decision" …
    Symbol symbol = Symbol::None;
    std::string label;
    std::string value;
    std::vector<std::string> details;  // smaller lines under the value, in full (a fee's conditions)
};

// One paper to bring: a row of the checklist.
struct Paper {
    std::string name;
    std::string quantity;  // "1 bản chính, 1 bản sao"; empty when the portal gives no number
    std::string form;      // "Mẫu: Tờ khai đăng ký khai sinh"; empty without a form
    std::string details;   // what the portal says about this paper: its substitute, when it is not needed
};

// Papers under one heading: the portal's group ("Giấy tờ phải nộp") or a condition
// ("Trường hợp trẻ em bị bỏ rơi").
struct PaperGroup {
    std::string heading;  // may be empty
    std::vector<Paper> papers;
};

enum class SectionKind {
    Summary,            // the commune's plain-language summary (overrides)
    Essentials,         // time, fee, where, hours, online: the card with pictures
    Papers,             // the checklist everyone needs
    ConditionalPapers,  // papers needed only in a named case, under that case
    Notes,              // "Lưu ý": what the portal lists among the papers but is not one
    Qr,                 // the procedure's own page on the portal
    Channels,           // each way to file with its time and fee
    Steps,
    Subjects,
    Requirements,
    Results,
    LegalFacts,         // số quyết định, cấp, loại, lĩnh vực, cơ quan, mẫu đơn
    LegalBasis,         // one document a line
};

struct Section {
    SectionKind kind = SectionKind::Steps;
    std::string title;
    std::string official;  // "Tên chính thức: Thành phần hồ sơ" where the portal's word matters
    std::string hint;      // one line under the title ("Chạm vào từng giấy tờ …")
    std::vector<Fact> facts;          // Essentials, Channels, LegalFacts
    std::vector<PaperGroup> groups;   // Papers, ConditionalPapers
    std::vector<std::string> lines;   // every other kind: paragraphs, already numbered where numbered
    std::string action;    // Essentials: the button to the online-filing guide, when filing online is possible
    std::string qr_url;    // Qr
    std::string qr_caption;
};

enum class PartKind { Essentials, FullText, Legal };

struct Part {
    PartKind kind = PartKind::Essentials;
    std::string title;
    std::vector<Section> sections;
};

struct ProcedurePage {
    std::string code;
    std::string name;
    std::string code_line;      // "Mã thủ tục 1.001193"
    std::string language_note;  // in English: the procedure's own texts are Vietnamese only
    std::string stamp;          // "Xã đã kiểm tra ngày 01/12/2026"; empty when the commune has not
    std::vector<Part> parts;
    std::string content_age;    // "Dữ liệu cập nhật ngày … (… ngày trước)."; empty when unknown
    std::string content_stale;  // the warning when the content is older than allowed; else empty
};

// What a page is made from. The catalog gives all of it (PageFromCatalog); tests may give
// a procedure and a manifest straight from content/.
struct PageSource {
    const content::Procedure* procedure = nullptr;
    const content::Manifest* manifest = nullptr;
    std::string field_name;                 // the Lĩnh vực's name; empty when unknown
    Language language = Language::Vietnamese;
    std::optional<int> content_age_days;    // days since the content was made
    int content_max_age_days = 180;
};

ProcedurePage BuildProcedurePage(const PageSource& source);

// The page of `code` in force in `catalog`, or the catalog's error (unknown code).
Result<ProcedurePage> PageFromCatalog(const catalog::Catalog& catalog, std::string_view code, Language language,
                                      int content_max_age_days);

const char* SymbolCode(Symbol symbol);             // "clock", "money", "place", "hours", "globe", "none"
const char* SectionKindCode(SectionKind kind);     // "summary", "essentials", "papers", …
const char* PartKindCode(PartKind kind);           // "essentials", "full_text", "legal"

// The section of `kind` anywhere on the page, or nullptr.
const Section* FindSection(const ProcedurePage& page, SectionKind kind);

}  // namespace kiosk::page
