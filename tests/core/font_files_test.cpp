#include <doctest/doctest.h>

#include "kiosk/core/font_files.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
using kiosk::testing::TemporaryDirectory;
using kiosk::testing::WriteFile;

TEST_CASE("fonts: the shipped fonts.json resolves to installed Debian fonts") {
    auto files = ResolveFontFiles(kiosk::testing::SourceDirectory() / "fonts" / "fonts.json");
    REQUIRE_MESSAGE(files.ok(), (files.ok() ? "" : files.error().message));
    CHECK(std::filesystem::exists(files->regular));
    CHECK(std::filesystem::exists(files->bold));
}

TEST_CASE("fonts: the first existing candidate wins and a missing font is explained") {
    TemporaryDirectory directory;
    WriteFile(directory / "b.ttf", "x");
    WriteFile(directory / "fonts.json", R"({"regular": ["missing.ttf", "b.ttf"], "bold": ["b.ttf"]})");
    auto files = ResolveFontFiles(directory / "fonts.json");
    REQUIRE(files.ok());
    CHECK(files->regular == directory / "b.ttf");
    CHECK(files->fallback.empty());

    WriteFile(directory / "fonts.json", R"({"regular": ["missing.ttf"], "bold": ["b.ttf"]})");
    auto missing = ResolveFontFiles(directory / "fonts.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("fonts-noto-core") != std::string::npos);
}
