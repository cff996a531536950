#include <doctest/doctest.h>

#include "kiosk/core/config.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;

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
