#pragma once
// What the staff update tests share (USB, server, rollback): the PIN and the way in, frames
// drawn until the workers' results arrive, taps on drawn text, the audit log read back, and
// the screenshots they may write for docs/.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/ui/services.hpp"
#include "tests/core/bundle_test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

namespace kiosk::testing {

inline constexpr const char* kStaffPin = "2468";

// Hashing is slow on purpose (libsodium's pwhash): once per test binary.
inline const std::string& StaffPinHash() {
    static const std::string hash = [] {
        auto made = staff::HashPin(kStaffPin);
        REQUIRE(made.ok());
        return made.value();
    }();
    return hash;
}

inline ui::ScreenId CurrentScreen(platform::HeadlessKiosk& kiosk) { return kiosk.ui().navigator().Current().screen; }

// Draws frames (each drains the run queue: the workers' results) until `done` or 20 s pass.
// The 20 s only ends a test that would hang; nothing is asserted about how long it took.
inline bool FramesUntil(platform::HeadlessKiosk& kiosk, const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        kiosk.Frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kiosk.Settle();
    return true;
}

// Taps the middle of the first text drawn that contains `needle` (a bundle's button reads
// "name · size").
inline bool TapTextContaining(platform::HeadlessKiosk& kiosk, const std::string& needle) {
    for (const auto& text : kiosk.record().texts)
        if (text.text.find(needle) != std::string::npos) {
            kiosk.Tap(ImVec2((text.min.x + text.max.x) / 2, (text.min.y + text.max.y) / 2));
            return true;
        }
    return false;
}

// With KIOSK_STAFF_UPDATE_SHOTS=DIR the tests also write what they see there as PNGs (how
// docs/screenshots/staff-usb-preview-*.png and the other states that need a real bundle
// were made: `kiosk screenshot` scenes have none). Without it, nothing is written.
inline void MaybeSaveShot(platform::HeadlessKiosk& kiosk, const std::string& name) {
    const char* directory = std::getenv("KIOSK_STAFF_UPDATE_SHOTS");
    if (!directory) return;
    std::string size = std::to_string(kiosk.width()) + "x" + std::to_string(kiosk.height());
    CHECK(kiosk.SavePng(std::filesystem::path(directory) / (name + "-" + size + ".png")).ok());
}

inline size_t AuditCount(platform::HeadlessKiosk& kiosk, const std::string& action, const std::string& result) {
    size_t count = 0;
    for (const auto& entry : kiosk.services().audit_log().Recent(1000))
        if (entry.action == action && entry.result == result) ++count;
    return count;
}

// The way in a desk officer takes: the finger held on the commune's name ("Xã Thử", the
// small test content's), then the PIN.
inline void EnterStaffMode(platform::HeadlessKiosk& kiosk) {
    ImVec2 name(0, 0);
    for (const auto& text : kiosk.record().texts)
        if (text.text == "Xã Thử") name = ImVec2((text.min.x + text.max.x) / 2, (text.min.y + text.max.y) / 2);
    REQUIRE(name.x > 0);
    kiosk.Hold(name, 6.5);
    REQUIRE(CurrentScreen(kiosk) == ui::ScreenId::StaffPin);
    for (char digit : std::string(kStaffPin)) REQUIRE(kiosk.TapLabel(std::string(1, digit)));
    REQUIRE(kiosk.TapLabel("Mở"));
    REQUIRE(FramesUntil(kiosk, [&] { return !kiosk.ui().staff_screens().pin.Checking(); }));
    REQUIRE(CurrentScreen(kiosk) == ui::ScreenId::StaffStatus);
}

// Version `version` of the small content packed by the real packer into directory/name, its
// birth registration renamed "Đăng ký khai sinh phiên bản N" so the version shows on the
// citizens' screens.
inline std::filesystem::path PackVersion(const std::filesystem::path& directory, long long version,
                                         const std::optional<bundle::SigningKey>& signer, const std::string& name) {
    std::filesystem::path source = directory / ("v" + std::to_string(version) + "-" + name);
    WriteSmallContent(source, version);
    PatchBytes(source / "procedures.jsonl", "\"Đăng ký khai sinh\"",
               "\"Đăng ký khai sinh phiên bản " + std::to_string(version) + "\"");
    PackOrFail(source, directory / name, signer);
    return directory / name;
}

}  // namespace kiosk::testing
