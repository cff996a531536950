// The importer on real portal data: small samples copied into tests/data (always), and the
// whole shared data set when the workshop has it (skipped with a message otherwise).
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <iostream>

#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"
#include "kiosk/core/dvcqg/glued_tables.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

fs::path SampleSource() { return testing::SourceDirectory() / "tests" / "data" / "dvcqg_sample"; }

const content::Procedure* Find(const content::ContentBundle& bundle, const std::string& code) {
    for (const auto& procedure : bundle.procedures)
        if (procedure.code == code) return &procedure;
    return nullptr;
}

// Every string anywhere in a JSON value.
void EachString(const nlohmann::json& value, const std::function<void(const std::string&)>& visit) {
    if (value.is_string()) visit(value.get<std::string>());
    if (value.is_structured())
        for (const auto& item : value) EachString(item, visit);
}

// Checks every text value of procedures.jsonl: NFC, no portal empty marker, no tabs.
// The portal's "Không có thông tin" standing for an empty cell: the whole value or a whole
// line of it. The same words inside a sentence ("Không có thông tin về danh sách thành viên
// …", a real condition) are the portal's text and stay.
bool HasEmptyMarker(const std::string& value) {
    const std::string marker = "Không có thông tin";
    for (std::size_t at = value.find(marker); at != std::string::npos; at = value.find(marker, at + 1)) {
        std::size_t end = at + marker.size();
        bool line_start = at == 0 || value[at - 1] == '\n';
        bool line_end = end == value.size() || value[end] == '\n' || value[end] == '.';
        if (line_start && line_end) return true;
    }
    return false;
}

void CheckAllTextClean(const fs::path& procedures_file) {
    std::ifstream stream(procedures_file);
    std::string line;
    int not_nfc = 0, empty_marker = 0, tabs = 0, lines = 0;
    while (std::getline(stream, line)) {
        ++lines;
        EachString(nlohmann::json::parse(line), [&](const std::string& value) {
            if (!text::IsNfc(value)) ++not_nfc;
            if (HasEmptyMarker(value)) ++empty_marker;
            if (value.find('\t') != std::string::npos || value.find("\xC2\xA0") != std::string::npos) ++tabs;
        });
    }
    CHECK(lines > 0);
    CHECK(not_nfc == 0);
    CHECK(empty_marker == 0);
    CHECK(tabs == 0);
}

std::map<std::string, std::string> ReadFiles(const fs::path& directory) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(directory))
        files[entry.path().filename().string()] = testing::ReadFile(entry.path());
    return files;
}

}  // namespace

TEST_CASE("dvcqg: the samples import into content that loads, clean and complete") {
    testing::TemporaryDirectory out;
    auto report = dvcqg::ImportDvcqg({SampleSource(), out.path(), false});
    REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
    CHECK(report->records_read == 11);
    CHECK(report->raw_files_read == 11);
    CHECK(report->procedures_written == 11);
    CHECK(report->problems.at("\"Không có thông tin\" read as empty (values)") > 0);
    CHECK(report->problems.at("text in decomposed Unicode (NFD) normalized to NFC (values)") > 0);
    CHECK(report->problems.count("channel rows the JSONL could not split (dropped)") == 1);  // 1.007689
    CHECK(report->problems.count("fee kept as text, not in đồng (channel rows)") == 1);       // 1.000771 in USD
    CHECK_FALSE(report->Describe().empty());

    auto bundle = content::LoadContentDirectory(out.path());
    REQUIRE_MESSAGE(bundle.ok(), (bundle.ok() ? "" : bundle.error().message));
    CheckAllTextClean(out / "procedures.jsonl");

    // Known-good record: Gia hạn tạm trú, online 5.000 đ and in person 10.000 đ, 3 working days.
    const auto* extension = Find(*bundle, "1.002755");
    REQUIRE(extension != nullptr);
    REQUIRE(extension->channels.size() == 2);
    CHECK(extension->channels[0].kind == content::ChannelKind::Online);
    CHECK(extension->channels[0].fee.amount_dong == 5000);
    CHECK(extension->channels[1].kind == content::ChannelKind::InPerson);
    CHECK(extension->channels[1].fee.amount_dong == 10000);
    CHECK(extension->channels[1].time.value == "3");
    CHECK(extension->channels[1].time.unit == content::TimeUnit::WorkingDays);
    CHECK(extension->results.size() == 4);
    CHECK(extension->results[0].code == "KQ.G01.000064");
    for (const auto& result : extension->results) CHECK(result.name.find("Chọn cơ quan") == std::string::npos);
    CHECK(extension->commune_level);
    CHECK(extension->portal_url.rfind("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/", 0) == 0);
    CHECK(extension->related_procedures.empty());  // was "Không có thông tin"

    // Birth registration: free, three channels, documents grouped as the portal groups them.
    const auto* birth = Find(*bundle, "1.001193");
    REQUIRE(birth != nullptr);
    CHECK(birth->channels.size() == 3);
    for (const auto& channel : birth->channels) CHECK(channel.fee.kind == content::FeeKind::Free);
    REQUIRE(birth->documents.size() >= 3);
    CHECK(birth->documents[0].group == "Giấy tờ phải nộp");
    CHECK(birth->documents[0].originals == 1);

    // Fee in dollars is kept as text; a time with no unit stays without one.
    const auto* dollars = Find(*bundle, "1.000771");
    REQUIRE(dollars != nullptr);
    bool kept_as_text = false;
    for (const auto& channel : dollars->channels)
        kept_as_text = kept_as_text || (channel.fee.kind == content::FeeKind::Other && channel.fee.text.find("USD") != std::string::npos);
    CHECK(kept_as_text);
    const auto* poverty = Find(*bundle, "1.011606");
    REQUIRE(poverty != nullptr);
    bool unit_missing = false;
    for (const auto& channel : poverty->channels)
        unit_missing = unit_missing || (!channel.time.value.empty() && channel.time.unit == content::TimeUnit::Unknown);
    CHECK(unit_missing);
}

TEST_CASE("dvcqg: the same input gives byte-identical output") {
    testing::TemporaryDirectory first, second;
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), first.path(), false}).ok());
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), second.path(), false}).ok());
    auto left = ReadFiles(first.path()), right = ReadFiles(second.path());
    CHECK(left.size() == 3);
    CHECK(left == right);
}

TEST_CASE("dvcqg: a re-import leaves the files people write alone — synonyms.json as guides.json") {
    testing::TemporaryDirectory out;
    const std::string synonyms =
        R"({"groups": [{"field": "", "why": "Xã tự viết.", "synonyms": [{"phrase": "giấy chết", "means": ["khai tử"]}]}]})";
    const std::string guides = R"({"guides": []})";
    testing::WriteFile(out / "synonyms.json", synonyms);
    testing::WriteFile(out / "guides.json", guides);
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), out.path(), false}).ok());
    CHECK(testing::ReadFile(out / "synonyms.json") == synonyms);
    CHECK(testing::ReadFile(out / "guides.json") == guides);
    auto bundle = content::LoadContentDirectory(out.path());
    REQUIRE_MESSAGE(bundle.ok(), (bundle.ok() ? "" : bundle.error().message));
    REQUIRE(bundle->synonyms.size() == 1);
    CHECK(bundle->synonyms[0].phrase == "giấy chết");
}

TEST_CASE("dvcqg: duplicates are merged by normalized code — --commune-only keeps the commune's") {
    testing::TemporaryDirectory source, out, commune;
    fs::copy(SampleSource(), source.path(), fs::copy_options::recursive);
    // The same record again with its code padded, as a second scrape might give it.
    std::ifstream lines(SampleSource() / "procedures_all.jsonl");
    std::string line;
    std::getline(lines, line);
    auto record = nlohmann::json::parse(line);
    std::string code = record["code"];
    record["code"] = " " + code + " ";
    std::ofstream(source / "procedures_all.jsonl", std::ios::app) << record.dump() << "\n";

    auto report = dvcqg::ImportDvcqg({source.path(), out.path(), false});
    REQUIRE(report.ok());
    CHECK(report->records_read == 12);
    CHECK(report->procedures_written == 11);
    CHECK(report->problems.at("duplicate codes merged (the fuller record kept)") == 1);

    auto commune_report = dvcqg::ImportDvcqg({SampleSource(), commune.path(), true});
    REQUIRE(commune_report.ok());
    CHECK(commune_report->procedures_written == 9);  // 1.000771 and 1.007689 are not a commune's
}

TEST_CASE("dvcqg: invalid input is refused with a clear sentence, never a crash") {
    testing::TemporaryDirectory source, out;
    auto missing = dvcqg::ImportDvcqg({source / "absent", out.path(), false});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("procedures_all.jsonl") != std::string::npos);

    testing::WriteFile(source / "procedures_all.jsonl", "not json\n[1,2]\n{\"code\": 5}\n{\"name\": \"x\"}\n");
    auto garbage = dvcqg::ImportDvcqg({source.path(), out.path(), false});
    REQUIRE_FALSE(garbage.ok());
    CHECK(garbage.error().message.find("no procedures") != std::string::npos);

    // A broken raw file falls back to the JSONL and says so.
    fs::copy(SampleSource(), source / "sample", fs::copy_options::recursive);
    testing::WriteFile(source / "sample" / "raw" / "bo-tu-phap" / "1.001193.json", "{\"ten_thu_tuc\": ");
    auto partly = dvcqg::ImportDvcqg({source / "sample", out.path(), false});
    REQUIRE(partly.ok());
    CHECK(partly->problems.at("raw files that are not valid JSON (JSONL used alone)") == 1);
    CHECK(content::LoadContentDirectory(out.path()).ok());
}

TEST_CASE("dvcqg: glued tables are split the way the portal shows them") {
    auto documents = dvcqg::ParseDocumentsTable(
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai (Mẫu CT01 ban hành kèm theo Thông tư số "
        "53/2025/TT-BCA).1.MuCT01banhnhkmtheoThngts53.doc1 bản chính- Giấy chứng sinh (01 bản chính hoặc 01 bản sao "
        "có chứng thực).1 bản chính,1 bản sao");
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].group == "Giấy tờ phải nộp");
    CHECK(documents[0].name == "Tờ khai (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA).");
    CHECK(documents[0].form == "1.MuCT01banhnhkmtheoThngts53.doc");
    CHECK(documents[0].originals == 1);
    CHECK(documents[1].name == "- Giấy chứng sinh (01 bản chính hoặc 01 bản sao có chứng thực).");
    CHECK(documents[1].originals == 1);
    CHECK(documents[1].copies == 1);
    CHECK(documents[1].quantity_text == "1 bản chính, 1 bản sao");

    bool stripped = false;
    auto results = dvcqg::ParseResults(
        "Giấy chứng nhận kết hônMã: KQ.G01.000012Phiếu từ chốiMã: 000.00.00.G11-KQ1711Từ khóaKhông có thông tin"
        "Chọn cơ quan thực hiệnTỉnh/ Thành phốNộp hồ sơ",
        stripped);
    CHECK(stripped);
    REQUIRE(results.size() == 2);
    CHECK(results[0].name == "Giấy chứng nhận kết hôn");
    CHECK(results[0].code == "KQ.G01.000012");
    CHECK(results[1].code == "000.00.00.G11-KQ1711");

    auto legal = dvcqg::ParseLegalBasis(
        "Tên văn bản pháp lýMã văn bảnThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an.53/2025/TT-BCA"
        "Thông tư 57/2021/TT-BCA57/2021/TT-BCA",
        {"53/2025/TT-BCA", "57/2021/TT-BCA", "17/2024/TT-BCA"});
    REQUIRE(legal.size() == 3);
    CHECK(legal[0].number == "53/2025/TT-BCA");
    CHECK(legal[0].title == "Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an.");
    CHECK(legal[1].title == "Thông tư 57/2021/TT-BCA");
    CHECK(legal[2].number == "17/2024/TT-BCA");
    CHECK(legal[2].title.empty());

    CHECK(dvcqg::ParseFee("5,000 Việt Nam Đồng").amount_dong == 5000);
    CHECK(dvcqg::ParseFee("1,500,000 VNĐ").amount_dong == 1500000);
    CHECK(dvcqg::ParseFee("Miễn phí").kind == content::FeeKind::Free);
    CHECK(dvcqg::ParseFee("0 Việt Nam Đồng").kind == content::FeeKind::Free);
    CHECK(dvcqg::ParseFee("").kind == content::FeeKind::Unknown);
    CHECK(dvcqg::ParseFee("10 USD").kind == content::FeeKind::Other);
}

TEST_CASE("dvcqg: the whole portal data set imports — content/ is exactly what the importer makes") {
    auto shared = testing::SharedDvcqgDirectory();
    if (!shared) return;  // the message was printed

    testing::TemporaryDirectory all;
    auto report = dvcqg::ImportDvcqg({*shared, all.path(), false});
    REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
    std::cout << "import of all records:\n" << report->Describe();
    CHECK(report->records_read == 2642);
    CHECK(report->raw_files_read == 2642);
    CHECK(report->procedures_written == 2642);
    CHECK(report->problems.at("text in decomposed Unicode (NFD) normalized to NFC (values)") > 0);
    CHECK(report->problems.at("time given without a unit anywhere: shown as \"Hỏi cán bộ một cửa\" (channel rows)") > 0);
    CheckAllTextClean(all / "procedures.jsonl");
    auto bundle = content::LoadContentDirectory(all.path());
    REQUIRE_MESSAGE(bundle.ok(), (bundle.ok() ? "" : bundle.error().message));
    // Channels are parsed for the records whose tables are well formed.
    int with_channels = 0;
    for (const auto& procedure : bundle->procedures) with_channels += procedure.channels.empty() ? 0 : 1;
    CHECK(with_channels >= 2620);

    testing::TemporaryDirectory commune;
    auto commune_report = dvcqg::ImportDvcqg({*shared, commune.path(), true});
    REQUIRE(commune_report.ok());
    CHECK(commune_report->procedures_written == 307);
    // The manifest is the commune's once written (a re-import keeps it, raising its version),
    // so only the imported files are compared.
    for (const char* name : {"fields.json", "procedures.jsonl"}) {
        INFO("content/" << name << " differs from a fresh import: run kiosk content import-dvcqg "
                        << "../shared/data/dvcqg --out content --commune-only");
        CHECK(testing::ReadFile(commune / name) == testing::ReadFile(testing::SourceDirectory() / "content" / name));
    }
}

TEST_CASE("dvcqg: a likely_commune_ubnd_or_police that is not a boolean is read as not commune-level, never a crash") {
    testing::TemporaryDirectory source, out, commune;
    fs::copy(SampleSource(), source.path(), fs::copy_options::recursive);
    std::ifstream lines(SampleSource() / "procedures_all.jsonl");
    std::string all, line;
    int changed = 0;
    while (std::getline(lines, line)) {
        auto record = nlohmann::json::parse(line);
        if (record["code"] == "1.001193") record["likely_commune_ubnd_or_police"] = "yes", ++changed;
        all += record.dump() + "\n";
    }
    REQUIRE(changed == 1);
    testing::WriteFile(source / "procedures_all.jsonl", all);
    auto report = dvcqg::ImportDvcqg({source.path(), out.path(), false});
    REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
    CHECK(report->procedures_written == 11);
    CHECK(report->problems.at("records whose likely_commune_ubnd_or_police is not true or false (read as not commune-level)") == 1);
    auto commune_report = dvcqg::ImportDvcqg({source.path(), commune.path(), true});
    REQUIRE(commune_report.ok());
    CHECK(commune_report->procedures_written == 8);  // 9 commune records, khai sinh's flag unreadable
}

TEST_CASE("dvcqg: a damaged source (half of it zeroed) is refused with the threshold, and nothing is written") {
    testing::TemporaryDirectory source, out;
    fs::copy(SampleSource(), source.path(), fs::copy_options::recursive);
    std::string jsonl = testing::ReadFile(source / "procedures_all.jsonl");
    std::fill(jsonl.begin() + static_cast<long>(jsonl.size() / 2), jsonl.end(), '\0');
    testing::WriteFile(source / "procedures_all.jsonl", jsonl);
    auto report = dvcqg::ImportDvcqg({source.path(), out.path(), false});
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().message.find("not readable JSON records") != std::string::npos);
    CHECK(report.error().message.find("more than 1% unreadable") != std::string::npos);
    CHECK(fs::is_empty(out.path()));
}

TEST_CASE("dvcqg: a write that fails half-way leaves the content directory as it was, and names the cause") {
    testing::TemporaryDirectory out;
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), out.path(), true}).ok());
    auto before = ReadFiles(out.path());
    // A file-size limit makes the large procedures.jsonl fail to write, as a full disk
    // would, after the small manifest and fields could be written (a real write error from
    // the kernel: EFBIG, "File too large").
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 20000;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto report = dvcqg::ImportDvcqg({SampleSource(), out.path(), false});
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);
    REQUIRE_FALSE(report.ok());
    INFO(report.error().message);
    CHECK(report.error().message.find("File too large") != std::string::npos);
    CHECK(report.error().message.find("nothing in") != std::string::npos);
    CHECK(ReadFiles(out.path()) == before);  // no file replaced, no temporary left
}

TEST_CASE("dvcqg: a re-import keeps the commune's manifest and overrides, the version only goes up") {
    testing::TemporaryDirectory out;
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), out.path(), true}).ok());
    auto manifest = nlohmann::json::parse(testing::ReadFile(out / "manifest.json"));
    manifest["version"] = 7;
    manifest["demo"] = false;
    manifest["commune"]["name"] = "Xã Tân Lập";
    manifest["commune"]["hotline"] = "0210 3861 234";
    testing::WriteFile(out / "manifest.json", manifest.dump(2));
    const std::string overrides = R"({"procedures": {"1.001193": {"summary": "Xã tự viết."}}})";
    testing::WriteFile(out / "overrides.json", overrides);

    // The same source again: nothing changed, the manifest is not touched.
    const std::string edited = testing::ReadFile(out / "manifest.json");
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), out.path(), true}).ok());
    CHECK(testing::ReadFile(out / "manifest.json") == edited);

    // A source with more procedures: the commune's manifest stays, its version goes up by one.
    REQUIRE(dvcqg::ImportDvcqg({SampleSource(), out.path(), false}).ok());
    auto kept = nlohmann::json::parse(testing::ReadFile(out / "manifest.json"));
    CHECK(kept["version"] == 8);
    CHECK(kept["demo"] == false);
    CHECK(kept["commune"]["name"] == "Xã Tân Lập");
    CHECK(kept["commune"]["hotline"] == "0210 3861 234");
    CHECK(testing::ReadFile(out / "overrides.json") == overrides);

    // A commune manifest that cannot be read is never replaced by the demo one.
    testing::WriteFile(out / "manifest.json", "{\"version\": ");
    auto refused = dvcqg::ImportDvcqg({SampleSource(), out.path(), true});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("never replaces it") != std::string::npos);
    CHECK(testing::ReadFile(out / "manifest.json") == "{\"version\": ");
}
