#include <doctest/doctest.h>

#include "kiosk/core/config.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/shipped_files.hpp"
#include "kiosk/core/staff/staff_pin.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;

namespace {
std::string staff_test_pin_hash() {
    auto hash = staff::HashPin("482913");
    REQUIRE(hash.ok());
    return *hash;
}
}  // namespace

TEST_CASE("config: an empty object gives the documented defaults") {
    auto config = ParseConfig("{}", "/etc/kiosk");
    REQUIRE(config.ok());
    CHECK(config->kiosk_id == "kiosk-demo");
    CHECK(config->language == Language::Vietnamese);
    CHECK(config->idle_timeout_s == 90);
    CHECK(config->desk_id == "quay-1");
    CHECK(config->votes.scale == 3);
    CHECK(config->votes.cooldown_s == 10);
    CHECK_FALSE(config->content_dir.empty());
    CHECK_FALSE(config->data_dir.empty());
}

TEST_CASE("config: every documented key is read, relative paths resolve against the file") {
    auto config = ParseConfig(R"({
        "kiosk_id": "xa-tan-lap-01", "content_dir": "noi-dung", "data_dir": "/var/lib/kiosk",
        "language": "en", "idle_timeout_s": 120, "attract_after_s": 600, "desk_id": "quay-3",
        "text_size": "large", "theme": "high_contrast", "content_max_age_days": 30,
        "server": {"url": "https://motcua.example", "token": "secret", "ca_file": "ca.pem"},
        "votes": {"scale": 5, "cooldown_s": 0, "desk_mode": true}
    })", "/etc/kiosk");
    REQUIRE(config.ok());
    CHECK(config->kiosk_id == "xa-tan-lap-01");
    CHECK(config->content_dir == "/etc/kiosk/noi-dung");
    CHECK(config->data_dir == "/var/lib/kiosk");
    CHECK(config->language == Language::English);
    CHECK(config->idle_timeout_s == 120);
    CHECK(config->attract_after_s == 600);
    CHECK(config->desk_id == "quay-3");
    CHECK(config->text_size == TextSize::Large);
    CHECK(config->theme == Theme::HighContrast);
    CHECK(config->content_max_age_days == 30);
    CHECK(config->server.url == "https://motcua.example");
    CHECK(config->server.token == "secret");
    CHECK(config->server.ca_file == "/etc/kiosk/ca.pem");
    CHECK(config->votes.scale == 5);
    CHECK(config->votes.cooldown_s == 0);
    CHECK(config->votes.desk_mode);
}

TEST_CASE("config: unknown keys are refused with a sentence naming the key") {
    auto top = ParseConfig(R"({"kiosk_idd": "x"})", "/");
    REQUIRE_FALSE(top.ok());
    CHECK(top.error().message.find("\"kiosk_idd\"") != std::string::npos);
    auto nested = ParseConfig(R"({"server": {"urll": "x"}})", "/");
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().message.find("\"server.urll\"") != std::string::npos);
}

TEST_CASE("config: wrong types and values are refused naming the key and what was expected") {
    auto wrong_type = ParseConfig(R"({"idle_timeout_s": "90"})", "/");
    REQUIRE_FALSE(wrong_type.ok());
    CHECK(wrong_type.error().message.find("\"idle_timeout_s\" must be a whole number, found text") != std::string::npos);
    CHECK_FALSE(wrong_type.error().message_vietnamese.empty());

    auto out_of_range = ParseConfig(R"({"votes": {"scale": 7}})", "/");
    REQUIRE_FALSE(out_of_range.ok());
    CHECK(out_of_range.error().message.find("\"votes.scale\" must be between 3 and 5") != std::string::npos);

    auto bad_choice = ParseConfig(R"({"language": "fr"})", "/");
    REQUIRE_FALSE(bad_choice.ok());
    CHECK(bad_choice.error().message.find("\"language\" must be one of \"vi\", \"en\"") != std::string::npos);

    auto not_object = ParseConfig(R"({"server": "https://x"})", "/");
    REQUIRE_FALSE(not_object.ok());
    CHECK(not_object.error().message.find("\"server\" must be an object") != std::string::npos);

    auto not_json = ParseConfig("{kiosk_id: x", "/");
    REQUIRE_FALSE(not_json.ok());
    CHECK(not_json.error().message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("config: a missing file is named in the error") {
    auto config = LoadConfig("/nonexistent/kiosk.json");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("/nonexistent/kiosk.json") != std::string::npos);
}

TEST_CASE("config: a file on disk is read and its directory anchors relative paths") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteFile(directory / "kiosk.json", R"({"content_dir": "content", "desk_id": "quay-2"})");
    auto config = LoadConfig(directory / "kiosk.json");
    REQUIRE(config.ok());
    CHECK(config->content_dir == directory.path() / "content");
    CHECK(config->desk_id == "quay-2");
}

TEST_CASE("config: the token and the PIN hash can live in files of their own, readable only by the kiosk") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteFile(directory / "server-token", "  tok-3f9a\n");
    auto hash = staff_test_pin_hash();
    kiosk::testing::WriteFile(directory / "staff-pin-hash", hash + "\n");
    std::filesystem::permissions(directory / "server-token", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                                               std::filesystem::perms::group_read);
    std::filesystem::permissions(directory / "staff-pin-hash", std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    log::ForgetRecentErrors();
    auto config = ParseConfig(R"({"server": {"url": "https://x", "token_file": "server-token"},
                                  "staff": {"pin_hash_file": "staff-pin-hash"}})", directory.path());
    REQUIRE(config.ok());
    CHECK(config->server.token == "tok-3f9a");
    CHECK(config->staff.pin_hash == hash);
    CHECK(log::RecentErrors().empty());
}

TEST_CASE("config: a secret file readable by every user is used, with a warning that says how to fix it") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteFile(directory / "server-token", "tok-3f9a\n");
    std::filesystem::permissions(directory / "server-token", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                                               std::filesystem::perms::group_read | std::filesystem::perms::others_read);
    log::ForgetRecentErrors();
    auto config = ParseConfig(R"({"server": {"token_file": "server-token"}})", directory.path());
    REQUIRE(config.ok());
    CHECK(config->server.token == "tok-3f9a");
    auto warnings = log::RecentErrors();
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message.find("server.token_file") != std::string::npos);
    CHECK(warnings[0].message.find("chmod 0640") != std::string::npos);
    CHECK(warnings[0].message.find("tok-3f9a") == std::string::npos);  // never the secret itself
    log::ForgetRecentErrors();
}

TEST_CASE("config: a secret file that is missing, empty, of several lines or given with the value itself is refused") {
    kiosk::testing::TemporaryDirectory directory;
    auto missing = ParseConfig(R"({"server": {"token_file": "nowhere"}})", directory.path());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("\"server.token_file\": cannot read " + (directory / "nowhere").string()) !=
          std::string::npos);

    kiosk::testing::WriteFile(directory / "empty", " \n\n");
    auto empty = ParseConfig(R"({"server": {"token_file": "empty"}})", directory.path());
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("is empty") != std::string::npos);

    kiosk::testing::WriteFile(directory / "two", "one\ntwo\n");
    auto two = ParseConfig(R"({"server": {"token_file": "two"}})", directory.path());
    REQUIRE_FALSE(two.ok());
    CHECK(two.error().message.find("must hold one line") != std::string::npos);

    kiosk::testing::WriteFile(directory / "token", "tok\n");
    auto both = ParseConfig(R"({"server": {"token": "tok", "token_file": "token"}})", directory.path());
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().message.find("either \"server.token\" or \"server.token_file\"") != std::string::npos);

    kiosk::testing::WriteFile(directory / "not-a-hash", "1234\n");
    auto pin = ParseConfig(R"({"staff": {"pin_hash_file": "not-a-hash"}})", directory.path());
    REQUIRE_FALSE(pin.ok());
    CHECK(pin.error().message.find("not a PIN hash") != std::string::npos);
}

TEST_CASE("shipped files: an installed binary finds them in <prefix>/share/kiosk-mot-cua, a build tree's in the source") {
    kiosk::testing::TemporaryDirectory prefix;
    std::filesystem::create_directories(prefix / "bin");
    std::filesystem::create_directories(prefix / "share/kiosk-mot-cua/content");
    CHECK(ShippedFilesDirectoryFor(prefix / "bin/kiosk", "content") == prefix / "share/kiosk-mot-cua/content");
    // Nothing installed beside it (a build tree): the source tree's directory.
    CHECK(ShippedFilesDirectoryFor(prefix / "bin/kiosk", "fonts") == kiosk::testing::SourceDirectory() / "fonts");
    CHECK(ShippedFilesDirectoryFor(kiosk::testing::BinaryDirectory() / "kiosk", "content") ==
          kiosk::testing::SourceDirectory() / "content");
}
