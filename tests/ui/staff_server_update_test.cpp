// "Cập nhật từ máy chủ", driven through the real screen against the real reference server
// (kiosk-server on 127.0.0.1, a port the kernel picks): bundles from the real packer,
// published with `kiosk-server content publish`, pulled and installed by the kiosk's own
// ServerContentUpdater on its worker, the real kiosk drawn headless.
#include <doctest/doctest.h>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include "tests/integration/server_harness.hpp"
#include "tests/ui/staff_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using namespace kiosk::testing;
namespace fs = std::filesystem;

namespace {

// A kiosk on small factory content (version 1) that trusts `key`, with a PIN, and — unless
// told otherwise — the real server, knowing this kiosk by its token, with its content
// updater running as `kiosk run` starts it (votes and heartbeats left out: not this test's).
struct StaffServerFixture {
    TemporaryDirectory directory;
    bundle::SigningKey key = NewKey("so-thu");
    const std::string token = "tok-staff-server-0123456789ab";
    std::unique_ptr<HardenedServer> server;
    Config config;
    std::unique_ptr<platform::HeadlessKiosk> kiosk;

    struct Options {
        bool with_server = true;
        // The kiosk installs by itself; WhenAsked leaves "Cài đặt" to staff.
        bundle::InstallPolicy policy = bundle::InstallPolicy::Automatic;
        int width = 1080, height = 1920;
        std::function<void(StaffServerFixture&)> before_start;  // e.g. publish first
    };

    explicit StaffServerFixture(Options options) {
        KeepLoopbackOffProxies();
        WriteSmallContent(directory / "factory", 1);
        config = DefaultConfig();
        config.kiosk_id = "kiosk-a";
        config.content_dir = directory / "factory";
        config.data_dir = directory / "data";
        config.content.trusted_keys = {key.public_key().Line()};
        config.staff.pin_hash = StaffPinHash();
        if (options.with_server) {
            WriteFile(directory / "tokens", "kiosk-a " + token + "\n");
            WriteFile(directory / "trusted.pub", key.public_key().Line() + "\n");
            server = std::make_unique<HardenedServer>(directory / "server.sqlite", directory / "tokens");
            REQUIRE(server->started());
            config.server.url = server->url();
            config.server.token = token;
        }
        if (options.before_start) options.before_start(*this);
        kiosk = MakeHeadlessKiosk(config, options.width, options.height);
        if (options.policy != bundle::InstallPolicy::Automatic) kiosk->services().UseServerInstallPolicy(options.policy);
        kiosk->services().StartWatchingContent(std::chrono::milliseconds(50));
        if (auto* updater = kiosk->services().content_updater()) updater->Start();
    }

    void Publish(const fs::path& bundle) {
        auto published = RunWithErrors({ServerBinary().string(), "content", "publish", bundle.string(), "--db",
                                        (directory / "server.sqlite").string(), "--trusted-keys",
                                        (directory / "trusted.pub").string()});
        REQUIRE_MESSAGE(published.exit_code == 0, published.output);
    }

    // The server offers `bundle` in place of the published `version`: what an attacker who
    // got onto the server would do (publish itself refuses a bundle it cannot verify). The
    // manifest's digest and size match the file, so only the kiosk's signature check is left.
    void OfferInsteadOf(long long version, const fs::path& bundle) {
        auto database = SqliteDatabase::Open(directory / "server.sqlite", SqliteDatabase::Mode::Create);
        REQUIRE(database);
        auto select = (*database)->Prepare("SELECT sha256 FROM content_bundles WHERE version = ?1");
        REQUIRE(select);
        select->Bind(1, static_cast<std::int64_t>(version));
        REQUIRE(*select->Step());
        const std::string genuine = select->Text(0);
        const std::string sha256 = bundle::Sha256Digest::Of(ReadFile(bundle));
        fs::copy_file(bundle, directory / "server.sqlite.bundles" / (sha256 + ".zip"));
        auto update = (*database)->Prepare("UPDATE content_bundles SET sha256 = ?1, size = ?2 WHERE sha256 = ?3");
        REQUIRE(update);
        update->Bind(1, sha256).Bind(2, static_cast<std::int64_t>(fs::file_size(bundle))).Bind(3, genuine);
        REQUIRE(update->Run());
    }

    void OpenServerScreen() {
        EnterStaffMode(*kiosk);
        REQUIRE(kiosk->TapLabel("Cập nhật từ máy chủ"));
        REQUIRE(CurrentScreen(*kiosk) == ScreenId::StaffServer);
    }

    std::string StoreFingerprint() {
        fs::path releases = config.data_dir / "content" / "releases";
        std::error_code ignored;
        if (!fs::exists(releases, ignored) || fs::is_empty(releases, ignored)) return "nothing installed";
        return TreeFingerprint(releases);
    }
};

bool UpdaterIdle(platform::HeadlessKiosk& kiosk) {
    return kiosk.services().content_updater()->state().phase == bundle::ServerUpdateState::Phase::Idle;
}

// A refused bundle the server offers: the kiosk's own automatic install refused it, staff
// see why, and "Cài đặt" tried again is refused again, audited; nothing changes.
// `shot`: the screenshot's name, or "" for none.
void CheckOfferRefused(const std::optional<bundle::SigningKey>& signer, const std::string& why, int width, int height,
                       const std::string& shot) {
    CAPTURE(width);
    StaffServerFixture fixture({.width = width, .height = height, .before_start = [&](StaffServerFixture& setup) {
                                    setup.Publish(PackVersion(setup.directory.path(), 2, setup.key, "xa-thu-v2.zip"));
                                    setup.OfferInsteadOf(2, PackVersion(setup.directory.path(), 2, signer, "gia-mao-v2.zip"));
                                }});
    auto& kiosk = *fixture.kiosk;
    const std::string before = fixture.StoreFingerprint();
    fixture.OpenServerScreen();
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Gói nội dung bị từ chối") && UpdaterIdle(kiosk); }));
    CHECK(HasText(kiosk, why));
    CHECK(HasText(kiosk, "Kiosk vẫn dùng nội dung cũ"));
    CHECK(HasText(kiosk, "Máy chủ có phiên bản nội dung 2 (xa-thu)."));  // what it offers, still said

    // The worker held while staff press "Cài đặt": until the retry has run, the refusal on
    // screen is the earlier one, not its result, and nothing is audited yet.
    bundle::ServerContentUpdater& updater = *kiosk.services().content_updater();
    const int finished = updater.state().finished;
    updater.Stop();
    REQUIRE(kiosk.TapLabel("Cài đặt"));
    kiosk.Settle(5);
    CHECK(AuditCount(kiosk, "install_server", "failed") == 0);
    updater.Start();  // the press is still asked for: the retry runs now
    REQUIRE(FramesUntil(kiosk, [&] { return updater.state().finished > finished; }));
    CHECK(HasText(kiosk, "Gói nội dung bị từ chối"));
    CHECK(HasText(kiosk, why));
    CHECK(AuditCount(kiosk, "install_server", "failed") == 1);
    CHECK(AuditCount(kiosk, "install_server", "ok") == 0);
    if (!shot.empty()) MaybeSaveShot(kiosk, shot);
    CHECK(fixture.StoreFingerprint() == before);
    CHECK(kiosk.services().catalog()->manifest().version == 1);
}

}  // namespace

TEST_CASE("staff server update: the screen shows what the server offers, \"Kiểm tra ngay\" then \"Cài đặt\" installs it and citizens then see it") {
  for (auto [width, height] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(width);
    // Installs left to staff, so that "Cài đặt" is what installs (the kiosk's own policy
    // installs at the check; the refusal test below runs with that one).
    StaffServerFixture fixture({.policy = bundle::InstallPolicy::WhenAsked, .width = width, .height = height});
    auto& kiosk = *fixture.kiosk;
    fixture.OpenServerScreen();
    // The updater's first check, at start: nothing published yet.
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Máy chủ chưa có gói nội dung nào."); }));
    CHECK(HasText(kiosk, fixture.server->url()));

    fixture.Publish(PackVersion(fixture.directory.path(), 2, fixture.key, "xa-thu-v2.zip"));
    REQUIRE(kiosk.TapLabel("Kiểm tra ngay"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Máy chủ có phiên bản nội dung 2 (xa-thu)."); }));
    CHECK(HasText(kiosk, "Người ký: so-thu"));
    // A few kilobytes, said as such ("0 MB" once).
    const auto size = fs::file_size(fixture.directory / "xa-thu-v2.zip");
    CHECK(HasText(kiosk, "Dung lượng gói: " + staff::VietnameseBytes(size)));
    CHECK(staff::VietnameseBytes(size).find(" KB") != std::string::npos);
    CHECK(HasText(kiosk, "Phiên bản này mới hơn nội dung kiosk đang dùng"));
    CHECK_FALSE(HasText(kiosk, "Máy chủ chưa có gói nội dung nào."));
    CHECK(fixture.StoreFingerprint() == "nothing installed");  // a check installs nothing here
    CHECK(AuditCount(kiosk, "check_server", "ok") == 1);
    MaybeSaveShot(kiosk, "staff-server-offer");

    REQUIRE(kiosk.TapLabel("Cài đặt"));
    REQUIRE(FramesUntil(kiosk, [&] { return HasText(kiosk, "Đã cài đặt phiên bản nội dung 2"); }));
    auto current = bundle::ContentStore::Open(fixture.config.data_dir).Current();
    REQUIRE(current);
    CHECK(current->version == 2);
    CHECK(AuditCount(kiosk, "install_server", "ok") == 1);
    CHECK(HasText(kiosk, "Kiosk đang dùng phiên bản 2: không cần cài đặt."));
    MaybeSaveShot(kiosk, "staff-server-installed");

    REQUIRE(kiosk.TapLabel("Về màn hình người dân"));
    REQUIRE(FramesUntil(kiosk, [&] { return kiosk.services().catalog()->manifest().version == 2; }));
    REQUIRE(kiosk.TapLabel("Thủ tục hành chính"));
    REQUIRE(kiosk.TapLabel("Hộ tịch"));
    CHECK(HasText(kiosk, "Đăng ký khai sinh phiên bản 2"));
  }
}

TEST_CASE("staff server update: a forged bundle the server offers is refused with its Vietnamese sentence, audited, nothing changes") {
    CheckOfferRefused(NewKey("ke-gia-mao"), "khóa không có trong danh sách khóa tin cậy", 1080, 1920, "staff-server-refused");
    CheckOfferRefused(NewKey("ke-gia-mao"), "khóa không có trong danh sách khóa tin cậy", 1920, 1080, "staff-server-refused");
}

TEST_CASE("staff server update: an unsigned bundle the server offers is refused with its Vietnamese sentence") {
    CheckOfferRefused(std::nullopt, "gói không có chữ ký", 1080, 1920, "");
}

TEST_CASE("staff server update: without a server the screen says no content server is configured, not a word about votes") {
    StaffServerFixture fixture({.with_server = false});
    auto& kiosk = *fixture.kiosk;
    fixture.OpenServerScreen();
    CHECK(HasText(kiosk, "Chưa cấu hình máy chủ nội dung"));
    CHECK(HasText(kiosk, "server.url"));
    CHECK_FALSE(HasText(kiosk, "phiếu"));
    CHECK_FALSE(kiosk.TapLabel("Kiểm tra ngay"));
    CHECK_FALSE(kiosk.TapLabel("Cài đặt"));
}

TEST_CASE("staff server update: a server but no trusted key that reads: the screen says installs cannot happen") {
    StaffServerFixture fixture({.before_start = [](StaffServerFixture& setup) { setup.config.content.trusted_keys = {"not a key"}; }});
    auto& kiosk = *fixture.kiosk;
    fixture.OpenServerScreen();
    CHECK(HasText(kiosk, "khóa tin cậy trong cấu hình không đọc được"));
    CHECK_FALSE(HasText(kiosk, "Chưa cấu hình máy chủ"));
}
