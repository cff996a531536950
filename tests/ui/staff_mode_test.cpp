// Staff mode, driven through the real screens: the hidden gesture, the PIN pad and its
// lockout across a restart, the idle time-out, the status and screen-test screens.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <thread>

#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
using kiosk::testing::MakeHeadlessKiosk;

namespace {

constexpr const char* kPin = "2468";

const std::string& PinHash() {
    static const std::string hash = [] {
        auto made = staff::HashPin(kPin);
        REQUIRE(made.ok());
        return made.value();
    }();
    return hash;
}

Config ConfigWithPin(const kiosk::testing::TemporaryDirectory& data) {
    Config config = kiosk::testing::DemoConfig(data);
    config.staff.pin_hash = PinHash();
    config.staff.hold_s = 6;
    return config;
}

ScreenId CurrentScreen(platform::HeadlessKiosk& kiosk) { return kiosk.ui().navigator().Current().screen; }

// The middle of the commune's name in the top bar, found the way a finger would: by its text.
ImVec2 CommuneName(platform::HeadlessKiosk& kiosk) {
    const std::string& name = kiosk.services().catalog()->manifest().commune.name;
    for (const auto& text : kiosk.record().texts)
        if (text.text == name) return ImVec2((text.min.x + text.max.x) / 2, (text.min.y + text.max.y) / 2);
    FAIL("the commune's name is not drawn");
    return ImVec2(0, 0);
}

// Types a PIN on the pad and waits for the check (it runs on a worker thread).
void EnterPin(platform::HeadlessKiosk& kiosk, const std::string& pin) {
    for (char digit : pin) REQUIRE(kiosk.TapLabel(std::string(1, digit)));
    REQUIRE(kiosk.TapLabel("Mở"));
    for (int frame = 0; frame < 600 && kiosk.ui().staff_screens().pin.Checking(); ++frame) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        kiosk.Frame();
    }
    REQUIRE_FALSE(kiosk.ui().staff_screens().pin.Checking());
    kiosk.Settle();
}

void OpenPinPad(platform::HeadlessKiosk& kiosk) {
    kiosk.Hold(CommuneName(kiosk), 6.5);
    REQUIRE(CurrentScreen(kiosk) == ScreenId::StaffPin);
}

size_t AuditCount(platform::HeadlessKiosk& kiosk, const std::string& action, const std::string& result) {
    size_t count = 0;
    for (const auto& entry : kiosk.services().audit_log().Recent(1000))
        if (entry.action == action && entry.result == result) ++count;
    return count;
}

}  // namespace

TEST_CASE("staff: a finger held still on the commune's name for staff.hold_s opens the PIN pad, nothing shorter does") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    ImVec2 name = CommuneName(*kiosk);

    kiosk->Tap(name);  // a short press does what it always did: nothing
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    kiosk->Hold(name, 5.5);  // not long enough
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    kiosk->Hold(name, 6.5, ImVec2(60, 0));  // long enough, but the finger slid: a drag
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    kiosk->Hold(ImVec2(name.x, name.y + 45), 6.5);  // long and still, but on the clock below the name
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);

    kiosk->Hold(name, 6.5, ImVec2(4, 3));  // a few pixels of tremble are still "still"
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffPin);
    CHECK(HasText(*kiosk, "CHẾ ĐỘ CÁN BỘ"));
    CHECK(HasText(*kiosk, "Nhập mã PIN của cán bộ"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "PIN pad");
    kiosk::testing::CheckTargetsDoNotOverlap(*kiosk, "PIN pad");
}

TEST_CASE("staff: staff.hold_s is the time the gesture takes") {
    kiosk::testing::TemporaryDirectory data;
    Config config = ConfigWithPin(data);
    config.staff.hold_s = 10;
    auto kiosk = MakeHeadlessKiosk(config);
    kiosk->Hold(CommuneName(*kiosk), 8);
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    kiosk->Hold(CommuneName(*kiosk), 10.5);
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffPin);
}

TEST_CASE("staff: without a PIN in the configuration the gesture opens nothing") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(kiosk::testing::DemoConfig(data));
    kiosk->Hold(CommuneName(*kiosk), 7);
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
}

TEST_CASE("staff: random taps anywhere for 10,000 frames never open the PIN pad or a staff screen") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    std::mt19937 random(12);
    std::uniform_real_distribution<float> x(0, static_cast<float>(kiosk->width()));
    std::uniform_real_distribution<float> y(0, static_cast<float>(kiosk->height()));
    std::uniform_int_distribution<int> press_frames(1, 8);
    ImGuiIO& io = ImGui::GetIO();
    int frames = 0, presses = 0;
    bool staff_seen = false;
    ImVec2 name = CommuneName(*kiosk);
    while (frames < 10000) {
        // A third of the presses land on the commune's name: a citizen may well tap it.
        io.MousePos = presses % 3 == 0 ? ImVec2(name.x + x(random) * 0.01f, name.y) : ImVec2(x(random), y(random));
        io.MouseDown[0] = true;
        kiosk->ui().NoteInput(kiosk->now());
        for (int held = press_frames(random); held > 0; --held, ++frames) {
            kiosk->Frame();
            staff_seen = staff_seen || IsStaffScreen(CurrentScreen(*kiosk));
        }
        io.MouseDown[0] = false;
        kiosk->Frame();
        ++frames;
        ++presses;
        staff_seen = staff_seen || IsStaffScreen(CurrentScreen(*kiosk));
    }
    CHECK(presses > 1000);
    CHECK_FALSE(staff_seen);
}

TEST_CASE("staff: the right PIN opens staff mode, a wrong one is counted and written in the audit log") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    OpenPinPad(*kiosk);
    EnterPin(*kiosk, "1357");
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffPin);
    CHECK(HasText(*kiosk, "Mã PIN không đúng. Còn 4 lần thử"));
    CHECK(AuditCount(*kiosk, "pin_refused", "refused") == 1);
    CHECK(kiosk->services().pin_lockout().attempts_left() == 4);

    EnterPin(*kiosk, kPin);
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffStatus);
    CHECK(kiosk->ui().context().staff_mode_open);
    CHECK(AuditCount(*kiosk, "staff_mode_opened", "ok") == 1);
    CHECK(kiosk->services().pin_lockout().attempts_left() == 5);  // the right PIN starts the count again
    // No PIN in the audit log, ever.
    for (const auto& entry : kiosk->services().audit_log().Recent(100)) {
        CHECK(entry.detail.find(kPin) == std::string::npos);
        CHECK(entry.detail.find("1357") == std::string::npos);
    }
    CHECK(kiosk::testing::ReadFile(staff::AuditLogPath(data.path())).find("1357") == std::string::npos);

    REQUIRE(kiosk->TapLabel("Về màn hình người dân"));
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    CHECK_FALSE(kiosk->ui().context().staff_mode_open);
    CHECK(AuditCount(*kiosk, "staff_mode_closed", "ok") == 1);
}

TEST_CASE("staff: five wrong PINs lock the pad, still locked after a restart, and the right PIN is refused then") {
    kiosk::testing::TemporaryDirectory data;
    {
        auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
        OpenPinPad(*kiosk);
        for (int attempt = 0; attempt < 4; ++attempt) EnterPin(*kiosk, "0000");
        CHECK_FALSE(HasText(*kiosk, "Tạm khóa đến"));
        EnterPin(*kiosk, "0000");
        CHECK(HasText(*kiosk, "Tạm khóa đến"));
        EnterPin(*kiosk, kPin);  // locked: even the right PIN does not open it
        CHECK(CurrentScreen(*kiosk) == ScreenId::StaffPin);
        CHECK(AuditCount(*kiosk, "pin_refused", "locked") >= 2);
    }
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));  // the kiosk restarts
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    OpenPinPad(*kiosk);
    CHECK(HasText(*kiosk, "Tạm khóa đến"));
    EnterPin(*kiosk, kPin);
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffPin);
    CHECK_FALSE(kiosk->ui().context().staff_mode_open);
}

TEST_CASE("staff: two minutes without a touch end staff mode, the citizens' countdown never shows on it") {
    kiosk::testing::TemporaryDirectory data;
    Config config = ConfigWithPin(data);
    config.idle_timeout_s = 30;  // the citizens' reset comes first and must not leave staff mode half open
    auto kiosk = MakeHeadlessKiosk(config);
    OpenPinPad(*kiosk);
    EnterPin(*kiosk, kPin);
    REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffStatus);
    REQUIRE(kiosk->TapLabel("Thử màn hình"));
    REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffScreenTest);
    kiosk->Wait(kStaffIdleSeconds - 5);
    CHECK(CurrentScreen(*kiosk) == ScreenId::StaffScreenTest);
    CHECK(kiosk->ui().navigator().State() == IdleState::Active);
    CHECK_FALSE(HasText(*kiosk, "Bạn còn đang xem không?"));
    kiosk->Wait(10);
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    CHECK(kiosk->ui().navigator().Depth() == 1);
    CHECK_FALSE(kiosk->ui().context().staff_mode_open);
    CHECK(AuditCount(*kiosk, "staff_mode_closed", "ok") == 1);
}

TEST_CASE("staff: the screens behind the PIN cannot be reached without it, and a restart ends staff mode") {
    kiosk::testing::TemporaryDirectory data;
    {
        auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
        kiosk->ui().navigator().Push({ScreenId::StaffStatus, {}});  // any code that tried
        kiosk->Settle();
        CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
        OpenPinPad(*kiosk);
        EnterPin(*kiosk, kPin);
        REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffStatus);
    }
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    CHECK(CurrentScreen(*kiosk) == ScreenId::Home);
    CHECK_FALSE(kiosk->ui().context().staff_mode_open);
}

TEST_CASE("staff: the status screen tells the kiosk, its content, votes, server, errors and the audit in words") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    OpenPinPad(*kiosk);
    EnterPin(*kiosk, kPin);
    REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffStatus);
    kiosk->Settle();
    long long version = kiosk->services().catalog()->manifest().version;
    CHECK(HasText(*kiosk, "Mã kiosk: " + kiosk->ui().context().config.kiosk_id));
    CHECK(HasText(*kiosk, "Phiên bản phần mềm: "));
    CHECK(HasText(*kiosk, "Phiên bản nội dung " + std::to_string(version)));
    CHECK(HasText(*kiosk, "Nội dung cài sẵn theo máy"));
    CHECK(HasText(*kiosk, "Đang chờ gửi: 0"));
    CHECK(HasText(*kiosk, "Chưa cấu hình máy chủ"));
    CHECK(HasText(*kiosk, "Dung lượng còn trống: "));
    CHECK(HasText(*kiosk, "Mở chế độ cán bộ"));  // the audit entry just made
    kiosk::testing::CheckFrameIsClean(*kiosk, "staff status");
    kiosk::testing::CheckTargetsDoNotOverlap(*kiosk, "staff status");
}

TEST_CASE("staff: the test vote reaches the outbox marked staff_test, so it is never counted") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    OpenPinPad(*kiosk);
    EnterPin(*kiosk, kPin);
    REQUIRE(kiosk->TapLabel("Thử màn hình"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "screen test");
    kiosk::testing::CheckTargetsDoNotOverlap(*kiosk, "screen test");
    REQUIRE(kiosk->TapLabel("Gửi phiếu thử"));
    auto votes = kiosk->services().vote_outbox()->ReadAll();
    REQUIRE(votes.ok());
    REQUIRE(votes->size() == 1);
    CHECK(votes->front().suppression == Suppression::StaffTest);
    CHECK(HasText(*kiosk, "Đã ghi phiếu thử"));
    CHECK(AuditCount(*kiosk, "test_vote", "ok") == 1);
    auto counted = kiosk->services().vote_outbox()->CountByRating(0, INT64_MAX);
    REQUIRE(counted.ok());
    CHECK(counted->empty());
}

TEST_CASE("staff: the touch test draws where the finger goes") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(ConfigWithPin(data));
    OpenPinPad(*kiosk);
    EnterPin(*kiosk, kPin);
    REQUIRE(kiosk->TapLabel("Thử màn hình"));
    kiosk->Drag(ImVec2(200, 500), ImVec2(800, 600), 20);
    kiosk->Settle();
    const auto& strokes = kiosk->ui().staff_screens().screen_test.strokes;
    REQUIRE(strokes.size() == 1);
    CHECK(strokes[0].size() >= 10);
    CHECK(strokes[0].back().x == doctest::Approx(800).epsilon(0.01));
    REQUIRE(kiosk->TapLabel("Xóa hình vẽ"));
    CHECK(kiosk->ui().staff_screens().screen_test.strokes.empty());
}
