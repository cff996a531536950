// Staff updates, driven through the real screens: the hidden gesture and the PIN, then
// "Cập nhật từ USB" on a stick in a fake mount table (tests cannot mount; the stick is a
// directory the table lists), "Quay lại phiên bản trước". Real bundles from the real packer,
// the real ContentInstaller on its worker, the real kiosk drawn headless.
#include <doctest/doctest.h>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include "tests/core/bundle_test_support.hpp"
#include "tests/ui/staff_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using namespace kiosk::testing;
namespace fs = std::filesystem;

namespace {

// A kiosk on small factory content (version 1) that trusts `key`, with a PIN, a stick
// "USB-XA" in a fake mount table, and the content watcher running as `kiosk run` has it.
struct StaffUpdateFixture {
    TemporaryDirectory directory;
    bundle::SigningKey key = NewKey("so-thu");
    fs::path stick = directory / "media" / "kiosk" / "USB-XA";
    Config config;
    std::unique_ptr<platform::HeadlessKiosk> kiosk;

    explicit StaffUpdateFixture(int width = 1080, int height = 1920) {
        WriteSmallContent(directory / "factory", 1);
        fs::create_directories(stick);
        WriteFile(directory / "mountinfo", "21 1 0:20 / / rw - ext4 /dev/sda1 rw\n30 26 8:17 / " + stick.string() +
                                               " rw,nosuid,nodev,relatime shared:1 - vfat /dev/sdb1 rw\n");
        config = DefaultConfig();
        config.content_dir = directory / "factory";
        config.data_dir = directory / "data";
        config.content.trusted_keys = {key.public_key().Line()};
        config.staff.pin_hash = StaffPinHash();
        kiosk = MakeHeadlessKiosk(config, width, height);
        usb::UsbSettings usb;
        usb.mount_roots = {directory / "media"};
        usb.mount_table = directory / "mountinfo";
        kiosk->services().UseUsbSettings(usb);
        kiosk->services().StartWatchingContent(std::chrono::milliseconds(50));
    }

    fs::path Bundle(long long version, const bundle::SigningKey& signer, const std::string& name) {
        return PackVersion(directory.path(), version, signer, name);
    }

    void EnterStaffMode() { kiosk::testing::EnterStaffMode(*kiosk); }

    // What is installed, byte for byte (a preview may make the store's empty folders).
    std::string StoreFingerprint() {
        fs::path releases = config.data_dir / "content" / "releases";
        std::error_code ignored;
        if (!fs::exists(releases, ignored) || fs::is_empty(releases, ignored)) return "nothing installed";
        return TreeFingerprint(releases);
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
    // A few kilobytes, said as such (it read "0 MB" once).
    const std::string size = staff::VietnameseBytes(fs::file_size(fixture.stick / "xa-thu-v2.zip"));
    CHECK(size.find(" KB") != std::string::npos);
    CHECK(HasText(kiosk, "xa-thu-v2.zip · " + size));

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
  for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(width);
    StaffUpdateFixture fixture(width, height);
    auto& kiosk = *fixture.kiosk;
    auto stranger = NewKey("ke-gia-mao");
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
}

TEST_CASE("staff update: a stick without bundles and no stick at all are said in words") {
    StaffUpdateFixture fixture;
    auto& kiosk = *fixture.kiosk;
    fixture.EnterStaffMode();
    REQUIRE(kiosk.TapLabel("Cập nhật từ USB"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "USB này không có gói nội dung"); }));
    // The stick is pulled out: the watcher notices within its 2 s.
    WriteFile(fixture.directory / "mountinfo", "21 1 0:20 / / rw - ext4 /dev/sda1 rw\n");
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Chưa thấy USB nào."); }));
}

TEST_CASE("staff update: rollback shows the previous version with its date, asks to confirm, goes back and is audited") {
  for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(width);
    StaffUpdateFixture fixture(width, height);
    auto& kiosk = *fixture.kiosk;
    bundle::InstallOptions options;
    options.trust = TrustOnly(fixture.key);
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
}
