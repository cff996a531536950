#pragma once
// Shared by the UI tests: a headless kiosk on the real demo content, and checks on what a
// frame drew.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "kiosk/platform/headless_kiosk.hpp"
#include "tests/test_support.hpp"

namespace kiosk::testing {

// The shipped demo content, with its state (catalog, vote outbox) in a test's own directory.
inline Config DemoConfig(const TemporaryDirectory& data) {
    Config config = DefaultConfig();
    config.data_dir = data.path();
    config.content_dir = SourceDirectory() / "content";
    return config;
}

inline std::unique_ptr<platform::HeadlessKiosk> MakeHeadlessKiosk(Config config, int width = 1080, int height = 1920) {
    auto kiosk = platform::HeadlessKiosk::Create(config, width, height);
    REQUIRE_MESSAGE(kiosk.ok(), (kiosk.ok() ? std::string() : kiosk.error().message));
    auto result = std::move(kiosk.value());
    result->Settle();
    return result;
}

// Fails the test for any character drawn as "?" and any text that spills out sideways.
inline void CheckFrameIsClean(const platform::HeadlessKiosk& kiosk, const std::string& where) {
    for (const auto& text : kiosk.record().texts) {
        std::string missing;
        for (ImWchar character : text.missing_characters) missing += " U+" + std::to_string(character);
        CHECK_MESSAGE(text.missing_characters.empty(), where, ": no glyph for", missing, " in \"", text.text, "\"");
        CHECK_MESSAGE(!text.horizontally_outside, where, ": text outside its window: \"", text.text, "\"");
    }
}

inline bool HasText(const platform::HeadlessKiosk& kiosk, const std::string& needle) {
    for (const auto& text : kiosk.record().texts)
        if (text.text.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace kiosk::testing
