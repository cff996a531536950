// Loading content directories: the shipped demo loads whole; broken content of every kind
// is refused with a sentence naming the file and the field.
#include <doctest/doctest.h>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/content/portal_link.hpp"
#include "kiosk/core/text.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const char* kManifest = R"({"schema_version": 1, "content_id": "test", "version": 3, "created": "2026-01-10",
  "commune": {"name": "Xã Thử", "province": "Tỉnh Thử", "hotline": "0200 111 222"},
  "vote_reasons": ["Chờ lâu", "Khác"]})";
const char* kFields = R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch", "display_order": 10}]})";
const char* kProcedure =
    R"({"code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "ho-tich", "commune_level": true,)"
    R"( "online_level": "unknown", "channels": [{"kind": "truc_tiep", "name": "Trực tiếp",)"
    R"( "time": {"value": "3", "unit": "ngay_lam_viec", "text": "3 Ngày làm việc"},)"
    R"( "fee": {"kind": "amount", "amount_dong": 8000, "text": "8,000 Việt Nam Đồng"}}]})";

// A small valid content directory; each test breaks one thing in it.
void WriteMinimalContent(const fs::path& directory) {
    testing::WriteFile(directory / "manifest.json", kManifest);
    testing::WriteFile(directory / "fields.json", kFields);
    testing::WriteFile(directory / "procedures.jsonl", std::string(kProcedure) + "\n");
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test setup: \"" << from << "\" not found");
    return text.replace(at, from.size(), to);
}

// Loads and expects a refusal naming `file` and `field`.
void ExpectRefused(const fs::path& directory, const std::string& file, const std::string& field) {
    auto loaded = content::LoadContentDirectory(directory);
    REQUIRE_FALSE(loaded.ok());
    const auto& message = loaded.error().message;
    INFO("message: " << message);
    CHECK(message.find(file) != std::string::npos);
    if (!field.empty()) CHECK(message.find("\"" + field + "\"") != std::string::npos);
    CHECK(message.rfind("content refused:", 0) == 0);
    CHECK_FALSE(loaded.error().message_vietnamese.empty());
    CHECK(loaded.error().message_vietnamese.find(file) != std::string::npos);
}

}  // namespace

TEST_CASE("content: the shipped demo content loads whole, with every slot filled") {
    auto loaded = content::LoadContentDirectory(testing::SourceDirectory() / "content");
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    const auto& bundle = *loaded;
    CHECK(bundle.procedures.size() == 307);
    CHECK(bundle.manifest.demo);
    CHECK(bundle.manifest.commune.name.find("minh họa") != std::string::npos);
    CHECK_FALSE(bundle.manifest.commune.portal_province_code.empty());
    CHECK(bundle.synonyms.size() >= 40);
    CHECK(bundle.guides.size() >= 6);
    CHECK(bundle.posters.size() >= 3);
    CHECK_FALSE(bundle.results.indices.empty());
    CHECK_FALSE(bundle.results.exemplary.empty());
    CHECK(bundle.manifest.vote_reasons.back() == "Khác");
    bool national_hotline = false;
    for (const auto& channel : bundle.contacts.feedback_channels) national_hotline = national_hotline || channel.phone == "1800 1096";
    CHECK(national_hotline);
    for (const auto& procedure : bundle.procedures) {
        CHECK(text::IsNfc(procedure.name));
        CHECK(procedure.commune_level);
    }
}

TEST_CASE("content: a minimal directory loads, contacts default to the manifest's") {
    testing::TemporaryDirectory directory;
    WriteMinimalContent(directory.path());
    auto loaded = content::LoadContentDirectory(directory.path());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    CHECK(loaded->manifest.version == 3);
    CHECK(loaded->procedures.front().channels.front().fee.amount_dong == 8000);
    CHECK(loaded->contacts.hotline == "0200 111 222");
    CHECK(loaded->guides.empty());
}

TEST_CASE("content: broken content is refused naming the file and the field") {
    testing::TemporaryDirectory directory;
    WriteMinimalContent(directory.path());
    const auto& path = directory.path();

    SUBCASE("manifest is not JSON") {
        testing::WriteFile(path / "manifest.json", "{\"schema_version\": 1,");
        ExpectRefused(path, "manifest.json", "");
    }
    SUBCASE("manifest without a commune name") {
        testing::WriteFile(path / "manifest.json", Replace(kManifest, R"("name": "Xã Thử", )", ""));
        ExpectRefused(path, "manifest.json", "commune.name");
    }
    SUBCASE("manifest version is text") {
        testing::WriteFile(path / "manifest.json", Replace(kManifest, R"("version": 3)", R"("version": "3")"));
        ExpectRefused(path, "manifest.json", "version");
    }
    SUBCASE("a schema version this kiosk does not read") {
        testing::WriteFile(path / "manifest.json", Replace(kManifest, R"("schema_version": 1)", R"("schema_version": 2)"));
        ExpectRefused(path, "manifest.json", "schema_version");
    }
    SUBCASE("fields.json is missing") {
        fs::remove(path / "fields.json");
        ExpectRefused(path, "fields.json", "");
    }
    SUBCASE("a procedure line is not JSON") {
        testing::WriteFile(path / "procedures.jsonl", std::string(kProcedure) + "\n{\"code\": \n");
        ExpectRefused(path, "procedures.jsonl line 2", "");
    }
    SUBCASE("a procedure without a name") {
        testing::WriteFile(path / "procedures.jsonl", Replace(kProcedure, R"("name": "Thủ tục đăng ký khai sinh", )", "") + "\n");
        ExpectRefused(path, "procedures.jsonl line 1 (1.001193)", "name");
    }
    SUBCASE("a fee amount of the wrong type") {
        testing::WriteFile(path / "procedures.jsonl", Replace(kProcedure, R"("amount_dong": 8000)", R"("amount_dong": "8000")") + "\n");
        ExpectRefused(path, "procedures.jsonl line 1 (1.001193)", "channels[0].fee.amount_dong");
    }
    SUBCASE("an unknown channel kind") {
        testing::WriteFile(path / "procedures.jsonl", Replace(kProcedure, R"("kind": "truc_tiep")", R"("kind": "fax")") + "\n");
        ExpectRefused(path, "procedures.jsonl line 1 (1.001193)", "channels[0].kind");
    }
    SUBCASE("a field that fields.json does not list") {
        testing::WriteFile(path / "procedures.jsonl", Replace(kProcedure, R"("field": "ho-tich")", R"("field": "dat-dai")") + "\n");
        ExpectRefused(path, "procedures.jsonl line 1 (1.001193)", "field");
    }
    SUBCASE("the same code twice") {
        testing::WriteFile(path / "procedures.jsonl", std::string(kProcedure) + "\n" + kProcedure + "\n");
        ExpectRefused(path, "procedures.jsonl line 2 (1.001193)", "code");
    }
    SUBCASE("an effective date that is not a date") {
        testing::WriteFile(path / "procedures.jsonl",
                           Replace(kProcedure, R"("online_level")", R"("effective_until": "mai", "online_level")") + "\n");
        ExpectRefused(path, "procedures.jsonl line 1 (1.001193)", "effective_until");
    }
    SUBCASE("a guide step without text") {
        testing::WriteFile(path / "guides.json", R"({"guides": [{"id": "vneid", "title": "Kích hoạt VNeID", "steps": [{"title": "Bước 1"}]}]})");
        ExpectRefused(path, "guides.json", "guides[0].steps[0].text");
    }
    SUBCASE("a feedback channel with neither address nor phone") {
        testing::WriteFile(path / "contacts.json", R"({"feedback_channels": [{"name": "Hộp thư góp ý"}]})");
        ExpectRefused(path, "contacts.json", "feedback_channels[0].url");
    }
    SUBCASE("a published index whose value is text") {
        testing::WriteFile(path / "results.json", R"({"indices": [{"name": "PAR Index", "year": 2025, "value": "cao"}]})");
        ExpectRefused(path, "results.json", "indices[0].value");
    }
    SUBCASE("posters is a list instead of an object") {
        testing::WriteFile(path / "posters.json", R"([{"text": "Vì nhân dân phục vụ"}])");
        ExpectRefused(path, "posters.json", "(top level)");
    }
}

TEST_CASE("content: display helpers never leave a blank") {
    using namespace content;
    CHECK(FormatGroupedNumber(50000) == "50.000");
    CHECK(FormatGroupedNumber(1025000) == "1.025.000");
    CHECK(FormatGroupedNumber(500) == "500");
    CHECK(FormatDong(50000) == "50.000 đồng");
    CHECK(FormatFee({FeeKind::Free, std::nullopt, "Miễn phí"}) == "Miễn phí");
    CHECK(FormatFee({FeeKind::Amount, 8000, "8,000 Việt Nam Đồng"}) == "8.000 đồng");
    CHECK(FormatFee({FeeKind::Other, std::nullopt, "10 USD"}) == "10 USD");
    CHECK(FormatFee({FeeKind::Unknown, std::nullopt, ""}) == "Hỏi cán bộ một cửa");
    CHECK(FormatFee({FeeKind::ProvinceSet, std::nullopt, "Miễn phí", "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định."}) ==
          "Theo mức của tỉnh");
    CHECK(FormatTime({"3", TimeUnit::WorkingDays, "3 Ngày làm việc"}) == "3 ngày làm việc");
    CHECK(FormatTime({"0.5", TimeUnit::Days, "0.5 Ngày"}) == "0,5 ngày");
    CHECK(FormatTime({"", TimeUnit::SameDay, "Trong ngày"}) == "Trong ngày");
    // A figure with no unit anywhere sends the citizen to the desk, never "3 (không ghi đơn vị)".
    CHECK(FormatTime({"3", TimeUnit::Unknown, "3"}) == "Hỏi cán bộ một cửa (Cổng Dịch vụ công chỉ ghi số 3)");
    CHECK(FormatTime({"", TimeUnit::Unknown, ""}) == "Hỏi cán bộ một cửa");
    CHECK(OnlineLevelLabel(OnlineLevel::Unknown) == "Hỏi cán bộ một cửa");
    CHECK(OnlineLevelLabel(OnlineLevel::FullyOnline).find("Toàn trình") == 0);
    CHECK(DaysBetween("2026-01-10", "2026-03-01") == 50);
    CHECK_FALSE(DaysBetween("10/01/2026", "2026-03-01").has_value());

    Procedure procedure;
    CHECK(GlanceFee(procedure) == "Hỏi cán bộ một cửa");
    CHECK(GlanceTime(procedure) == "Hỏi cán bộ một cửa");
    procedure.channels.push_back(
        {ChannelKind::Online, "Trực tuyến", {"1", TimeUnit::Days, "1 Ngày"}, {FeeKind::Free, std::nullopt, "", ""}, ""});
    procedure.channels.push_back(
        {ChannelKind::InPerson, "Trực tiếp", {"3", TimeUnit::WorkingDays, ""}, {FeeKind::Amount, 10000, "", ""}, ""});
    CHECK(GlanceTime(procedure) == "3 ngày làm việc");  // the desk's channel, not the first
    CHECK(GlanceFee(procedure) == "10.000 đồng");
}

TEST_CASE("content: repealed and not-yet-in-force procedures are recognised") {
    content::Procedure procedure;
    CHECK(procedure.InForceOn("2026-11-23"));
    procedure.effective_until = "2026-07-01";
    CHECK_FALSE(procedure.InForceOn("2026-11-23"));
    procedure.effective_until.clear();
    procedure.effective_from = "2027-01-01";
    CHECK_FALSE(procedure.InForceOn("2026-11-23"));
    CHECK(procedure.InForceOn("2027-01-01"));
}

TEST_CASE("content: the QR opens the procedure's own portal page, a search only without one") {
    content::Procedure procedure;
    procedure.code = "1.001193";
    procedure.portal_url = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7";
    content::Commune commune;
    commune.portal_province_code = "33";
    commune.portal_ward_code = "12160";
    CHECK(content::BuildPortalQrUrl(commune, procedure) == procedure.portal_url);
    procedure.portal_url.clear();
    CHECK(content::BuildPortalQrUrl(commune, procedure) ==
          "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193&tinh=33&xa=12160");
    commune.portal_ward_code.clear();
    CHECK(content::BuildPortalQrUrl(commune, procedure) == "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh?keyword=1.001193");
    CHECK(content::PercentEncode("Xã Đông") == "X%C3%A3%20%C4%90%C3%B4ng");
}
