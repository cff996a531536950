// Staff updates, driven through the real screens: the hidden gesture and the PIN, then
// "Cập nhật từ USB" on a stick in a fake mount table (tests cannot mount; the stick is a
// directory the table lists), "Quay lại phiên bản trước". Real bundles from the real packer,
// the real ContentInstaller on its worker, the real kiosk drawn headless.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <thread>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/ui/services.hpp"
#include "tests/core/bundle_test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
namespace fs = std::filesystem;

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

ScreenId CurrentScreen(platform::HeadlessKiosk& kiosk) { return kiosk.ui().navigator().Current().screen; }

// Draws frames (each drains the run queue: the workers' results) until `done` or 20 s pass.
bool FramesUntil(platform::HeadlessKiosk& kiosk, const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        kiosk.Frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kiosk.Settle();
    return true;
}

// Taps the middle of the first text drawn that contains `needle` (a bundle's button reads
// "name · size").
bool TapTextContaining(platform::HeadlessKiosk& kiosk, const std::string& needle) {
    for (const auto& text : kiosk.record().texts)
        if (text.text.find(needle) != std::string::npos) {
            kiosk.Tap(ImVec2((text.min.x + text.max.x) / 2, (text.min.y + text.max.y) / 2));
            return true;
        }
    return false;
}

// With KIOSK_STAFF_UPDATE_SHOTS=DIR the test also writes what it sees there as PNGs (how
// docs/screenshots/staff-usb-preview-*.png were made: these states need a real bundle on a
// stick, which `kiosk screenshot` scenes do not have). Without it, nothing is written.
void MaybeSaveShot(platform::HeadlessKiosk& kiosk, const std::string& name) {
    const char* directory = std::getenv("KIOSK_STAFF_UPDATE_SHOTS");
    if (!directory) return;
    std::string size = std::to_string(kiosk.width()) + "x" + std::to_string(kiosk.height());
    CHECK(kiosk.SavePng(fs::path(directory) / (name + "-" + size + ".png")).ok());
}

size_t AuditCount(platform::HeadlessKiosk& kiosk, const std::string& action, const std::string& result) {
    size_t count = 0;
    for (const auto& entry : kiosk.services().audit_log().Recent(1000))
        if (entry.action == action && entry.result == result) ++count;
    return count;
}

// A kiosk on small factory content (version 1) that trusts `key`, with a PIN, a stick
// "USB-XA" in a fake mount table, and the content watcher running as `kiosk run` has it.
struct StaffUpdateFixture {
    kiosk::testing::TemporaryDirectory directory;
    bundle::SigningKey key = kiosk::testing::NewKey("so-thu");
    fs::path stick = directory / "media" / "kiosk" / "USB-XA";
    Config config;
    std::unique_ptr<platform::HeadlessKiosk> kiosk;

    explicit StaffUpdateFixture(int width = 1080, int height = 1920) {
        kiosk::testing::WriteSmallContent(directory / "factory", 1);
        fs::create_directories(stick);
        kiosk::testing::WriteFile(directory / "mountinfo",
                                  "21 1 0:20 / / rw - ext4 /dev/sda1 rw\n30 26 8:17 / " + stick.string() +
                                      " rw,nosuid,nodev,relatime shared:1 - vfat /dev/sdb1 rw\n");
        config = DefaultConfig();
        config.content_dir = directory / "factory";
        config.data_dir = directory / "data";
        config.content.trusted_keys = {key.public_key().Line()};
        config.staff.pin_hash = PinHash();
        kiosk = kiosk::testing::MakeHeadlessKiosk(config, width, height);
        usb::UsbSettings usb;
        usb.mount_roots = {directory / "media"};
        usb.mount_table = directory / "mountinfo";
        kiosk->services().UseUsbSettings(usb);
        kiosk->services().StartWatchingContent(std::chrono::milliseconds(50));
    }

    // Version `version` of the content, its birth registration renamed so the version shows.
    fs::path Bundle(long long version, const bundle::SigningKey& signer, const std::string& name) {
        fs::path source = directory / ("v" + std::to_string(version) + "-" + name);
        kiosk::testing::WriteSmallContent(source, version);
        kiosk::testing::PatchBytes(source / "procedures.jsonl", "\"Đăng ký khai sinh\"",
                                   "\"Đăng ký khai sinh phiên bản " + std::to_string(version) + "\"");
        kiosk::testing::PackOrFail(source, directory / name, signer);
        return directory / name;
    }

    // The way in a desk officer takes: the finger held on the commune's name, then the PIN.
    void EnterStaffMode() {
        ImVec2 name(0, 0);
        for (const auto& text : kiosk->record().texts)
            if (text.text == "Xã Thử") name = ImVec2((text.min.x + text.max.x) / 2, (text.min.y + text.max.y) / 2);
        REQUIRE(name.x > 0);
        kiosk->Hold(name, 6.5);
        REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffPin);
        for (char digit : std::string(kPin)) REQUIRE(kiosk->TapLabel(std::string(1, digit)));
        REQUIRE(kiosk->TapLabel("Mở"));
        REQUIRE(FramesUntil(*kiosk, [&] { return !kiosk->ui().staff_screens().pin.Checking(); }));
        REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffStatus);
    }

    // What is installed, byte for byte (a preview may make the store's empty folders).
    std::string StoreFingerprint() {
        fs::path releases = config.data_dir / "content" / "releases";
        std::error_code ignored;
        if (!fs::exists(releases, ignored) || fs::is_empty(releases, ignored)) return "nothing installed";
        return kiosk::testing::TreeFingerprint(releases);
    }
};

}  // namespace

TEST_CASE("staff update: a bundle on a USB stick is previewed, installed with progress, audited, and citizens then see it") {
  for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(width);
    StaffUpdateFixture fixture(width, height);
    auto& kiosk = *fixture.kiosk;
    fs::copy_file(fixture.Bundle(2, fixture.key, "xa-thu-v2.zip"), fixture.stick / "xa-thu-v2.zip");
    fixture.EnterStaffMode();

    REQUIRE(kiosk.TapLabel("Cập nhật từ USB"));
    REQUIRE(CurrentScreen(kiosk) == ScreenId::StaffUsb);
    // The watcher's first scan arrives through the run queue: the stick and its bundle.
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "xa-thu-v2.zip"); }));
    CHECK(HasText(kiosk, "USB USB-XA"));

    // The preview: checked whole on the worker, nothing installed yet.
    const std::string before = fixture.StoreFingerprint();
    REQUIRE(TapTextContaining(kiosk, "xa-thu-v2.zip"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Phiên bản nội dung 2"); }));
    CHECK(HasText(kiosk, "so-thu"));                                // the signer
    CHECK(HasText(kiosk, "Đăng ký khai sinh phiên bản 2"));         // the procedure it changes, by name
    CHECK(fixture.StoreFingerprint() == before);
    CHECK(kiosk.services().catalog()->manifest().version == 1);
    MaybeSaveShot(kiosk, "staff-usb-preview");

    // "Cài đặt": progress while the worker installs, then the result sentence.
    REQUIRE(kiosk.TapLabel("Cài đặt"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Đã cài đặt phiên bản nội dung 2"); }));
    auto current = bundle::ContentStore::Open(fixture.config.data_dir).Current();
    REQUIRE(current);
    CHECK(current->version == 2);
    CHECK(AuditCount(kiosk, "install_usb", "ok") == 1);
    MaybeSaveShot(kiosk, "staff-usb-installed");

    // Staff leave; the citizens' screens take version 2 at home.
    REQUIRE(kiosk.TapLabel("Về màn hình người dân"));
    REQUIRE(FramesUntil(kiosk, [&] { return kiosk.services().catalog()->manifest().version == 2; }));
    REQUIRE(kiosk.TapLabel("Thủ tục hành chính"));
    REQUIRE(kiosk.TapLabel("Hộ tịch"));
    CHECK(HasText(kiosk, "Đăng ký khai sinh phiên bản 2"));
  }
}

TEST_CASE("staff update: a forged bundle on a stick is refused with its Vietnamese sentence, audited, nothing changes") {
    StaffUpdateFixture fixture;
    auto& kiosk = *fixture.kiosk;
    auto stranger = kiosk::testing::NewKey("ke-gia-mao");
    fs::copy_file(fixture.Bundle(2, stranger, "gia-mao.zip"), fixture.stick / "gia-mao.zip");
    fixture.EnterStaffMode();
    const std::string before = fixture.StoreFingerprint();

    REQUIRE(kiosk.TapLabel("Cập nhật từ USB"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "gia-mao.zip"); }));
    REQUIRE(TapTextContaining(kiosk, "gia-mao.zip"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Gói nội dung bị từ chối"); }));
    CHECK(HasText(kiosk, "khóa không có trong danh sách khóa tin cậy"));
    CHECK(HasText(kiosk, "Kiosk vẫn dùng nội dung cũ"));
    CHECK_FALSE(kiosk.TapLabel("Cài đặt"));  // nothing to install
    CHECK(AuditCount(kiosk, "preview_usb", "refused") == 1);
    MaybeSaveShot(kiosk, "staff-usb-refused");
    CHECK(fixture.StoreFingerprint() == before);
    CHECK(kiosk.services().catalog()->manifest().version == 1);
}

TEST_CASE("staff update: a stick without bundles and no stick at all are said in words") {
    StaffUpdateFixture fixture;
    auto& kiosk = *fixture.kiosk;
    fixture.EnterStaffMode();
    REQUIRE(kiosk.TapLabel("Cập nhật từ USB"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "USB này không có gói nội dung"); }));
    // The stick is pulled out: the watcher notices within its 2 s.
    kiosk::testing::WriteFile(fixture.directory / "mountinfo", "21 1 0:20 / / rw - ext4 /dev/sda1 rw\n");
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Chưa thấy USB nào."); }));
}

TEST_CASE("staff update: rollback shows the previous version with its date, asks to confirm, goes back and is audited") {
    StaffUpdateFixture fixture;
    auto& kiosk = *fixture.kiosk;
    bundle::InstallOptions options;
    options.trust = kiosk::testing::TrustOnly(fixture.key);
    options.factory_content_dir = fixture.config.content_dir;
    auto store = bundle::ContentStore::Open(fixture.config.data_dir);
    REQUIRE(store.Install(fixture.Bundle(2, fixture.key, "v2.zip"), options));
    REQUIRE(store.Install(fixture.Bundle(3, fixture.key, "v3.zip"), options));
    REQUIRE(FramesUntil(kiosk, [&] { return kiosk.services().catalog()->manifest().version == 3; }));
    fixture.EnterStaffMode();

    REQUIRE(kiosk.TapLabel("Quay lại phiên bản trước"));
    REQUIRE(CurrentScreen(kiosk) == ScreenId::StaffRollback);
    CHECK(HasText(kiosk, "Phiên bản nội dung 3 (xa-thu)"));
    CHECK(HasText(kiosk, "Phiên bản nội dung 2 (xa-thu)"));
    // One tap only asks; "Không, giữ nguyên" keeps version 3.
    REQUIRE(kiosk.TapLabel("Quay lại phiên bản 2"));
    CHECK(store.Current()->version == 3);
    CHECK(HasText(kiosk, "Bạn chắc chắn chứ?"));
    MaybeSaveShot(kiosk, "staff-rollback-confirm");
    REQUIRE(kiosk.TapLabel("Không, giữ nguyên"));
    CHECK(store.Current()->version == 3);
    REQUIRE(kiosk.TapLabel("Quay lại phiên bản 2"));
    REQUIRE(kiosk.TapLabel("Có, quay lại bản 2"));
    REQUIRE(FramesUntil(kiosk, [&] { return AuditCount(kiosk, "rollback", "ok") == 1; }));
    CHECK(store.Current()->version == 2);

    REQUIRE(kiosk.TapLabel("Về màn hình người dân"));
    REQUIRE(FramesUntil(kiosk, [&] { return kiosk.services().catalog()->manifest().version == 2; }));
}
