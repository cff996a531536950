#include <doctest/doctest.h>

#include "kiosk/ui/services.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;

TEST_CASE("services: broken content never replaces the last good content") {
    kiosk::testing::TemporaryDirectory directory;
    auto content = directory / "content";
    std::filesystem::copy(kiosk::testing::SourceDirectory() / "content", content, std::filesystem::copy_options::recursive);
    Config config = DefaultConfig();
    config.content_dir = content;
    config.data_dir = directory / "state";

    int good_count = 0;
    {
        auto services = ui::Services::Open(config);
        REQUIRE(services->catalog());
        good_count = services->catalog()->ProcedureCount();
        CHECK(good_count > 300);
    }
    // Staff copy a broken manifest over the good one.
    kiosk::testing::WriteFile(content / "manifest.json", "{ \"content_id\": ");
    auto services = ui::Services::Open(config);
    CHECK_FALSE(services->content_error().message.empty());
    CHECK(services->content_error().message.find("manifest.json") != std::string::npos);
    REQUIRE(services->catalog());
    CHECK(services->catalog()->ProcedureCount() == good_count);
}

TEST_CASE("services: with no content ever installed, the catalog is absent and the reason is kept") {
    kiosk::testing::TemporaryDirectory directory;
    Config config = DefaultConfig();
    config.content_dir = directory / "nothing-here";
    config.data_dir = directory / "state";
    auto services = ui::Services::Open(config);
    CHECK_FALSE(services->catalog());
    CHECK_FALSE(services->content_error().message.empty());
    CHECK(services->vote_recorder());  // votes keep working without content
}
