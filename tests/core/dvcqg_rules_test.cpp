// Each rule by which the importer reads the portal's rows, tested on the real rows it was
// written for: tests/data/dvcqg_rows/portal_rows.json holds them, copied verbatim from
// ../shared/data/dvcqg so these tests run without the workshop.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/dvcqg/glued_tables.hpp"
#include "kiosk/core/dvcqg/legal_documents.hpp"
#include "kiosk/core/dvcqg/legal_numbers.hpp"
#include "kiosk/core/dvcqg/portal_bullets.hpp"
#include "kiosk/core/dvcqg/portal_channels.hpp"
#include "kiosk/core/dvcqg/portal_documents.hpp"
#include "kiosk/core/dvcqg/portal_steps.hpp"
#include "kiosk/core/dvcqg/portal_text.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using content::DocumentKind;
using content::FeeKind;
using content::TimeUnit;

namespace {

const nlohmann::json& Rows() {
    static const nlohmann::json rows = nlohmann::json::parse(
        testing::ReadFile(testing::SourceDirectory() / "tests" / "data" / "dvcqg_rows" / "portal_rows.json"));
    return rows;
}

const nlohmann::json& Row(const std::string& rule, const std::string& code) {
    for (const auto& row : Rows()["rows"])
        if (row["rule"] == rule && row["code"] == code) return row;
    FAIL("no real row for rule " << rule << " and procedure " << code << " in portal_rows.json");
    throw std::logic_error("unreachable");
}

std::string Text(const nlohmann::json& row) { return text::NormalizeNfc(row["value"].get<std::string>()); }

std::vector<std::string> Paragraphs(const std::string& raw) {
    dvcqg::ImportReport report;
    return dvcqg::CleanParagraphs(raw, report);
}

dvcqg::PortalDocuments Documents(const std::string& code) {
    auto rows = dvcqg::ParseDocumentsTable(Text(Row("documents", code)));
    dvcqg::ImportReport report;
    for (auto& row : rows) {
        row.group = dvcqg::CleanLine(row.group, report);
        row.name = dvcqg::CleanLine(row.name, report);
    }
    return dvcqg::ClassifyDocumentRows(rows);
}

const content::Document* FindPaper(const dvcqg::PortalDocuments& documents, std::string_view start) {
    for (const auto& document : documents.documents)
        if (document.name.rfind(start, 0) == 0) return &document;
    return nullptr;
}

const nlohmann::json& Channel(const std::string& code, const std::string& name) {
    for (const auto& channel : Row("channels", code)["value"])
        if (channel["channel"] == name) return channel;
    FAIL("procedure " << code << " has no channel " << name << " in portal_rows.json");
    throw std::logic_error("unreachable");
}

dvcqg::ChannelTime Time(const std::string& code, const std::string& name) {
    const auto& channel = Channel(code, name);
    const auto& row = Row("channels", code);
    return dvcqg::ReadTime(channel["time_value"].get<std::string>(), channel["time_unit"].get<std::string>(),
                           channel["time_raw"].get<std::string>(), channel["detail"].get<std::string>(),
                           text::NormalizeNfc(row.value("steps", std::string())));
}

dvcqg::ChannelFee Fee(const std::string& code, const std::string& name) {
    const auto& channel = Channel(code, name);
    dvcqg::ImportReport report;
    return dvcqg::ReadFee(dvcqg::CleanLine(channel["fee"].get<std::string>(), report),
                          dvcqg::CleanText(channel["detail"].get<std::string>(), report));
}

bool StartsWithPortalMark(const std::string& line) { return dvcqg::SplitBullet(line).kind != dvcqg::BulletKind::None; }

}  // namespace

TEST_CASE("dvcqg rules: khai sinh's papers are what a parent brings, conditions after them, notes apart") {
    auto birth = Documents("1.001193");
    // Every paper has something to bring; no note is a paper.
    for (const auto& document : birth.documents) {
        INFO(document.name);
        CHECK(document.originals + document.copies > 0);
        CHECK_FALSE(StartsWithPortalMark(document.name));
        CHECK(document.name.rfind("Trường hợp", 0) != 0);
    }
    // The papers everyone brings: the declaration, the birth certificate (or its substitute),
    // proof of identity.
    std::vector<std::string> papers;
    for (const auto& document : birth.documents)
        if (document.kind == DocumentKind::Paper) papers.push_back(document.name);
    REQUIRE(papers.size() == 3);
    const auto* certificate = FindPaper(birth, "Giấy chứng sinh");
    REQUIRE(certificate != nullptr);
    CHECK(certificate->name == "Giấy chứng sinh");
    CHECK(certificate->details.find("văn bản của người làm chứng") != std::string::npos);  // its substitute
    CHECK(FindPaper(birth, "Hộ chiếu/Thẻ căn cước công dân") != nullptr);
    CHECK(FindPaper(birth, "Tờ khai đăng ký khai sinh theo mẫu") != nullptr);

    // Conditional papers come after the papers everyone needs, each under its condition.
    bool conditional_seen = false;
    for (const auto& document : birth.documents) {
        if (document.kind == DocumentKind::ConditionalPaper) conditional_seen = true;
        else CHECK_FALSE(conditional_seen);
    }
    const auto* abandoned = FindPaper(birth, "Biên bản về việc trẻ bị bỏ rơi");
    REQUIRE(abandoned != nullptr);
    CHECK(abandoned->kind == DocumentKind::ConditionalPaper);
    CHECK(abandoned->condition == "Trẻ em bị bỏ rơi");
    const auto* proxy = FindPaper(birth, "Văn bản ủy quyền");
    REQUIRE(proxy != nullptr);
    CHECK(proxy->kind == DocumentKind::ConditionalPaper);
    CHECK(proxy->condition == "Ủy quyền thực hiện việc đăng ký khai sinh");
    const auto* surrogacy = FindPaper(birth, "Văn bản xác nhận của cơ sở y tế");
    REQUIRE(surrogacy != nullptr);
    CHECK(surrogacy->condition == "Khai sinh cho trẻ em sinh ra do mang thai hộ");
    // The online form is needed only online; at the desk it is a condition, not a paper.
    const auto* online_form = FindPaper(birth, "Mẫu hộ tịch điện tử tương tác");
    REQUIRE(online_form != nullptr);
    CHECK(online_form->kind == DocumentKind::ConditionalPaper);
    CHECK(online_form->condition.find("trực tuyến") != std::string::npos);

    // The "Lưu ý" rows and the "0 bản chính" explanations are notes.
    CHECK(birth.zero_quantity_rows >= 20);
    bool has_note = false;
    for (const auto& note : birth.notes) {
        CHECK_FALSE(StartsWithPortalMark(note));
        has_note = has_note || note.rfind("Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh", 0) == 0;
    }
    CHECK(has_note);
    // "… thực hiện việc nộp/xuất trình … các giấy tờ sau:" introduces the papers the page lists
    // itself: not a note. "Đối với việc xác định họ, …:" heads notes, and stays with them.
    CHECK(birth.lead_in_rows == 1);
    bool heading_kept = false;
    for (const auto& note : birth.notes) {
        CHECK_MESSAGE(note.find("các giấy tờ sau:") == std::string::npos, note);
        heading_kept = heading_kept || note == "Đối với việc xác định họ, dân tộc, quê quán, đặt tên cho trẻ:";
    }
    CHECK(heading_kept);
}

TEST_CASE("dvcqg rules: a row the portal repeats in its table is listed once") {
    auto documents = Documents("1.012538");
    CHECK(documents.duplicate_rows > 0);
    std::set<std::string> names;
    for (const auto& document : documents.documents) CHECK(names.insert(document.name + "|" + document.condition).second);
}

TEST_CASE("dvcqg rules: steps lose the portal's bullets, sub-cases stay with their step, notes are apart") {
    auto birth = dvcqg::ReadSteps(Paragraphs(Text(Row("steps", "1.001193"))));
    REQUIRE(birth.steps.size() == 5);  // the five "- " steps; "(i)", "+" lines continue them
    for (const auto& step : birth.steps) {
        INFO(step.text);
        CHECK_FALSE(StartsWithPortalMark(step.text));
    }
    CHECK(birth.steps[0].text.rfind("Nếu lựa chọn hình thức nộp hồ sơ trực tiếp", 0) == 0);
    // "(i) Trường hợp hồ sơ đầy đủ …" continues "Cán bộ tiếp nhận hồ sơ … kiểm tra", and
    // keeps its "(i)": a later line says "thực hiện lại bước (i)".
    REQUIRE(birth.steps[2].details.size() == 3);
    CHECK(birth.steps[2].details[0].rfind("(i) Trường hợp hồ sơ đầy đủ", 0) == 0);
    // "* Lưu ý:" and the lines after it are notes, never step 17.
    REQUIRE_FALSE(birth.notes.empty());
    CHECK(birth.notes[0].rfind("Trường hợp cha, mẹ trẻ đã đăng ký kết hôn", 0) == 0);
    for (const auto& step : birth.steps) CHECK(step.text.find("Lưu ý") == std::string::npos);

    // "a)", "b)" steps with unmarked and "-" lines under them.
    auto lettered = dvcqg::ReadSteps(Paragraphs(Text(Row("steps", "1.014208"))));
    REQUIRE(lettered.steps.size() >= 2);
    for (const auto& step : lettered.steps) CHECK_FALSE(StartsWithPortalMark(step.text));

    // "Bước 1:" steps: the kiosk numbers them, so the portal's "Bước N" goes.
    auto numbered = dvcqg::ReadSteps(Paragraphs(Text(Row("steps", "1.002755"))));
    REQUIRE(numbered.steps.size() >= 2);
    for (const auto& step : numbered.steps) CHECK(step.text.rfind("Bước", 0) != 0);
}

TEST_CASE("dvcqg rules: glued legal titles become one document each, with number, date and issuer") {
    const auto& birth_row = Row("legal", "1.001193");
    auto birth = dvcqg::ParseLegalBasis(Text(birth_row), birth_row["refs"].get<std::vector<std::string>>());
    int glued = 0;
    for (auto& document : birth) {
        if (dvcqg::RemoveGluedTypeTail(document.title)) ++glued;
        INFO(document.number << ": " << document.title);
        CHECK_FALSE(dvcqg::HasGluedWords(document.title));
    }
    CHECK(glued >= 1);  // "…của Bộ trưởng Bộ Tư phápThông tư số" + "03/2023/TT-BTP"
    bool found = false;
    for (const auto& document : birth) {
        if (document.number != "03/2023/TT-BTP") continue;
        found = true;
        CHECK(document.title == "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp");
        CHECK(dvcqg::DateAfterNumber(document.title, document.number) == "2023-08-02");
        CHECK(dvcqg::IssuerFromNumber(document.number) == "Bộ Tư pháp");
    }
    CHECK(found);
    // "…thuộc phạm vi quản lý của Bộ Tư pháp18/2026/NĐ-CP Nghị định quy định về Cơ sở dữ liệu
    // hộ tịch điện tử …87/2020/NĐ-CP": a number glued to its title ends that row, though the
    // next title starts after a space.
    auto number = [&](const std::string& code) {
        return std::find_if(birth.begin(), birth.end(), [&](const auto& document) { return document.number == code; });
    };
    REQUIRE(number("18/2026/NĐ-CP") != birth.end());
    CHECK(number("18/2026/NĐ-CP")->title.ends_with("thuộc phạm vi quản lý của Bộ Tư pháp"));
    REQUIRE(number("87/2020/NĐ-CP") != birth.end());
    CHECK(number("87/2020/NĐ-CP")->title == "Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến");
    CHECK(dvcqg::IssuerFromNumber("123/2015/NĐ-CP") == "Chính phủ");
    CHECK(dvcqg::IssuerFromNumber("60/2014/QH13") == "Quốc hội");
    CHECK(dvcqg::DateAfterNumber("Thông tư số 02/2020/TT-BTP ngày 08/4/2020 …; Thông tư số 04/2020/TT-BTP", "04/2020/TT-BTP").empty());
}

TEST_CASE("dvcqg rules: a title holding another document's row is split into one document each") {
    // Real rows: "Luật 25/2008/QH12 - Bảo hiểm y tế25/2008/QH12 46/2014/QH13 Sửa đổi, bổ sung …".
    const auto& row = Row("legal", "1.001656");
    auto documents = dvcqg::ParseLegalBasis(Text(row), row["refs"].get<std::vector<std::string>>());
    dvcqg::SplitGluedDocuments(documents);
    for (auto& document : documents) dvcqg::RemoveGluedTypeTail(document.title);
    // "…QH1246/2014/QH13 Sửa đổi …": a known number right after a number starts the next row,
    // and that row's title does not repeat its own number.
    auto amended = std::find_if(documents.begin(), documents.end(), [](const auto& document) { return document.number == "46/2014/QH13"; });
    REQUIRE(amended != documents.end());
    CHECK(amended->title == "Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế");
    for (const auto& document : documents) {
        INFO(document.number << ": " << document.title);
        // No title carries a number glued to the word before it ("y tế25/2008/QH12").
        static const std::regex glued(R"([a-zà-ỹ]\d{1,5}[0-9.a-z]*/\d{4}/)");
        CHECK_FALSE(std::regex_search(document.title, glued));
    }
    // The number cell's words glued on too. 1.001662's raw page reads "…của Bộ Nông nghiệp và
    // Môi trườngNghị định số 131/2025/NĐ-CP14/2025/TT-BNNMT…": the row that ends at the known
    // number 14/2025/TT-BNNMT carries the title of 131/2025/NĐ-CP before it.
    std::vector<content::LegalDocument> environment{
        {"14/2025/TT-BNNMT", "", "",
         "Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nông "
         "nghiệp và Môi trườngNghị định số 131/2025/NĐ-CP"}};
    CHECK(dvcqg::SplitGluedDocuments(environment) == 1);
    REQUIRE(environment.size() == 2);
    CHECK(environment[0].number == "131/2025/NĐ-CP");
    CHECK(environment[0].issuer == "Chính phủ");
    CHECK(environment[0].title.ends_with("của Bộ Nông nghiệp và Môi trường"));
    CHECK(environment[1].number == "14/2025/TT-BNNMT");
    CHECK(environment[1].title.empty());
    // A number the title cites after a space is the title's own words, not a row.
    std::vector<content::LegalDocument> cited{
        {"123/2015/NĐ-CP", "", "", "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết"}};
    CHECK(dvcqg::SplitGluedDocuments(cited) == 0);
    CHECK(cited.size() == 1);
}

TEST_CASE("dvcqg rules: a time's unit is read from the unit cell, the value, the description, the steps — or said unknown") {
    auto cell = Time("1.002755", "Trực tiếp");
    CHECK(cell.time.value == "3");
    CHECK(cell.time.unit == TimeUnit::WorkingDays);
    CHECK(cell.source == dvcqg::UnitSource::UnitCell);
    CHECK(Time("1.010047", "Trực tiếp").time.unit == TimeUnit::Hours);

    // "Trực tuyến" of 1.004656 has no figure; its description names one time: 05 ngày làm việc.
    auto described = Time("1.004656", "Trực tuyến");
    CHECK(described.time.value == "5");
    CHECK(described.time.unit == TimeUnit::WorkingDays);
    CHECK(described.source == dvcqg::UnitSource::Description);

    // 1.004478 gives "5" and no unit; its steps say "05 ngày làm việc".
    auto stepped = Time("1.004478", "Trực tiếp");
    CHECK(stepped.time.value == "5");
    CHECK(stepped.time.unit == TimeUnit::WorkingDays);
    CHECK(stepped.source == dvcqg::UnitSource::Steps);

    // Khai sinh gives "1" and no unit anywhere: unknown, and the page sends the citizen to the desk.
    auto birth = Time("1.001193", "Trực tiếp");
    CHECK(birth.time.value == "1");
    CHECK(birth.time.unit == TimeUnit::Unknown);
    std::string shown = content::FormatTime(birth.time);
    CHECK(shown.rfind("Hỏi cán bộ một cửa", 0) == 0);
    CHECK(shown.find("không ghi đơn vị") == std::string::npos);

    CHECK(dvcqg::ReadTime("Trong ngày", "", "Trong ngày", "", "").time.unit == TimeUnit::SameDay);
    CHECK(dvcqg::ReadTime("01 ngày làm việc", "", "01 ngày làm việc", "", "").time.value == "1");
    CHECK(dvcqg::ReadTime("15 ngày", "", "15 ngày", "", "").time.unit == TimeUnit::Days);
}

TEST_CASE("dvcqg rules: \"Miễn phí\" stays free only where its own note does not contradict it") {
    // "Miễn phí" with "(Mức lệ phí (nếu có) theo quy định của Hội đồng nhân dân cấp tỉnh.)".
    auto business = Fee("1.001266", "Trực tiếp");
    CHECK(business.fee.kind == FeeKind::ProvinceSet);
    CHECK(business.contradicted);
    CHECK(business.fee.description == "Mức lệ phí (nếu có) theo quy định của Hội đồng nhân dân cấp tỉnh.");
    CHECK(content::FormatFee(business.fee) == "Theo mức của tỉnh");
    // The long note is kept whole, and the rest of the description stays the channel's.
    auto household = Fee("1.014034", "Trực tuyến");
    CHECK(household.fee.kind == FeeKind::ProvinceSet);
    CHECK(household.fee.description.find("không được hoàn trả") != std::string::npos);
    // No fee cell, the description itself names the province's council.
    CHECK(Fee("1.011441", Row("channels", "1.011441")["value"][0]["channel"].get<std::string>()).fee.kind ==
          FeeKind::ProvinceSet);
    // A fee schedule by law contradicts "Miễn phí" too.
    auto law = Fee("1.012753", Row("channels", "1.012753")["value"][0]["channel"].get<std::string>());
    CHECK(law.fee.kind == FeeKind::Other);
    CHECK(law.contradicted);
    // An exemption for some ("Không thu lệ phí đăng ký đối với tổ hợp tác …") does not make it
    // free for all: the province sets the fee for cooperatives, and the exemption is shown.
    auto cooperative = Fee("2.002635", Row("channels", "2.002635")["value"][0]["channel"].get<std::string>());
    CHECK(cooperative.fee.kind == FeeKind::ProvinceSet);
    CHECK(cooperative.fee.description.find("Không thu lệ phí đăng ký đối với tổ hợp tác") != std::string::npos);
    // A description that says nothing about money keeps "Miễn phí"; it stays the channel's.
    auto extract = Fee("1.004656", "Trực tiếp");
    CHECK(extract.fee.kind == FeeKind::Free);
    CHECK_FALSE(extract.contradicted);
    CHECK(extract.fee.description.empty());
    CHECK(extract.description.find("05 ngày làm việc") != std::string::npos);
    // Khai sinh: "Miễn phí" and no note: free.
    CHECK(Fee("1.001193", "Trực tiếp").fee.kind == FeeKind::Free);
    // An amount keeps its amount, with its note.
    auto residence = Fee("1.004222", "Trực tiếp");
    CHECK(residence.fee.kind == FeeKind::Amount);
    CHECK(residence.fee.amount_dong == 20000);
    CHECK(residence.fee.description.find("miễn") != std::string::npos);
}

namespace {

// The legal basis the way the importer reads it (dvcqg_importer.cpp, ReadLegalBasis).
std::vector<content::LegalDocument> LegalBasis(const std::string& code) {
    const auto& row = Row("legal", code);
    auto documents = dvcqg::ParseLegalBasis(Text(row), row["refs"].get<std::vector<std::string>>());
    dvcqg::SplitGluedDocuments(documents);
    for (auto& document : documents) {
        dvcqg::RestoreCutTypeWord(document.title);
        dvcqg::RemoveGluedTypeTail(document.title);
    }
    return documents;
}

const content::LegalDocument* Numbered(const std::vector<content::LegalDocument>& documents, const std::string& number) {
    for (const auto& document : documents)
        if (document.number == number) return &document;
    return nullptr;
}

const content::Document* Named(const dvcqg::PortalDocuments& documents, std::string_view start) { return FindPaper(documents, start); }

}  // namespace

TEST_CASE("dvcqg rules: a legal number the scrape cut wrongly is read again from the table") {
    // "…166/2016/NĐ-CPLUẬT Bảo hiểm xã hội58/2014/QH13": the refs say "166/2016/NĐ-CPLU".
    auto insurance = LegalBasis("1.001598");
    CHECK(Numbered(insurance, "166/2016/NĐ-CPLU") == nullptr);
    REQUIRE(Numbered(insurance, "166/2016/NĐ-CP") != nullptr);
    REQUIRE(Numbered(insurance, "58/2014/QH13") != nullptr);
    CHECK(Numbered(insurance, "58/2014/QH13")->title == "LUẬT Bảo hiểm xã hội");
    // "…THẤT NGHIỆP2222/QĐ-BHXHThông tư 56/2017/TT-BYT…": a number found in a title ends at
    // its issuer, not in the next title's first letters.
    REQUIRE(Numbered(insurance, "2222/QĐ-BHXH") != nullptr);
    CHECK(Numbered(insurance, "2222/QĐ-BHXH")->title.rfind("BAN HÀNH QUY TRÌNH", 0) == 0);
    REQUIRE(Numbered(insurance, "56/2017/TT-BYT") != nullptr);
    CHECK(Numbered(insurance, "56/2017/TT-BYT")->title == "Thông tư 56/2017/TT-BYT");
    // "Quyết định số 24/2021/QĐ-TTgSửa đổi …": the refs stop short at "24/2021/QĐ-T".
    auto poverty = LegalBasis("1.011609");
    REQUIRE(Numbered(poverty, "24/2021/QĐ-TTg") != nullptr);
    CHECK(dvcqg::IssuerFromNumber("24/2021/QĐ-TTg") == "Thủ tướng Chính phủ");
    for (const auto& document : poverty) {
        INFO(document.number << ": " << document.title);
        CHECK(document.title.rfind("Tg", 0) != 0);
    }
    CHECK(dvcqg::RepairScrapedNumber("13/TT-NVNgh", "…13/TT-NVNghị định") == "13/TT-NV");
}

TEST_CASE("dvcqg rules: a number never starts inside a year: the year is the title's before it") {
    // "…giai đoạn 2026 - 2030182/2025/NQ-HĐND Quy định …2026-203016/2026/QĐ-UBND": the refs
    // say 0182/2025/NQ-HĐND and 3016/2026/QĐ-UBND.
    auto province = LegalBasis("2.001428");
    CHECK(Numbered(province, "0182/2025/NQ-HĐND") == nullptr);
    CHECK(Numbered(province, "3016/2026/QĐ-UBND") == nullptr);
    REQUIRE(Numbered(province, "182/2025/NQ-HĐND") != nullptr);
    REQUIRE(Numbered(province, "16/2026/QĐ-UBND") != nullptr);
    CHECK(Numbered(province, "182/2025/NQ-HĐND")->title.ends_with("giai đoạn 2026 - 2030"));
    CHECK(Numbered(province, "16/2026/QĐ-UBND")->title.rfind("Quy định trình tự, thủ tục hành chính", 0) == 0);
    // "…năm 20223510/QĐ-BHXHQuyết định …": a number found in a title, glued to a year.
    auto card = LegalBasis("1.001939");
    REQUIRE(Numbered(card, "3510/QĐ-BHXH") != nullptr);
    CHECK(Numbered(card, "3510/QĐ-BHXH")->title.ends_with("năm 2022"));
}

TEST_CASE("dvcqg rules: a number the table writes twice is a row even when the refs miss it") {
    // "Thông tư 08.a/2010/TT-BTP08.a/2010/TT-BTPThông tư 09b/2013/TT-BTP09b/2013/TT-BTP…".
    auto civil = LegalBasis("2.000986");
    REQUIRE(Numbered(civil, "08.a/2010/TT-BTP") != nullptr);
    CHECK(Numbered(civil, "08.a/2010/TT-BTP")->title == "Thông tư 08.a/2010/TT-BTP");
    REQUIRE(Numbered(civil, "09b/2013/TT-BTP") != nullptr);
    CHECK(Numbered(civil, "09b/2013/TT-BTP")->title == "Thông tư 09b/2013/TT-BTP");
    // "…60/2023/TT-BTChông tư số 06/2025/TT-BTC …": the scrape lost the title's first letter.
    auto plates = LegalBasis("1.012575");
    REQUIRE(Numbered(plates, "06/2025/TT-BTC") != nullptr);
    CHECK(Numbered(plates, "06/2025/TT-BTC")->title.rfind("Thông tư số 06/2025/TT-BTC của Bộ Tài chính", 0) == 0);
    for (const auto& document : civil) {
        INFO(document.number << ": " << document.title);
        CHECK_FALSE(dvcqg::HasGluedWords(document.title));
    }
}

TEST_CASE("dvcqg rules: \"Đối với X: Y\" is Y for X, and a \"Lưu ý:\" row opens the table's notes") {
    auto residence = Documents("1.002755");
    const auto* army = Named(residence, "Giấy giới thiệu đăng ký thường trú của đơn vị cấp trung đoàn");
    REQUIRE(army != nullptr);
    CHECK(army->kind == DocumentKind::ConditionalPaper);
    CHECK(army->condition == "Quân đội nhân dân");
    const auto* police = Named(residence, "Giấy giới thiệu của Thủ trưởng đơn vị quản lý trực tiếp");
    REQUIRE(police != nullptr);
    CHECK(police->condition == "Công an nhân dân");
    // "--Tên giấy tờ…Lưu ý:- Trường hợp nộp hồ sơ trực tiếp …": notes, never "- - Trường hợp".
    bool note_found = false;
    for (const auto& document : residence.documents) {
        INFO(document.name);
        CHECK_FALSE(StartsWithPortalMark(document.name));
        CHECK(document.name.find("Trường hợp nộp hồ sơ trực tiếp") == std::string::npos);
    }
    for (const auto& note : residence.notes) note_found = note_found || note.rfind("Trường hợp nộp hồ sơ trực tiếp tại cơ quan đăng ký cư trú", 0) == 0;
    CHECK(note_found);
}

TEST_CASE("dvcqg rules: a heading that names a case makes its rows papers for that case, a rule about papers is a note") {
    auto closing = Documents("1.001266");
    // Under "Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy
    // tờ sau": "Người ủy quyền và người được ủy quyền … chịu trách nhiệm trước pháp luật …".
    for (const auto& document : closing.documents) {
        INFO(document.name);
        CHECK(document.name.rfind("Người ủy quyền", 0) != 0);
        CHECK(document.name.rfind("Việc ủy quyền thực hiện theo quy định", 0) != 0);
        CHECK(document.name.rfind("Khi ", 0) != 0);
    }
    bool responsibility_is_note = false;
    for (const auto& note : closing.notes)
        responsibility_is_note = responsibility_is_note || note.rfind("Người ủy quyền và người được ủy quyền", 0) == 0;
    CHECK(responsibility_is_note);
    // "… nhân viên bưu chính phải nộp bản sao phiếu gửi hồ sơ …": the paper, for that person.
    const auto* receipt = Named(closing, "Bản sao phiếu gửi hồ sơ");
    REQUIRE(receipt != nullptr);
    CHECK(receipt->kind == DocumentKind::ConditionalPaper);
    CHECK(receipt->condition.ends_with("(nhân viên bưu chính)"));
}

TEST_CASE("dvcqg rules: a sentence about a person names their paper, the applicant is no condition") {
    // "Người nước ngoài, công dân Việt Nam định cư ở nước ngoài phải nộp bản sao hộ chiếu/…".
    auto marriage = Documents("2.000806");
    const auto* passport = Named(marriage, "Bản sao hộ chiếu/giấy tờ có giá trị thay thế hộ chiếu");
    REQUIRE(passport != nullptr);
    CHECK(passport->kind == DocumentKind::ConditionalPaper);
    CHECK(passport->condition == "Người nước ngoài, công dân Việt Nam định cư ở nước ngoài");
    // "Ngoài giấy tờ nêu trên, tùy từng trường hợp, bên nam, bên nữ phải nộp giấy tờ tương ứng
    // sau đây": it introduces the rows after it.
    for (const auto& document : marriage.documents) {
        INFO(document.name);
        CHECK_FALSE(document.name.ends_with("sau đây"));
        CHECK(document.name.rfind("Công dân Việt Nam", 0) != 0);
    }
    // "Người yêu cầu chứng thực xuất trình một trong các giấy tờ sau: Căn cước điện tử; …".
    auto copy = Documents("2.000942");
    const auto* identity = Named(copy, "Một trong các giấy tờ sau: Căn cước điện tử");
    REQUIRE(identity != nullptr);
    CHECK(identity->kind == DocumentKind::Paper);
}

TEST_CASE("dvcqg rules: a number glued on before another number is a row, a number after a space is cited in its title") {
    // "Thông tư 281/2016/TT-BTC281/2016/TT-BTC01/2013/TT-BVHTTDL01/2013/TT-BVHTTDL…".
    auto copies = LegalBasis("2.000528");
    REQUIRE(Numbered(copies, "281/2016/TT-BTC") != nullptr);
    CHECK(Numbered(copies, "281/2016/TT-BTC")->title == "Thông tư 281/2016/TT-BTC");
    REQUIRE(Numbered(copies, "01/2013/TT-BVHTTDL") != nullptr);
    CHECK(Numbered(copies, "01/2013/TT-BVHTTDL")->title.empty());  // the number twice, no title
    // "Nghị định số 280/2025/NĐ-CP sửa đổi … bởi Nghị định số 07/2025/NĐ-CP280/2025/NĐ-CP".
    auto notary = LegalBasis("2.000815");
    REQUIRE(Numbered(notary, "280/2025/NĐ-CP") != nullptr);
    CHECK(Numbered(notary, "280/2025/NĐ-CP")->title.ends_with("bởi Nghị định số 07/2025/NĐ-CP"));
}

TEST_CASE("dvcqg rules: the papers under a heading that names a case are for that case") {
    // "Trường hợp thông báo địa điểm kinh doanh" heads "Thông báo lập địa điểm kinh doanh".
    auto cooperative = Documents("2.002123");
    const auto* notice = Named(cooperative, "Thông báo lập địa điểm kinh doanh");
    REQUIRE(notice != nullptr);
    CHECK(notice->kind == DocumentKind::ConditionalPaper);
    CHECK(notice->condition == "Thông báo địa điểm kinh doanh");
    // "Trường hợp 1: Xác nhận điều kiện về nhà ở …": the case without its number.
    auto housing = Documents("1.014632");
    bool numbered = false, found = false;
    for (const auto& document : housing.documents) {
        numbered = numbered || document.condition.rfind("1: ", 0) == 0;
        found = found || document.condition.rfind("Xác nhận điều kiện về nhà ở", 0) == 0;
    }
    CHECK_FALSE(numbered);
    CHECK(found);
}
