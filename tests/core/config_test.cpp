#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

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
    kiosk::testing::TemporaryDirectory etc;  // server.ca_file must be there: it is checked at start
    kiosk::testing::WriteFile(etc / "ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    auto config = ParseConfig(R"({
        "kiosk_id": "xa-tan-lap-01", "content_dir": "noi-dung", "data_dir": "/var/lib/kiosk",
        "language": "en", "idle_timeout_s": 120, "attract_after_s": 600, "desk_id": "quay-3",
        "text_size": "large", "theme": "high_contrast", "content_max_age_days": 30,
        "server": {"url": "https://motcua.example", "token": "secret", "ca_file": "ca.pem"},
        "votes": {"scale": 5, "cooldown_s": 0, "desk_mode": true}
    })", etc.path());
    REQUIRE(config.ok());
    CHECK(config->kiosk_id == "xa-tan-lap-01");
    CHECK(config->content_dir == etc.path() / "noi-dung");
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
    CHECK(config->server.ca_file == (etc.path() / "ca.pem").string());
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

TEST_CASE("config: kiosk_id and desk_id follow the rule every vote is checked by, at start") {
    for (const char* bad : {"xa minh khai", "xã-minh-khai", "", "kiosk#1"}) {
        auto kiosk = ParseConfig(std::string(R"({"kiosk_id": ")") + bad + "\"}", "/");
        REQUIRE_FALSE(kiosk.ok());
        CHECK(kiosk.error().message.find("\"kiosk_id\" must be 1 to 64 of the letters") != std::string::npos);
        CHECK_FALSE(kiosk.error().message_vietnamese.empty());
        auto desk = ParseConfig(std::string(R"({"desk_id": ")") + bad + "\"}", "/");
        REQUIRE_FALSE(desk.ok());
        CHECK(desk.error().message.find("\"desk_id\"") != std::string::npos);
    }
    auto long_id = ParseConfig(R"({"kiosk_id": ")" + std::string(65, 'k') + "\"}", "/");
    CHECK_FALSE(long_id.ok());
    auto longest = ParseConfig(R"({"kiosk_id": ")" + std::string(64, 'k') + R"(", "desk_id": "quay/2_a.b"})", "/");
    CHECK(longest.ok());
}

TEST_CASE("config: a number too large for any type is reported as written, not wrapped to -1") {
    auto huge = ParseConfig(R"({"idle_timeout_s": 18446744073709551615})", "/");
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().message.find("found 18446744073709551615") != std::string::npos);
    CHECK(huge.error().message.find("-1") == std::string::npos);
    auto negative = ParseConfig(R"({"votes": {"cooldown_s": -5}})", "/");
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().message.find("found -5") != std::string::npos);
    auto at_limit = ParseConfig(R"({"idle_timeout_s": 3600, "votes": {"cooldown_s": 0}})", "/");
    CHECK(at_limit.ok());
}

TEST_CASE("config: a file that is there but cannot be read is not called missing") {
    kiosk::testing::TemporaryDirectory directory;
    std::filesystem::create_directories(directory / "kiosk.json");
    auto folder = LoadConfig(directory / "kiosk.json");
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message.find("is a directory") != std::string::npos);
    auto absent = LoadConfig(directory / "none.json");
    REQUIRE_FALSE(absent.ok());
    CHECK(absent.error().message.find("does not exist") != std::string::npos);
    if (geteuid() == 0) {
        MESSAGE("running as root, who reads through mode bits: the permission case is not exercised");
        return;
    }
    kiosk::testing::WriteFile(directory / "closed.json", "{}");
    chmod((directory / "closed.json").c_str(), 0);
    auto closed = LoadConfig(directory / "closed.json");
    REQUIRE_FALSE(closed.ok());
    CHECK(closed.error().message.find("cannot be read: permission denied") != std::string::npos);
}

TEST_CASE("config: server.url and server.ca_file are checked at start") {
    for (const char* bad : {"motcua.example.gov.vn", "ftp://motcua.example.gov.vn", "https://", "https://host:99999",
                            "https://host:", "https://mot cua.vn", "https://host/?token=1", "https://[::1"}) {
        auto config = ParseConfig(std::string(R"({"server": {"url": ")") + bad + "\"}}", "/");
        CAPTURE(bad);
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message.find("\"server.url\"") != std::string::npos);
    }
    CHECK(ParseConfig(R"({"server": {"url": "https://motcua.example.gov.vn:8443/xa"}})", "/").ok());
    CHECK(ParseConfig(R"({"server": {"url": "http://127.0.0.1:8080"}})", "/").ok());
    CHECK(ParseConfig(R"({"server": {"url": "http://localhost:8080"}})", "/").ok());
    CHECK(ParseConfig(R"({"server": {"url": "http://[::1]:8080"}})", "/").ok());

    // A password in the url is never repeated in a message.
    auto with_password = ParseConfig(R"({"server": {"url": "ftp://kiosk:hunter2@motcua.example.gov.vn"}})", "/");
    REQUIRE_FALSE(with_password.ok());
    CHECK(with_password.error().message.find("hunter2") == std::string::npos);

    kiosk::testing::TemporaryDirectory directory;
    auto missing = ParseConfig(R"({"server": {"url": "https://a.vn", "ca_file": "none.pem"}})", directory.path());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("\"server.ca_file\"") != std::string::npos);
    CHECK(missing.error().message.find("does not exist") != std::string::npos);
    kiosk::testing::WriteFile(directory / "not.pem", "hello");
    auto not_pem = ParseConfig(R"({"server": {"url": "https://a.vn", "ca_file": "not.pem"}})", directory.path());
    REQUIRE_FALSE(not_pem.ok());
    CHECK(not_pem.error().message.find("no PEM certificate") != std::string::npos);
    kiosk::testing::WriteFile(directory / "ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    CHECK(ParseConfig(R"({"server": {"url": "https://a.vn", "ca_file": "ca.pem"}})", directory.path()).ok());
}

TEST_CASE("config: plain http:// to another machine is refused unless allowed, and then warned about") {
    auto refused = ParseConfig(R"({"server": {"url": "http://motcua.example.gov.vn", "token": "t"}})", "/");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("token would travel in clear") != std::string::npos);
    CHECK(refused.error().message.find("server.allow_plain_http") != std::string::npos);

    auto allowed = ParseConfig(R"({"server": {"url": "http://u:pw@motcua.example.gov.vn", "allow_plain_http": true}})", "/");
    REQUIRE(allowed.ok());
    auto warnings = ConfigWarnings(*allowed);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("unencrypted") != std::string::npos);
    CHECK(warnings[0].find("pw@") == std::string::npos);
    CHECK(ConfigWarnings(*ParseConfig(R"({"server": {"url": "https://motcua.example.gov.vn"}})", "/")).empty());
    CHECK(ConfigWarnings(*ParseConfig(R"({"server": {"url": "http://127.0.0.1:9"}})", "/")).empty());
}

TEST_CASE("config: a key given twice is refused, not silently the last one") {
    auto twice = ParseConfig(R"({"kiosk_id": "xa-a", "kiosk_id": "xa-b"})", "/");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message.find("repeats the key \"kiosk_id\"") != std::string::npos);
}

TEST_CASE("config: content.usb_mount_roots is /media and /run/media unless set, relative roots resolve, \"/\" is refused") {
    auto defaults = ParseConfig("{}", "/etc/kiosk");
    REQUIRE(defaults.ok());
    CHECK(defaults->content.usb_mount_roots == std::vector<std::filesystem::path>{"/media", "/run/media"});

    auto set = ParseConfig(R"({"content": {"usb_mount_roots": ["/mnt/usb", "sticks/../usb"]}})", "/etc/kiosk");
    REQUIRE(set.ok());
    CHECK(set->content.usb_mount_roots == std::vector<std::filesystem::path>{"/mnt/usb", "/etc/kiosk/usb"});

    auto off = ParseConfig(R"({"content": {"usb_mount_roots": []}})", "/etc/kiosk");
    REQUIRE(off.ok());
    CHECK(off->content.usb_mount_roots.empty());

    auto whole_disk = ParseConfig(R"({"content": {"usb_mount_roots": ["/media", "/"]}})", "/etc/kiosk");
    REQUIRE_FALSE(whole_disk.ok());
    CHECK(whole_disk.error().message.find("\"content.usb_mount_roots[1]\" must not be \"/\"") != std::string::npos);

    auto empty_text = ParseConfig(R"({"content": {"usb_mount_roots": [""]}})", "/etc/kiosk");
    REQUIRE_FALSE(empty_text.ok());
    CHECK(empty_text.error().message.find("\"content.usb_mount_roots[0]\" must not be empty") != std::string::npos);

    auto not_list = ParseConfig(R"({"content": {"usb_mount_roots": "/media"}})", "/etc/kiosk");
    REQUIRE_FALSE(not_list.ok());
    CHECK(not_list.error().message.find("\"content.usb_mount_roots\" must be a list of text") != std::string::npos);
}
