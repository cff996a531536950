// The procedure page a citizen reads, built from the real procedures in content/: the order
// of its parts, the kiosk's own words in both languages, the QR target, and no staff words
// ("Chưa xác minh", "(không ghi đơn vị)") where the content knows the answer.
#include <doctest/doctest.h>

#include <algorithm>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/page/page_json.hpp"
#include "kiosk/core/page/page_text.hpp"
#include "kiosk/core/page/page_words.hpp"
#include "kiosk/core/page/procedure_page.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using page::SectionKind;

namespace {

const content::ContentBundle& DemoContent() {
    static const content::ContentBundle bundle = [] {
        auto loaded = content::LoadContentDirectory(testing::SourceDirectory() / "content");
        REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? std::string() : loaded.error().message));
        return std::move(loaded.value());
    }();
    return bundle;
}

const content::Procedure& DemoProcedure(std::string_view code) {
    const auto& procedures = DemoContent().procedures;
    auto found = std::find_if(procedures.begin(), procedures.end(), [&](const auto& item) { return item.code == code; });
    REQUIRE_MESSAGE(found != procedures.end(), "content/ has no procedure " << code);
    return *found;
}

page::ProcedurePage PageOf(const content::Procedure& procedure, Language language = Language::Vietnamese,
                           const content::Manifest* manifest = nullptr) {
    page::PageSource source;
    source.procedure = &procedure;
    source.manifest = manifest ? manifest : &DemoContent().manifest;
    for (const auto& field : DemoContent().fields)
        if (field.id == procedure.field_id) source.field_name = field.name;
    source.language = language;
    return page::BuildProcedurePage(source);
}

const page::Fact* FindFact(const page::Section& section, std::string_view id) {
    for (const auto& fact : section.facts)
        if (fact.id == id) return &fact;
    return nullptr;
}

// Where each section kind sits, counting through every part in order.
std::vector<SectionKind> SectionOrder(const page::ProcedurePage& page) {
    std::vector<SectionKind> kinds;
    for (const auto& part : page.parts)
        for (const auto& section : part.sections) kinds.push_back(section.kind);
    return kinds;
}

const char* kKhaiSinh = "1.001193";
// Nhận cha, mẹ, con: a procedure the demo commune has not corrected (content/overrides.json),
// so its page is the portal's alone.
const char* kNotCorrected = "1.001022";

}  // namespace

TEST_CASE("page: khai sinh reads in a citizen's order — what to know, the full text, the legal information") {
    auto page = PageOf(DemoProcedure(kKhaiSinh));
    REQUIRE(page.parts.size() == 3);
    CHECK(page.parts[0].kind == page::PartKind::Essentials);
    CHECK(page.parts[1].kind == page::PartKind::FullText);
    CHECK(page.parts[1].title == "Toàn văn trên Cổng Dịch vụ công");
    CHECK(page.parts[2].kind == page::PartKind::Legal);
    CHECK(page.parts[2].title == "Thông tin pháp lý");

    auto order = SectionOrder(page);
    auto at = [&](SectionKind kind) {
        auto found = std::find(order.begin(), order.end(), kind);
        REQUIRE_MESSAGE(found != order.end(), "no section " << page::SectionKindCode(kind));
        return found - order.begin();
    };
    // The commune's summary (overrides.json), then time, fee, where and online; then the
    // papers; the QR before any of the full text.
    CHECK(at(SectionKind::Summary) == 0);
    CHECK(at(SectionKind::Essentials) == 1);
    CHECK(at(SectionKind::Essentials) < at(SectionKind::Papers));
    CHECK(at(SectionKind::Papers) < at(SectionKind::Qr));
    CHECK(at(SectionKind::Qr) < at(SectionKind::Channels));
    CHECK(at(SectionKind::Channels) < at(SectionKind::Steps));
    CHECK(at(SectionKind::Steps) < at(SectionKind::Results));
    CHECK(at(SectionKind::Results) < at(SectionKind::LegalFacts));
    CHECK(at(SectionKind::LegalFacts) < at(SectionKind::LegalBasis));

    const page::Section& essentials = page.parts[0].sections[1];
    std::vector<std::string> ids;
    for (const auto& fact : essentials.facts) ids.push_back(fact.id);
    CHECK(ids == std::vector<std::string>{"time", "fee", "where", "hours", "online"});
}

TEST_CASE("page: the QR opens the procedure's own portal page, not a search") {
    const auto& procedure = DemoProcedure(kKhaiSinh);
    REQUIRE_FALSE(DemoContent().manifest.commune.portal_ward_code.empty());  // a search could be built
    auto page = PageOf(procedure);
    const page::Section* qr = page::FindSection(page, SectionKind::Qr);
    REQUIRE(qr);
    CHECK(qr->qr_url == procedure.portal_url);
    CHECK(qr->qr_url.rfind("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/", 0) == 0);
    CHECK(qr->qr_caption == "Quét mã bằng điện thoại để mở trang này");
}

TEST_CASE("page: where to file is the commune's office, with its hours, when the portal names none") {
    const auto& procedure = DemoProcedure(kKhaiSinh);
    REQUIRE(procedure.reception_address.empty());
    REQUIRE(procedure.commune_level);
    const auto& commune = DemoContent().manifest.commune;
    auto page = PageOf(procedure);
    const page::Section* essentials = page::FindSection(page, SectionKind::Essentials);
    REQUIRE(essentials);
    REQUIRE(FindFact(*essentials, "where"));
    CHECK(FindFact(*essentials, "where")->value == commune.address);
    REQUIRE(FindFact(*essentials, "hours"));
    CHECK(FindFact(*essentials, "hours")->value == commune.opening_hours);

    // A commune without an address on file: the desk, in words a citizen understands.
    content::Manifest no_address = DemoContent().manifest;
    no_address.commune.address.clear();
    auto asked = PageOf(procedure, Language::Vietnamese, &no_address);
    const page::Fact* where = FindFact(*page::FindSection(asked, SectionKind::Essentials), "where");
    REQUIRE(where);
    CHECK(where->value == "Hỏi cán bộ một cửa");
    CHECK_FALSE(FindFact(*page::FindSection(asked, SectionKind::Essentials), "hours"));
}

TEST_CASE("page: online filing follows the portal's channels when the level is not known") {
    // The importer already turns a Trực tuyến channel into "can be filed online"; content
    // made by hand may still say "unknown", and the page must not contradict its channels.
    CHECK(DemoProcedure(kKhaiSinh).online_level == content::OnlineLevel::OnlineFiling);
    content::Procedure procedure = DemoProcedure(kKhaiSinh);
    procedure.online_level = content::OnlineLevel::Unknown;
    REQUIRE(procedure.HasOnlineChannel());
    auto page = PageOf(procedure);
    const page::Section* essentials = page::FindSection(page, SectionKind::Essentials);
    const page::Fact* online = FindFact(*essentials, "online");
    REQUIRE(online);
    CHECK(online->value == "Nộp trực tuyến được");
    CHECK(essentials->action == "Xem cách làm trên điện thoại");

    content::Procedure desk_only = procedure;
    std::erase_if(desk_only.channels, [](const auto& channel) { return channel.kind == content::ChannelKind::Online; });
    auto desk = PageOf(desk_only);
    const page::Section* desk_essentials = page::FindSection(desk, SectionKind::Essentials);
    CHECK(FindFact(*desk_essentials, "online")->value == "Không nộp trực tuyến");
    CHECK(desk_essentials->action.empty());
}

TEST_CASE("page: no staff words on any of the 307 pages where the content knows the answer") {
    REQUIRE(DemoContent().procedures.size() >= 300);
    int commune_level = 0;
    for (const auto& procedure : DemoContent().procedures) {
        auto page = PageOf(procedure);
        std::string json = page::PageToJson(page).dump();
        CHECK_MESSAGE(json.find("Chưa xác minh") == std::string::npos, procedure.code);
        CHECK_MESSAGE(json.find("không ghi đơn vị") == std::string::npos, procedure.code);
        if (!procedure.commune_level) continue;
        ++commune_level;
        // The manifest has the commune's address: a commune-level page always says where.
        const page::Fact* where = FindFact(*page::FindSection(page, SectionKind::Essentials), "where");
        CHECK_MESSAGE(where->value != "Hỏi cán bộ một cửa", procedure.code);
    }
    CHECK(commune_level > 250);
}

TEST_CASE("page: in English the kiosk's own words are English and the texts are said to be Vietnamese") {
    const auto& procedure = DemoProcedure(kNotCorrected);
    auto vietnamese = PageOf(procedure, Language::Vietnamese);
    auto english = PageOf(procedure, Language::English);
    CHECK(vietnamese.language_note.empty());
    CHECK(english.language_note == "Procedure texts are in Vietnamese only.");
    CHECK(english.code_line == "Procedure code 1.001022");
    CHECK(english.name == procedure.name);  // the portal's text stays as published

    const page::Section* essentials = page::FindSection(english, SectionKind::Essentials);
    REQUIRE(essentials);
    // The portal writes "Miễn phí" beside a note that the province sets the fee: not free.
    CHECK(FindFact(*essentials, "fee")->value == "Set by the province");
    CHECK(FindFact(*essentials, "fee")->label == "Fee");
    REQUIRE(FindFact(*essentials, "fee")->details.size() == 1);
    CHECK(FindFact(*essentials, "fee")->details[0].find("Hội đồng nhân dân tỉnh") != std::string::npos);
    // The portal's rows give "1" with no unit: a citizen is sent to the desk, in their language.
    CHECK(FindFact(*essentials, "time")->value == "Ask at the desk");
    CHECK(FindFact(*page::FindSection(vietnamese, SectionKind::Essentials), "time")->value == "Hỏi cán bộ một cửa");
    CHECK(page::FindSection(english, SectionKind::Papers)->title == "Papers to bring");
    CHECK(english.parts[2].title == "Legal information");

    // Nothing the kiosk itself says on the English page is left in Vietnamese.
    std::string text = page::PageToText(english);
    for (const char* vietnamese_word : {"Miễn phí", "Hỏi cán bộ", "Giấy tờ cần mang theo", "Thời gian", "Lệ phí",
                                        "Quét mã", "Toàn văn", "Thông tin pháp lý"})
        CHECK_MESSAGE(text.find(vietnamese_word) == std::string::npos, vietnamese_word);
}

TEST_CASE("page: the legal information the portal publishes, one legal document a line") {
    const auto& procedure = DemoProcedure(kKhaiSinh);
    auto page = PageOf(procedure);
    const page::Section* facts = page::FindSection(page, SectionKind::LegalFacts);
    REQUIRE(facts);
    REQUIRE(FindFact(*facts, "decision"));
    CHECK(FindFact(*facts, "decision")->value == "163/QĐ-BTP");
    CHECK(FindFact(*facts, "decision")->label == "Số quyết định công bố");
    CHECK(FindFact(*facts, "levels")->value == "Cấp xã");
    CHECK(FindFact(*facts, "type")->value == procedure.procedure_type);
    CHECK(FindFact(*facts, "field")->value == "Hộ tịch");
    const page::Section* basis = page::FindSection(page, SectionKind::LegalBasis);
    REQUIRE(basis);
    CHECK(basis->lines.size() == procedure.legal_basis.size());
    // Khai sinh's first document, 85/2019/TT-BTC, is titled without its issuer: the page adds it.
    CHECK(procedure.legal_basis.front().number == "85/2019/TT-BTC");
    CHECK(basis->lines.front() == "85/2019/TT-BTC (Bộ Tài chính) — " + procedure.legal_basis.front().title);
    // A title that already says when and by whom ("… ngày 15/11/2015 của Chính phủ …") is not repeated.
    auto decree = std::find_if(procedure.legal_basis.begin(), procedure.legal_basis.end(),
                               [](const auto& document) { return document.number == "123/2015/NĐ-CP"; });
    REQUIRE(decree != procedure.legal_basis.end());
    CHECK(decree->date == "2015-11-15");
    CHECK(decree->issuer == "Chính phủ");
    CHECK(std::find(basis->lines.begin(), basis->lines.end(), "123/2015/NĐ-CP — " + decree->title) != basis->lines.end());
    // A date the title does not carry is shown, written the Vietnamese way.
    content::Procedure dated = procedure;
    dated.legal_basis = {{"60/2014/QH13", "2014-11-20", "Quốc hội", "Luật Hộ tịch"}};
    CHECK(page::FindSection(PageOf(dated), SectionKind::LegalBasis)->lines.front() ==
          "60/2014/QH13 (ngày 20/11/2014, Quốc hội) — Luật Hộ tịch");
    // Glued titles were split by the importer: no line carries a second document's number.
    for (const auto& line : basis->lines) CHECK_MESSAGE(line.find("pháp18/") == std::string::npos, line);

    // Agencies and form templates appear by name when the portal gives them.
    auto with_agencies = std::find_if(DemoContent().procedures.begin(), DemoContent().procedures.end(), [](const auto& item) {
        return !item.agencies.coordinating.empty() && !item.agencies.competent.empty();
    });
    REQUIRE(with_agencies != DemoContent().procedures.end());
    auto agencies = PageOf(*with_agencies);
    const page::Section* agency_facts = page::FindSection(agencies, SectionKind::LegalFacts);
    CHECK(FindFact(*agency_facts, "competent")->value == with_agencies->agencies.competent);
    CHECK(FindFact(*agency_facts, "coordinating")->value == with_agencies->agencies.coordinating);
    auto with_form = std::find_if(DemoContent().procedures.begin(), DemoContent().procedures.end(), [](const auto& item) {
        return std::any_of(item.documents.begin(), item.documents.end(), [](const auto& d) { return !d.form.empty(); });
    });
    REQUIRE(with_form != DemoContent().procedures.end());
    const page::Fact* forms = FindFact(*page::FindSection(PageOf(*with_form), SectionKind::LegalFacts), "forms");
    REQUIRE(forms);
    CHECK_FALSE(forms->details.empty());
}

TEST_CASE("page: steps are numbered once, papers carry their numbers in the page's language") {
    content::Procedure procedure = DemoProcedure(kKhaiSinh);
    // The importer removes the portal's own marks ("Bước 1:", "- "); the page numbers every step.
    procedure.steps = {{"Nộp hồ sơ.", {}}, {"Cán bộ kiểm tra hồ sơ.", {"(i) Trường hợp hồ sơ đầy đủ thì tiếp nhận."}}};
    content::Document paper_row;
    paper_row.group = "Giấy tờ phải nộp";
    paper_row.name = "Tờ khai đăng ký khai sinh";
    paper_row.form = "TK-KS.docx";
    paper_row.originals = 1;
    paper_row.copies = 2;
    procedure.documents = {paper_row};
    auto page = PageOf(procedure);
    CHECK(page::FindSection(page, SectionKind::Steps)->lines ==
          std::vector<std::string>{"1. Nộp hồ sơ.", "2. Cán bộ kiểm tra hồ sơ.", "• (i) Trường hợp hồ sơ đầy đủ thì tiếp nhận."});
    const page::Paper& paper = page::FindSection(page, SectionKind::Papers)->groups.at(0).papers.at(0);
    CHECK(paper.quantity == "1 bản chính, 2 bản sao");
    CHECK(paper.form == "Mẫu: TK-KS.docx");
    auto english = PageOf(procedure, Language::English);
    const page::Paper& english_paper = page::FindSection(english, SectionKind::Papers)->groups.at(0).papers.at(0);
    CHECK(english_paper.quantity == "1 original, 2 copies");
}

TEST_CASE("page: a paper shows what the portal says about it, papers under no heading come first") {
    // 1.000080's tờ khai is in the portal's table after "Giấy tờ phải xuất trình" under no heading
    // of its own: below that heading it would read as a paper to show, not to file.
    const auto& procedure = DemoProcedure("1.000080");
    auto page = PageOf(procedure);
    const page::Section* papers = page::FindSection(page, SectionKind::Papers);
    REQUIRE(papers);
    REQUIRE(papers->groups.size() >= 2);
    CHECK(papers->groups.front().heading.empty());
    CHECK(papers->groups.front().papers.front().name.rfind("Tờ khai đăng ký nhận cha, mẹ, con", 0) == 0);
    for (size_t index = 1; index < papers->groups.size(); ++index) CHECK_FALSE(papers->groups[index].heading.empty());
    // Every paper's details (its substitute, when it is not needed) reach the page, on all 307.
    int with_details = 0;
    for (const auto& any : DemoContent().procedures) {
        auto any_page = PageOf(any);
        std::vector<std::string> shown;
        for (SectionKind kind : {SectionKind::Papers, SectionKind::ConditionalPapers})
            if (const page::Section* section = page::FindSection(any_page, kind))
                for (const auto& group : section->groups)
                    for (const auto& paper : group.papers) shown.push_back(paper.details);
        for (const auto& document : any.documents) {
            if (document.details.empty()) continue;
            ++with_details;
            CHECK_MESSAGE(std::find(shown.begin(), shown.end(), document.details) != shown.end(), any.code);
        }
    }
    CHECK(with_details > 50);
}

TEST_CASE("page words: times and fees as people read them, in either language") {
    using page::FeeWords;
    using page::TimeWords;
    using content::TimeUnit;
    CHECK(TimeWords({"3", TimeUnit::WorkingDays, "3 Ngày làm việc"}, Language::Vietnamese) == "3 ngày làm việc");
    CHECK(TimeWords({"3", TimeUnit::WorkingDays, "3 Ngày làm việc"}, Language::English) == "3 working days");
    CHECK(TimeWords({"0.5", TimeUnit::Days, "0.5 Ngày"}, Language::Vietnamese) == "0,5 ngày");
    CHECK(TimeWords({"0.5", TimeUnit::Days, "0.5 Ngày"}, Language::English) == "0.5 days");
    CHECK(TimeWords({"24", TimeUnit::Hours, ""}, Language::Vietnamese) == "24 giờ");
    CHECK(TimeWords({"", TimeUnit::SameDay, "Trong ngày"}, Language::Vietnamese) == "Trong ngày");
    CHECK(TimeWords({"1", TimeUnit::Unknown, "1"}, Language::Vietnamese) == "Hỏi cán bộ một cửa");
    CHECK(TimeWords({"", TimeUnit::Unknown, ""}, Language::English) == "Ask at the desk");
    CHECK(FeeWords({content::FeeKind::ProvinceSet, std::nullopt, "Miễn phí", "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định."},
                   Language::Vietnamese) == "Theo mức của tỉnh");
    CHECK(FeeWords({content::FeeKind::Amount, 50000, "50,000"}, Language::Vietnamese) == "50.000 đồng");
    CHECK(FeeWords({content::FeeKind::Amount, 50000, "50,000"}, Language::English) == "50,000 VND");
    CHECK(FeeWords({content::FeeKind::Free, std::nullopt, "Miễn phí"}, Language::English) == "Free");
    CHECK(FeeWords({content::FeeKind::Unknown, std::nullopt, ""}, Language::Vietnamese) == "Hỏi cán bộ một cửa");
    CHECK(FeeWords({content::FeeKind::Other, std::nullopt, "10 USD"}, Language::English) == "10 USD");
}
