// ContentSource: the one rule for which content is shown. However content changes — edited
// in place, swapped with mv, a content_dir symlink switched to another release, the config
// pointed elsewhere — broken content never replaces the last good content.
#include <doctest/doctest.h>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// A small valid content directory whose commune name says which release it is.
void WriteContent(const fs::path& directory, int version, const std::string& commune) {
    testing::WriteFile(directory / "manifest.json",
                       R"({"schema_version": 1, "content_id": "xa-thu", "version": )" + std::to_string(version) +
                           R"(, "created": "2026-06-01", "commune": {"name": ")" + commune + R"(", "province": "Tỉnh Thử"}})");
    testing::WriteFile(directory / "fields.json", R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch"}]})");
    testing::WriteFile(directory / "procedures.jsonl",
                       R"({"code": "1.000001", "name": "Đăng ký khai sinh", "field": "ho-tich"})"
                       "\n");
}

void Break(const fs::path& directory) { testing::WriteFile(directory / "manifest.json", "{ \"content_id\": "); }

catalog::ContentSource SourceFor(const fs::path& content_dir, const fs::path& data_dir) {
    return catalog::ContentSource({content_dir, data_dir, {}});
}

std::string CommuneShown(const catalog::ShownContent& shown) {
    return shown.catalog ? shown.catalog->manifest().commune.name : std::string("(nothing)");
}

}  // namespace

TEST_CASE("content source: content edited in place into something broken falls back to the last good") {
    testing::TemporaryDirectory work;
    WriteContent(work / "content", 1, "Xã Một");
    auto source = SourceFor(work / "content", work / "state");
    auto first = source.Open();
    REQUIRE(first.ok());
    CHECK(CommuneShown(first) == "Xã Một");
    CHECK_FALSE(first.fallback);

    Break(work / "content");
    auto second = source.Open();
    CHECK_FALSE(second.ok());
    CHECK(second.problem.message.find("manifest.json") != std::string::npos);
    CHECK(second.fallback);
    CHECK(CommuneShown(second) == "Xã Một");
    CHECK(second.shown == work / "content");
}

TEST_CASE("content source: a broken directory moved into place with mv falls back to the last good") {
    testing::TemporaryDirectory work;
    WriteContent(work / "content", 1, "Xã Một");
    auto source = SourceFor(work / "content", work / "state");
    REQUIRE(CommuneShown(source.Open()) == "Xã Một");

    WriteContent(work / "incoming", 2, "Xã Hai");
    Break(work / "incoming");
    fs::rename(work / "content", work / "old");
    fs::rename(work / "incoming", work / "content");
    auto shown = source.Open();
    CHECK_FALSE(shown.ok());
    CHECK(shown.fallback);
    CHECK(CommuneShown(shown) == "Xã Một");
}

TEST_CASE("content source: a content_dir symlink switched to a bad release falls back to the last good") {
    testing::TemporaryDirectory work;
    WriteContent(work / "releases" / "1", 1, "Xã Một");
    WriteContent(work / "releases" / "2", 2, "Xã Hai");
    Break(work / "releases" / "2");
    fs::create_directory_symlink(work / "releases" / "1", work / "content");
    auto source = SourceFor(work / "content", work / "state");
    REQUIRE(CommuneShown(source.Open()) == "Xã Một");

    // ln -sfn releases/2 content, the usual way to switch releases.
    fs::remove(work / "content");
    fs::create_directory_symlink(work / "releases" / "2", work / "content");
    auto shown = source.Open();
    CHECK_FALSE(shown.ok());
    CHECK(shown.fallback);
    CHECK(CommuneShown(shown) == "Xã Một");

    // A good release behind the same link is shown at once.
    WriteContent(work / "releases" / "3", 3, "Xã Ba");
    fs::remove(work / "content");
    fs::create_directory_symlink(work / "releases" / "3", work / "content");
    auto third = source.Open();
    CHECK(third.ok());
    CHECK(CommuneShown(third) == "Xã Ba");
}

TEST_CASE("content source: a config pointed at a broken directory still shows the last good content") {
    testing::TemporaryDirectory work;
    WriteContent(work / "content-a", 1, "Xã Một");
    REQUIRE(CommuneShown(SourceFor(work / "content-a", work / "state").Open()) == "Xã Một");
    WriteContent(work / "content-b", 2, "Xã Hai");
    Break(work / "content-b");
    auto shown = SourceFor(work / "content-b", work / "state").Open();
    CHECK(shown.fallback);
    CHECK(CommuneShown(shown) == "Xã Một");
    CHECK(shown.shown == work / "content-a");
}

TEST_CASE("content source: a directory named on the command line is never recorded as the kiosk's last good") {
    testing::TemporaryDirectory work;
    WriteContent(work / "content", 1, "Xã Một");
    WriteContent(work / "other", 5, "Xã Khác");
    auto kiosk = SourceFor(work / "content", work / "state");
    REQUIRE(CommuneShown(kiosk.Open()) == "Xã Một");
    catalog::ContentSource search({work / "content", work / "state", work / "other"});
    CHECK(CommuneShown(search.Open()) == "Xã Khác");
    Break(work / "content");
    CHECK(CommuneShown(kiosk.Open()) == "Xã Một");
    // And the directory given does not fall back to the kiosk's content.
    Break(work / "other");
    catalog::ContentSource broken_search({work / "content", work / "state", work / "nowhere"});
    auto shown = broken_search.Open();
    CHECK_FALSE(shown.catalog);
    CHECK_FALSE(shown.ok());
}

TEST_CASE("content source: an installed release is shown instead of the factory content") {
    testing::TemporaryDirectory work;
    WriteContent(work / "factory", 1, "Xã Nhà Máy");
    auto source = SourceFor(work / "factory", work / "state");
    CHECK(source.WantedDirectory() == work / "factory");
    CHECK(CommuneShown(source.Open()) == "Xã Nhà Máy");
    // Installed by the real store (`kiosk content install DIR`).
    WriteContent(work / "release", 2, "Xã Đã Cài");
    bundle::InstallOptions options;
    options.factory_content_dir = work / "factory";
    auto installed = bundle::ContentStore::Open(work / "state").InstallDirectory(work / "release", options);
    REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message));
    CHECK(source.WantedDirectory() == installed->content_directory);
    CHECK(CommuneShown(source.Open()) == "Xã Đã Cài");
}

TEST_CASE("content source: the fingerprint changes with the files and with a symlink's target") {
    testing::TemporaryDirectory work;
    WriteContent(work / "releases" / "1", 1, "Xã Một");
    WriteContent(work / "releases" / "2", 2, "Xã Hai");
    fs::create_directory_symlink(work / "releases" / "1", work / "content");
    auto source = SourceFor(work / "content", work / "state");
    auto first = source.Fingerprint();
    CHECK(source.Fingerprint() == first);
    fs::remove(work / "content");
    fs::create_directory_symlink(work / "releases" / "2", work / "content");
    auto second = source.Fingerprint();
    CHECK(second != first);
    testing::WriteFile(work / "releases" / "2" / "procedures.jsonl",
                       R"({"code": "1.000009", "name": "Đăng ký kết hôn", "field": "ho-tich"})"
                       "\n");
    CHECK(source.Fingerprint() != second);
}

TEST_CASE("content source: a symlink switched between releases of the same sizes and times is still noticed") {
    // Releases unpacked from bundles keep the times tar gave them, and a release that only
    // changes a word can keep every size: the files' stamp is then the same behind the link,
    // and only the link's target tells the watcher the shown content changed (issue 13 item 4).
    testing::TemporaryDirectory work;
    WriteContent(work / "releases" / "1", 1, "Xã Một");
    WriteContent(work / "releases" / "2", 2, "Xã Bốn");  // "Bốn" and "Một" are both 5 bytes
    auto same_time = fs::file_time_type::clock::now() - std::chrono::hours(24);
    for (const char* name : {"manifest.json", "fields.json", "procedures.jsonl"})
        for (const char* release : {"1", "2"}) {
            fs::last_write_time(work / "releases" / release / name, same_time);
        }
    for (const char* name : {"manifest.json", "fields.json", "procedures.jsonl"})
        REQUIRE(fs::file_size(work / "releases" / "1" / name) == fs::file_size(work / "releases" / "2" / name));
    REQUIRE(catalog::ContentStamp(work / "releases" / "1") == catalog::ContentStamp(work / "releases" / "2"));

    fs::create_directory_symlink(work / "releases" / "1", work / "content");
    auto source = SourceFor(work / "content", work / "state");
    auto first = source.Fingerprint();
    REQUIRE(CommuneShown(source.Open()) == "Xã Một");
    fs::remove(work / "content");
    fs::create_directory_symlink(work / "releases" / "2", work / "content");
    CHECK(source.Fingerprint() != first);
    CHECK(CommuneShown(source.Open()) == "Xã Bốn");
}
