// A running kiosk picks up newly installed content without a restart: the content watcher
// opens it on its worker, and the kiosk switches to it at the next return home — never
// under a citizen who is reading a procedure. Real bundle from the real packer, the real
// ContentStore install, the real kiosk UI drawn headless.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "kiosk/core/bundle/content_store.hpp"
#include "tests/core/bundle_test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
namespace fs = std::filesystem;

namespace {

// Draws frames (each drains the run queue) until `done` or 10 s pass.
bool FramesUntil(platform::HeadlessKiosk& kiosk, const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        kiosk.Frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace

TEST_CASE("content switch: new content waits while a citizen reads a procedure, and shows at the next return home") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteSmallContent(directory / "factory", 1);
    // Version 2 renames the birth registration, so which version is drawn is plain to see.
    kiosk::testing::WriteSmallContent(directory / "v2", 2);
    kiosk::testing::PatchBytes(directory / "v2" / "procedures.jsonl", "\"Đăng ký khai sinh\"",
                               "\"Đăng ký khai sinh lưu động\"");
    auto key = kiosk::testing::NewKey("so-thu");
    kiosk::testing::PackOrFail(directory / "v2", directory / "v2.zip", key);

    Config config = DefaultConfig();
    config.content_dir = directory / "factory";
    config.data_dir = directory / "data";
    config.content.trusted_keys = {key.public_key().Line()};
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config);
    Services& services = kiosk->services();
    REQUIRE(services.catalog());
    CHECK(services.catalog()->manifest().version == 1);
    services.StartWatchingContent(std::chrono::milliseconds(50));

    // A citizen opens the birth registration.
    REQUIRE(kiosk->TapLabel("Thủ tục hành chính"));
    REQUIRE(kiosk->TapLabel("Hộ tịch"));
    REQUIRE(kiosk->TapLabel("Đăng ký khai sinh"));
    REQUIRE(kiosk->ui().navigator().Current().screen == ScreenId::ProcedureDetail);
    CHECK(HasText(*kiosk, "Đăng ký khai sinh"));

    // Meanwhile staff install version 2 (the same store the kiosk's USB and server paths use).
    bundle::InstallOptions options;
    options.trust = kiosk::testing::TrustOnly(key);
    options.factory_content_dir = config.content_dir;
    auto installed = bundle::ContentStore::Open(config.data_dir).Install(directory / "v2.zip", options);
    REQUIRE_MESSAGE(installed, installed.error().message);
    services.CheckContentNow();
    REQUIRE(FramesUntil(*kiosk, [&] { return services.has_pending_content(); }));

    // The citizen is not disturbed: same screen, same words, version 1 still shown.
    kiosk->Settle();
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::ProcedureDetail);
    CHECK(services.catalog()->manifest().version == 1);
    CHECK(HasText(*kiosk, "Đăng ký khai sinh"));
    CHECK_FALSE(HasText(*kiosk, "lưu động"));
    // Going back one screen is not home either.
    REQUIRE(kiosk->TapLabel("Quay lại"));
    CHECK(services.has_pending_content());
    CHECK(services.catalog()->manifest().version == 1);

    // Home: the kiosk switches, and the next citizen reads version 2.
    REQUIRE(kiosk->TapLabel("Trang chủ"));
    kiosk->Settle();
    CHECK_FALSE(services.has_pending_content());
    CHECK(services.catalog()->manifest().version == 2);
    REQUIRE(kiosk->TapLabel("Thủ tục hành chính"));
    REQUIRE(kiosk->TapLabel("Hộ tịch"));
    CHECK(HasText(*kiosk, "Đăng ký khai sinh lưu động"));
}

TEST_CASE("content switch: a kiosk idle at home switches at once, broken new content is never switched to") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteSmallContent(directory / "factory", 1);
    kiosk::testing::WriteSmallContent(directory / "v2", 2);
    Config config = DefaultConfig();
    config.content_dir = directory / "factory";
    config.data_dir = directory / "data";
    auto kiosk = kiosk::testing::MakeHeadlessKiosk(config);
    Services& services = kiosk->services();
    services.StartWatchingContent(std::chrono::milliseconds(50));

    // The factory content edited in place into something broken: nothing is offered.
    kiosk::testing::WriteFile(directory / "factory" / "fields.json", "{ not json");
    services.CheckContentNow();
    for (int frame = 0; frame < 30; ++frame) {
        kiosk->Frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    CHECK_FALSE(services.has_pending_content());
    CHECK(services.catalog()->manifest().version == 1);

    auto installed = bundle::ContentStore::Open(config.data_dir).InstallDirectory(directory / "v2", {});
    REQUIRE_MESSAGE(installed, installed.error().message);
    services.CheckContentNow();
    REQUIRE(FramesUntil(*kiosk, [&] { return services.catalog()->manifest().version == 2; }));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
}
