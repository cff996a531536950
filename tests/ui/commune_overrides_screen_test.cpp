// What overrides.json changes on the glass, on real headless ImGui frames: the detail screen
// shows the commune's summary, checklist and stamp "Xã đã kiểm tra ngày …"; the home
// screen offers the pinned procedures as shortcuts without hiding a section tile.
#include <doctest/doctest.h>

#include <filesystem>

#include "kiosk/core/content/commune_override.hpp"
#include "kiosk/ui/services.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
using kiosk::testing::MakeHeadlessKiosk;
namespace fs = std::filesystem;

namespace {

// The demo content with the test's own overrides.json (none when empty).
void WriteContent(const fs::path& target, const std::string& overrides) {
    fs::create_directories(target);
    for (const auto& entry : fs::directory_iterator(kiosk::testing::SourceDirectory() / "content"))
        if (entry.is_regular_file() && entry.path().filename() != content::kOverridesFile)
            fs::copy_file(entry.path(), target / entry.path().filename());
    if (!overrides.empty()) kiosk::testing::WriteFile(target / content::kOverridesFile, overrides);
}

const char* kBirthOverride = R"json({"pinned": ["1.001193", "2.000815"], "procedures": [{
  "code": "1.001193", "short_name": "Khai sinh",
  "summary": "Cha hoặc mẹ đăng ký khai sinh cho con trong 60 ngày. Mang giấy chứng sinh đến xã.",
  "where": "Quầy số 2, Ủy ban nhân dân xã Thử",
  "papers": [{"name": "Tờ khai đăng ký khai sinh", "originals": 1}, {"name": "Giấy chứng sinh", "originals": 1}],
  "verified_on": "2026-11-30", "verified_by": "Công chức tư pháp – hộ tịch"}]})json";

bool TileOnGlass(const platform::HeadlessKiosk& kiosk, const std::string& label, float glass_height) {
    for (const auto& item : kiosk.record().tappables)
        if (item.label == label)
            return item.visible_max.y - item.visible_min.y >= (item.max.y - item.min.y) - 1.0f && item.max.y <= glass_height;
    return false;
}

}  // namespace

TEST_CASE("commune: the detail screen shows the commune's summary, checklist and stamp, in both orientations") {
    for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        kiosk::testing::TemporaryDirectory data, content_directory;
        WriteContent(content_directory.path(), kBirthOverride);
        Config config = kiosk::testing::DemoConfig(data);
        config.content_dir = content_directory.path();
        auto kiosk = MakeHeadlessKiosk(config, width, height);
        REQUIRE(kiosk->services().catalog());
        kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, "1.001193"});
        kiosk->Settle();
        std::string where = std::to_string(width) + "x" + std::to_string(height);
        CHECK_MESSAGE(HasText(*kiosk, "Xã đã kiểm tra ngày 30/11/2026 — Công chức tư pháp – hộ tịch"), where);
        CHECK_MESSAGE(HasText(*kiosk, "Cha hoặc mẹ đăng ký khai sinh cho con trong 60 ngày."), where);
        CHECK_MESSAGE(HasText(*kiosk, "Quầy số 2, Ủy ban nhân dân xã Thử"), where);
        // The commune's checklist replaced the portal's, whose first "paper" is a legal note.
        CHECK_MESSAGE(HasText(*kiosk, "Tờ khai đăng ký khai sinh"), where);
        CHECK_MESSAGE(!HasText(*kiosk, "Trường hợp trẻ em bị bỏ rơi"), where);
        kiosk::testing::CheckFrameIsClean(*kiosk, "commune detail " + where);
    }
}

TEST_CASE("commune: a page without overrides has no stamp and still reads from the portal's data") {
    kiosk::testing::TemporaryDirectory data, content_directory;
    WriteContent(content_directory.path(), "");
    Config config = kiosk::testing::DemoConfig(data);
    config.content_dir = content_directory.path();
    auto kiosk = MakeHeadlessKiosk(config);
    kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, "1.001193"});
    kiosk->Settle();
    CHECK(HasText(*kiosk, "Giấy tờ cần mang theo"));
    CHECK_FALSE(HasText(*kiosk, "Xã đã kiểm tra ngày"));
    kiosk->ui().navigator().Push({ScreenId::Home, {}});
    kiosk->Settle();
    CHECK_FALSE(HasText(*kiosk, "Thủ tục làm nhiều ở xã"));
}

TEST_CASE("commune: home offers the pinned procedures as shortcuts, and every section tile stays on the glass") {
    const char* tiles[] = {"Thủ tục hành chính", "Tìm thủ tục", "Dịch vụ công trực tuyến", "Đường dây nóng & phản ánh",
                           "Đánh giá mức độ hài lòng"};
    for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}, std::pair{1366, 768}}) {
        kiosk::testing::TemporaryDirectory data, content_directory;
        WriteContent(content_directory.path(), kBirthOverride);
        Config config = kiosk::testing::DemoConfig(data);
        config.content_dir = content_directory.path();
        auto kiosk = MakeHeadlessKiosk(config, width, height);
        std::string where = std::to_string(width) + "x" + std::to_string(height);
        CHECK_MESSAGE(HasText(*kiosk, "Thủ tục làm nhiều ở xã"), where);
        for (const char* tile : tiles) CHECK_MESSAGE(TileOnGlass(*kiosk, tile, static_cast<float>(height)), where, ": ", tile);
        kiosk::testing::CheckTargetsDoNotOverlap(*kiosk, "home " + where);
        kiosk::testing::CheckFrameIsClean(*kiosk, "home " + where);
        // The commune's short name, then the full name where it gave none.
        REQUIRE_MESSAGE(kiosk->TapLabel("Khai sinh"), where);
        CHECK(kiosk->ui().navigator().Current().screen == ScreenId::ProcedureDetail);
        CHECK(kiosk->ui().navigator().Current().argument == "1.001193");
        kiosk->ui().navigator().Push({ScreenId::Home, {}});
        kiosk->Settle();
        // 2.000815 has no short name: its official name, cut after whole words.
        std::string certification;
        for (const auto& item : kiosk->record().tappables)
            if (item.label.rfind("Chứng thực bản sao từ bản chính", 0) == 0) certification = item.label;
        CHECK_MESSAGE(certification.size() < 70, where, ": ", certification);
        CHECK(certification.ends_with("…"));
        REQUIRE_MESSAGE(kiosk->TapLabel(certification), where);
        CHECK(kiosk->ui().navigator().Current().argument == "2.000815");
    }
}
