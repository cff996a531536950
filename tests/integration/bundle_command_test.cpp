// `kiosk content keygen | pack | verify | preview | install | status | rollback` as staff
// and scripts use them: real processes, real bundles, exit codes and sentences.
#include <doctest/doctest.h>

#include "tests/integration/bundle_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using nlohmann::json;

namespace {

struct CommandFixture {
    TemporaryDirectory directory;
    fs::path config = directory / "kiosk.json";

    CommandFixture() {
        WriteSmallContent(directory / "factory", 1);
        auto keygen = KioskContent(config_for_keygen(), {"keygen", "--out", (directory / "signer").string()});
        REQUIRE(keygen.exit_code == 0);
        WriteBundleConfig(config, directory / "data", directory / "factory", {ReadFile(directory / "signer.pub")});
    }
    // keygen needs no trust; any valid config will do.
    fs::path config_for_keygen() {
        WriteFile(directory / "empty.json", "{}");
        return directory / "empty.json";
    }
    fs::path Pack(long long version) {
        auto source = directory / ("source-" + std::to_string(version));
        WriteSmallContent(source, version);
        auto out = directory / ("v" + std::to_string(version) + ".zip");
        auto packed = KioskContent(config, {"pack", source.string(), "--key", (directory / "signer.secret").string(),
                                            "--out", out.string()});
        REQUIRE_MESSAGE(packed.exit_code == 0, packed.output);
        return out;
    }
    json Status() {
        auto status = KioskContent(config, {"status", "--json"});
        REQUIRE_MESSAGE(status.exit_code == 0, status.output);
        return json::parse(status.output);
    }
};

}  // namespace

TEST_CASE("bundle commands: keygen, pack, verify, preview, install, status and rollback end to end") {
    CommandFixture fixture;
    CHECK(ReadFile(fixture.directory / "signer.pub").rfind("ed25519:", 0) == 0);
    CHECK(fixture.Status()["origin"] == "factory");
    CHECK(fixture.Status()["version"] == 1);

    auto v2 = fixture.Pack(2);
    auto verified = KioskContent(fixture.config, {"verify", v2.string()});
    CHECK(verified.exit_code == 0);
    CHECK(verified.output.find("would install content \"xa-thu\" version 2") != std::string::npos);

    auto preview = KioskContent(fixture.config, {"preview", v2.string(), "--json"});
    REQUIRE(preview.exit_code == 0);
    auto previewed = json::parse(preview.output);
    CHECK(previewed["would_install"] == true);
    CHECK(previewed["version"] == 2);
    CHECK(previewed["installed"]["origin"] == "factory");
    CHECK(previewed["signer"].get<std::string>().rfind("signer (ed25519:", 0) == 0);
    CHECK(fixture.Status()["origin"] == "factory");  // preview changed nothing

    auto installed = KioskContent(fixture.config, {"install", v2.string()});
    REQUIRE_MESSAGE(installed.exit_code == 0, installed.output);
    CHECK(installed.output.find("Checking the signature…") != std::string::npos);
    CHECK(installed.output.find("Installing 3 procedures…") != std::string::npos);
    auto status = fixture.Status();
    CHECK(status["origin"] == "installed");
    CHECK(status["id"] == "xa-thu");
    CHECK(status["version"] == 2);
    CHECK(status["installed_at"].is_string());
    CHECK(status["previous_version"].is_null());
    CHECK(status["signer"].get<std::string>().rfind("signer", 0) == 0);

    auto v3 = fixture.Pack(3);
    REQUIRE(KioskContent(fixture.config, {"install", v3.string()}).exit_code == 0);
    CHECK(fixture.Status()["version"] == 3);
    CHECK(fixture.Status()["previous_version"] == 2);

    auto again = KioskContent(fixture.config, {"install", v3.string()});
    CHECK(again.exit_code == 1);
    CHECK(again.output.find("bundle refused: its version 3 is not newer than the installed version 3") != std::string::npos);
    CHECK(again.output.find("Gói nội dung bị từ chối") != std::string::npos);
    CHECK(KioskContent(fixture.config, {"verify", v2.string()}).exit_code == 1);  // would not install: older

    auto rolled = KioskContent(fixture.config, {"rollback"});
    CHECK(rolled.exit_code == 0);
    CHECK(fixture.Status()["version"] == 2);
    CHECK(KioskContent(fixture.config, {"rollback"}).exit_code == 1);
}

TEST_CASE("bundle commands: untrusted, unsigned and broken inputs exit non-zero with their sentence") {
    CommandFixture fixture;
    auto v2 = fixture.Pack(2);

    // A kiosk that trusts someone else.
    auto other = fixture.directory / "other.json";
    auto stranger = NewKey("stranger");
    WriteBundleConfig(other, fixture.directory / "data", fixture.directory / "factory", {stranger.public_key().Line()});
    auto untrusted = KioskContent(other, {"install", v2.string()});
    CHECK(untrusted.exit_code == 1);
    CHECK(untrusted.output.find("untrusted signer") != std::string::npos);
    auto untrusted_json = KioskContent(other, {"preview", v2.string(), "--json"});
    CHECK(untrusted_json.exit_code == 1);
    CHECK(untrusted_json.output.find("\"would_install\": false") != std::string::npos);

    // Unsigned: refused, unless the development setting says so (and then loudly).
    auto source = fixture.directory / "source-unsigned";
    WriteSmallContent(source, 5);
    auto unsigned_zip = fixture.directory / "unsigned.zip";
    REQUIRE(KioskContent(fixture.config, {"pack", source.string(), "--unsigned", "--out", unsigned_zip.string()}).exit_code == 0);
    auto refused = KioskContent(fixture.config, {"verify", unsigned_zip.string()});
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("it is not signed") != std::string::npos);
    auto development = fixture.directory / "development.json";
    WriteBundleConfig(development, fixture.directory / "data", fixture.directory / "factory", {}, true);
    auto allowed = KioskContent(development, {"install", unsigned_zip.string()});
    CHECK(allowed.exit_code == 0);
    CHECK(allowed.output.find("WARNING: content.allow_unsigned is true") != std::string::npos);

    // pack needs a key or --unsigned; a config with a bad key is refused at start (exit 2).
    CHECK(KioskContent(fixture.config, {"pack", source.string(), "--out", (fixture.directory / "x.zip").string()}).exit_code == 1);
    auto bad = fixture.directory / "bad.json";
    WriteBundleConfig(bad, fixture.directory / "data", fixture.directory / "factory", {"ed25519:AAAA"});
    auto bad_config = KioskContent(bad, {"status"});
    CHECK(bad_config.exit_code == 2);
    CHECK(bad_config.output.find("content.trusted_keys[0]") != std::string::npos);
    auto missing = KioskContent(fixture.config, {"install", (fixture.directory / "absent.zip").string()});
    CHECK(missing.exit_code == 1);
    CHECK(missing.output.find("does not exist") != std::string::npos);
}
