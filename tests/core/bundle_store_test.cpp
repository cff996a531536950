// The installed-content store: install switches `current` to a release holding the files
// and a prebuilt catalog, keeps the previous one for rollback, refuses downgrades, and
// cleans what a killed install left. Real bundles from the real packer, real SQLite.
#include <doctest/doctest.h>

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include "kiosk/core/bundle/content_status.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/catalog/catalog.hpp"
#include "tests/core/bundle_test_support.hpp"

using namespace kiosk;
using namespace kiosk::bundle;
namespace fs = std::filesystem;

namespace {

// A data directory, a factory content directory, and bundles v1… packed on demand.
struct StoreFixture {
    testing::TemporaryDirectory directory;
    SigningKey key = testing::NewKey("so-thu");
    InstallOptions options;

    StoreFixture() {
        testing::WriteSmallContent(directory / "factory", 1);
        options.trust = testing::TrustOnly(key);
        options.factory_content_dir = directory / "factory";
    }
    fs::path data() const { return directory / "data"; }
    ContentStore Store() const { return ContentStore::Open(data()); }
    // Content version `version`, optionally edited, packed into v<version>.zip.
    fs::path Bundle(long long version, const std::function<void(const fs::path&)>& edit = {},
                    const std::string& content_id = "xa-thu") {
        auto source = directory / ("source-" + std::to_string(version) + content_id);
        fs::remove_all(source);
        testing::WriteSmallContent(source, version, content_id);
        if (edit) edit(source);
        auto out = directory / ("v" + std::to_string(version) + content_id + ".zip");
        testing::PackOrFail(source, out, key);
        return out;
    }
};

}  // namespace

TEST_CASE("bundle store: before any install there is no current release and status names the factory content") {
    StoreFixture fixture;
    auto store = fixture.Store();
    CHECK_FALSE(store.Current());
    CHECK_FALSE(store.Previous());
    CHECK_FALSE(fs::exists(fixture.data()));  // opening touches nothing
    auto status = DescribeContentStatus(store, fixture.options.factory_content_dir);
    CHECK(status.origin == ContentOrigin::Factory);
    CHECK(status.content_id == "xa-thu");
    CHECK(status.version == 1);
    CHECK(status.procedure_count == 3);
    auto json = StatusToJson(status);
    CHECK(json["installed_at"].is_null());
    CHECK(json["previous_version"].is_null());
    CHECK(store.CleanLeftovers().ok());
}

TEST_CASE("bundle store: install makes a release with the files and a catalog, switched in by the current link") {
    StoreFixture fixture;
    auto store = fixture.Store();
    std::vector<InstallStage> stages;
    int procedures_announced = 0;
    fixture.options.progress = [&](const InstallProgress& progress) {
        if (stages.empty() || stages.back() != progress.stage) stages.push_back(progress.stage);
        if (progress.stage == InstallStage::BuildingCatalog) procedures_announced = progress.procedure_count;
    };
    auto installed = store.Install(fixture.Bundle(2), fixture.options);
    REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message));
    CHECK(stages == std::vector<InstallStage>{InstallStage::CheckingSignature, InstallStage::Unpacking,
                                              InstallStage::CheckingContent, InstallStage::BuildingCatalog,
                                              InstallStage::Switching, InstallStage::Installed});
    CHECK(procedures_announced == 3);

    auto current = store.Current();
    REQUIRE(current);
    CHECK(current->name == installed->name);
    CHECK(current->content_id == "xa-thu");
    CHECK(current->version == 2);
    CHECK(current->procedure_count == 3);
    CHECK(current->signer.rfind("so-thu (ed25519:", 0) == 0);
    CHECK(current->predecessor.empty());  // it replaced the factory content
    CHECK(fs::read_symlink(fixture.data() / "content" / "current") == fs::path("releases") / current->name);
    CHECK(testing::ReadFile(current->content_directory / "media" / "buoc-1.png") ==
          testing::ReadFile(fixture.directory / "source-2xa-thu" / "media" / "buoc-1.png"));

    auto catalog = catalog::Catalog::Open(current->catalog_file);
    REQUIRE_MESSAGE(catalog.ok(), (catalog.ok() ? "" : catalog.error().message));
    CHECK(catalog->manifest().version == 2);
    CHECK(catalog->ProcedureCount() == 3);
    CHECK(catalog->FindProcedure("2.000815").ok());
    CHECK(fs::is_empty(fixture.data() / "content" / "staging"));

    auto status = StatusToJson(DescribeContentStatus(store, fixture.options.factory_content_dir));
    CHECK(status["origin"] == "installed");
    CHECK(status["id"] == "xa-thu");
    CHECK(status["version"] == 2);
    CHECK(status["installed_at"].is_string());
    CHECK(status["previous_version"].is_null());
    CHECK(status["catalog_file"] == current->catalog_file.string());
}

TEST_CASE("bundle store: a newer install keeps the previous one, rollback returns to it, downgrades are refused") {
    StoreFixture fixture;
    auto store = fixture.Store();
    REQUIRE(store.Install(fixture.Bundle(2), fixture.options).ok());
    auto v3 = store.Install(fixture.Bundle(3), fixture.options);
    REQUIRE(v3.ok());
    REQUIRE(store.Previous());
    CHECK(store.Previous()->version == 2);
    CHECK(StatusToJson(DescribeContentStatus(store, {}))["previous_version"] == 2);
    auto v4 = store.Install(fixture.Bundle(4), fixture.options);
    REQUIRE(v4.ok());
    CHECK(store.Previous()->version == 3);
    // Only current and previous stay on disk.
    CHECK(std::distance(fs::directory_iterator(fixture.data() / "content" / "releases"), fs::directory_iterator()) == 2);

    std::string before = testing::TreeFingerprint(fixture.data());
    for (long long old : {2, 3, 4}) {
        auto refused = store.Install(fixture.directory / ("v" + std::to_string(old) + "xa-thu.zip"), fixture.options);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("is not newer than the installed version 4") != std::string::npos);
        CHECK(testing::TreeFingerprint(fixture.data()) == before);
    }

    auto rolled = store.Rollback();
    REQUIRE_MESSAGE(rolled.ok(), (rolled.ok() ? "" : rolled.error().message));
    CHECK(rolled->version == 3);
    CHECK(store.Current()->version == 3);
    CHECK(catalog::Catalog::Open(store.Current()->catalog_file)->manifest().version == 3);
    CHECK_FALSE(store.Previous());  // v3's own predecessor (v2) was already removed
    auto again = store.Rollback();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.find("no longer on disk") != std::string::npos);
    // After a rollback the version left is newer again, so it installs.
    REQUIRE(store.Install(fixture.Bundle(4), fixture.options).ok());
    CHECK(store.Current()->version == 4);
}

TEST_CASE("bundle store: rollback with nothing before refuses, the factory content is not a release") {
    StoreFixture fixture;
    auto store = fixture.Store();
    auto nothing = store.Rollback();
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.error().message.find("nothing to roll back") != std::string::npos);
    REQUIRE(store.Install(fixture.Bundle(2), fixture.options).ok());
    auto first = store.Rollback();
    REQUIRE_FALSE(first.ok());
    CHECK(first.error().message.find("factory content") != std::string::npos);
    CHECK(store.Current()->version == 2);
}

TEST_CASE("bundle store: before the first install the factory version counts, and other content ids need consent") {
    StoreFixture fixture;
    auto store = fixture.Store();
    auto same_as_factory = store.Install(fixture.Bundle(1), fixture.options);
    REQUIRE_FALSE(same_as_factory.ok());
    CHECK(same_as_factory.error().message.find("not newer than the factory version 1") != std::string::npos);
    CHECK_FALSE(fs::exists(fixture.data() / "content" / "current"));

    // The factory content is a placeholder: any commune's content replaces it.
    REQUIRE(store.Install(fixture.Bundle(1, {}, "xa-khac"), fixture.options).ok());
    auto other = store.Install(fixture.Bundle(5, {}, "xa-thu"), fixture.options);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().message.find("--new-content-id") != std::string::npos);
    fixture.options.content_id_change = ContentIdChange::Allow;
    REQUIRE(store.Install(fixture.directory / "v5xa-thu.zip", fixture.options).ok());
    CHECK(store.Current()->content_id == "xa-thu");
}

TEST_CASE("bundle store: preview says what would change and changes nothing") {
    StoreFixture fixture;
    auto store = fixture.Store();
    REQUIRE(store.Install(fixture.Bundle(2), fixture.options).ok());
    std::string before = testing::TreeFingerprint(fixture.data());
    auto bundle = fixture.Bundle(3, [](const fs::path& source) {
        // One procedure changed (its fee), one removed, one added; a new file of a kind the
        // format may grow (overrides.json), and a picture changed.
        testing::WriteFile(source / "procedures.jsonl",
                           testing::SmallProcedure("1.001193", "Đăng ký khai sinh", "ho-tich", 9000) + "\n" +
                               testing::SmallProcedure("2.000815", "Chứng thực bản sao", "chung-thuc", 2000) + "\n" +
                               testing::SmallProcedure("1.004837", "Đăng ký khai tử", "ho-tich") + "\n");
        testing::WriteFile(source / "overrides.json",
                           R"({"procedures": [{"code": "1.001193", "where": "Quầy số 2"}], "pinned": ["1.001193"]})");
        testing::WriteFile(source / "media" / "buoc-1.png", "another picture");
    });
    auto preview = store.Preview(bundle, fixture.options);
    REQUIRE_MESSAGE(preview.ok(), (preview.ok() ? "" : preview.error().message));
    CHECK(testing::TreeFingerprint(fixture.data()) == before);
    CHECK(preview->version == 3);
    CHECK(preview->installed_origin == InstalledOrigin::Installed);
    CHECK(preview->installed_version == 2);
    CHECK(preview->signer.rfind("so-thu", 0) == 0);
    auto json = PreviewToJson(*preview);
    CHECK(json["procedures"]["added"] == nlohmann::ordered_json::parse(R"([{"code": "1.004837", "name": "Đăng ký khai tử"}])"));
    CHECK(json["procedures"]["changed"] == nlohmann::ordered_json::parse(R"([{"code": "1.001193", "name": "Đăng ký khai sinh"}])"));
    CHECK(json["procedures"]["removed"] == nlohmann::ordered_json::parse(R"([{"code": "1.001022", "name": "Đăng ký kết hôn"}])"));
    CHECK(json["files"]["added"] == nlohmann::ordered_json::parse(R"(["overrides.json"])"));
    CHECK(json["files"]["changed"] == nlohmann::ordered_json::parse(R"(["manifest.json", "media/buoc-1.png"])"));
    CHECK(json["files"]["removed"].empty());
    CHECK(json["installed"]["origin"] == "installed");
    // The commune's corrections by procedure, apart from the portal's changes.
    CHECK(json["overrides"]["added"] == nlohmann::ordered_json::parse(R"([{"code": "1.001193", "name": "Đăng ký khai sinh"}])"));
    CHECK(json["overrides"]["changed"].empty());
    CHECK(json["overrides"]["pinned_changed"] == true);
}

TEST_CASE("bundle store: preview tells which of the commune's corrections changed, when only overrides.json did") {
    StoreFixture fixture;
    auto store = fixture.Store();
    auto with_overrides = [](const std::string& overrides) {
        return [overrides](const fs::path& source) { testing::WriteFile(source / "overrides.json", overrides); };
    };
    REQUIRE(store.Install(fixture.Bundle(2, with_overrides(R"({"procedures": [
        {"code": "1.001193", "where": "Quầy số 2"}, {"code": "1.001022", "where": "Quầy số 3"}], "pinned": ["1.001193"]})")),
                          fixture.options)
                .ok());
    auto bundle = fixture.Bundle(3, with_overrides(R"({"procedures": [
        {"code": "1.001193", "where": "Quầy số 4"}, {"code": "2.000815", "where": "Quầy số 1"}], "pinned": ["1.001193"]})"));
    auto preview = store.Preview(bundle, fixture.options);
    REQUIRE_MESSAGE(preview.ok(), (preview.ok() ? "" : preview.error().message));
    auto json = PreviewToJson(*preview);
    CHECK(json["overrides"]["added"] == nlohmann::ordered_json::parse(R"([{"code": "2.000815", "name": "Chứng thực bản sao"}])"));
    CHECK(json["overrides"]["changed"] == nlohmann::ordered_json::parse(R"([{"code": "1.001193", "name": "Đăng ký khai sinh"}])"));
    CHECK(json["overrides"]["removed"] == nlohmann::ordered_json::parse(R"([{"code": "1.001022", "name": "Đăng ký kết hôn"}])"));
    CHECK(json["overrides"]["pinned_changed"] == false);
    CHECK(json["files"]["changed"] == nlohmann::ordered_json::parse(R"(["manifest.json", "overrides.json"])"));
    // Each corrected procedure's page changes, so it is a changed procedure too.
    CHECK(preview->Count(ChangeKind::Changed) == 3);
}

TEST_CASE("bundle store: a directory installs as it is, with every content check and no signature") {
    StoreFixture fixture;
    auto store = fixture.Store();
    testing::WriteSmallContent(fixture.directory / "local", 7);
    auto installed = store.InstallDirectory(fixture.directory / "local", fixture.options);
    REQUIRE_MESSAGE(installed.ok(), (installed.ok() ? "" : installed.error().message));
    CHECK(installed->version == 7);
    CHECK(installed->signer.rfind("local directory (unsigned)", 0) == 0);
    CHECK(catalog::Catalog::Open(installed->catalog_file)->ProcedureCount() == 3);

    testing::WriteSmallContent(fixture.directory / "broken", 8);
    testing::WriteFile(fixture.directory / "broken" / "fields.json", "{");
    auto broken = store.InstallDirectory(fixture.directory / "broken", fixture.options);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.find("fields.json is not valid JSON") != std::string::npos);
    CHECK(store.Current()->version == 7);
}

TEST_CASE("bundle store: what a killed install leaves is cleaned, and a running install is not disturbed") {
    StoreFixture fixture;
    auto store = fixture.Store();
    REQUIRE(store.Install(fixture.Bundle(2), fixture.options).ok());
    std::string clean = testing::TreeFingerprint(fixture.data());
    auto root = fixture.data() / "content";
    // As a SIGKILL at three different points would leave them.
    testing::WriteFile(root / "staging" / "staging-v0-x" / "content" / "manifest.json", "{}");
    testing::WriteFile(root / "releases" / "v3-orphan" / "release.json", "{}");
    fs::create_symlink("releases/v3-orphan", root / "current.tmp-123-456");

    // While another process holds the lock (installing), nothing of it is touched.
    int descriptor = ::open((root / "lock").c_str(), O_RDWR);
    REQUIRE(descriptor >= 0);
    REQUIRE(::flock(descriptor, LOCK_EX) == 0);
    CHECK(store.CleanLeftovers().ok());
    CHECK(fs::exists(root / "staging" / "staging-v0-x"));
    auto busy = store.Install(fixture.Bundle(3), fixture.options);
    REQUIRE_FALSE(busy.ok());
    CHECK(busy.error().message.find("another content install") != std::string::npos);
    ::close(descriptor);

    CHECK(store.CleanLeftovers().ok());
    CHECK(testing::TreeFingerprint(fixture.data()) == clean);
    CHECK(store.Current()->version == 2);
}
