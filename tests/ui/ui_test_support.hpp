#pragma once
#include <algorithm>
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
        CHECK_MESSAGE(!text.breaks_inside_word, where, ": a word is cut in two: \"", text.text, "\"");
    }
}

// What a finger can reach is unambiguous: within one window (an overlay is another), no two
// targets share pixels, and no target of the page slides under the top or bottom bar.
inline void CheckTargetsDoNotOverlap(const platform::HeadlessKiosk& kiosk, const std::string& where) {
    const auto& record = kiosk.record();
    auto area = [](ImVec2 min, ImVec2 max) { return std::max(0.0f, max.x - min.x) * std::max(0.0f, max.y - min.y); };
    auto overlap = [&](ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max) {
        return area(ImVec2(std::max(a_min.x, b_min.x), std::max(a_min.y, b_min.y)),
                    ImVec2(std::min(a_max.x, b_max.x), std::min(a_max.y, b_max.y)));
    };
    const auto& items = record.tappables;
    for (size_t first = 0; first < items.size(); ++first) {
        const auto& a = items[first];
        if (area(a.visible_min, a.visible_max) <= 0) continue;  // scrolled out of sight
        for (size_t second = first + 1; second < items.size(); ++second) {
            const auto& b = items[second];
            if (a.layer != b.layer) continue;
            CHECK_MESSAGE(overlap(a.visible_min, a.visible_max, b.visible_min, b.visible_max) <= 1.0f, where, ": \"",
                          a.label, "\" and \"", b.label, "\" overlap");
        }
        for (const auto& [bar_min, bar_max] : record.bars) {
            float shared = overlap(a.visible_min, a.visible_max, bar_min, bar_max);
            bool inside_bar = shared >= area(a.visible_min, a.visible_max) - 1.0f;  // the bar's own buttons
            CHECK_MESSAGE((shared <= 1.0f || inside_bar), where, ": \"", a.label, "\" reaches under a bar");
        }
    }
}

inline bool HasText(const platform::HeadlessKiosk& kiosk, const std::string& needle) {
    for (const auto& text : kiosk.record().texts)
        if (text.text.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace kiosk::testing
