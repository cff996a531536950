// The real kiosk in a real window: `kiosk run` under Xvfb, clicked and keyed by xdotool,
// its pixels read back from the X server. Skips with a message where Xvfb or xdotool is
// not installed (.ci/setup installs both).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/platform/headless_kiosk.hpp"
#include "tests/integration/votes_processes.hpp"
#include "tests/integration/x_screen_pixels.hpp"
#include "tests/test_support.hpp"

using namespace std::chrono_literals;
using kiosk::testing::ChildProcess;

namespace {

constexpr int kWidth = 1080, kHeight = 1920;

bool WindowToolsInstalled() {
    if (std::filesystem::exists("/usr/bin/Xvfb") && std::filesystem::exists("/usr/bin/xdotool")) return true;
    MESSAGE("skipped: Xvfb or xdotool is not installed (apt-get install xvfb xdotool)");
    return false;
}

// An X server of the kiosk's size on a display number it picks itself.
class VirtualDisplay {
public:
    explicit VirtualDisplay(int width = kWidth, int height = kHeight)
        : width_(width), height_(height),
          server_({"/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0",
                   std::to_string(width) + "x" + std::to_string(height) + "x24", "-nolisten", "tcp"}) {
        if (auto number = server_.ReadLine(10s)) name_ = ":" + *number;
    }
    const std::string& name() const { return name_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_, height_;
    ChildProcess server_;
    std::string name_;
};

// xdotool on that display; true when it ran.
bool XdoTool(const VirtualDisplay& display, std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "/usr/bin/xdotool");
    setenv("DISPLAY", display.name().c_str(), 1);
    return kiosk::testing::RunCommand(arguments, 10s).exit_code == 0;
}

std::vector<unsigned char> ScreenPixels(const VirtualDisplay& display) {
    return kiosk::testing::XScreenPixels(display.name(), display.width(), display.height());
}

// Pixels that differ below the top bar (whose clock may turn a minute between two shots).
int DifferingPixelsBelowTopBar(const std::vector<unsigned char>& a, const std::vector<unsigned char>& b) {
    if (a.size() != b.size()) return -1;
    int differing = 0;
    for (std::size_t index = static_cast<std::size_t>(130) * kWidth * 4; index < a.size(); index += 4)
        if (a[index] != b[index] || a[index + 1] != b[index + 1] || a[index + 2] != b[index + 2]) ++differing;
    return differing;
}

// `kiosk run` in a window on its own virtual display, past its first frame.
struct KioskInWindow {
    VirtualDisplay display;
    kiosk::testing::TemporaryDirectory data;
    std::unique_ptr<ChildProcess> process;
    bool drew_first_frame = false;

    explicit KioskInWindow(bool allow_exit, int width = kWidth, int height = kHeight, const std::string& more_config = "")
        : display(width, height) {
        REQUIRE_MESSAGE(!display.name().empty(), "Xvfb did not start");
        auto config = data / "kiosk.json";
        kiosk::testing::WriteFile(config, "{\"data_dir\": \"" + (data / "state").string() + "\"" + more_config + "}");
        setenv("DISPLAY", display.name().c_str(), 1);
        setenv("SDL_VIDEODRIVER", "x11", 1);
        setenv("KIOSK_REPORT_FIRST_FRAME", "1", 1);
        std::vector<std::string> arguments = {kiosk::testing::KioskBinary().string(), "--config", config.string(), "run",
                                              "--windowed", "--size", std::to_string(width) + "x" + std::to_string(height)};
        if (allow_exit) arguments.push_back("--allow-exit");
        process = std::make_unique<ChildProcess>(arguments);
        drew_first_frame = process->ReadLine(20s) == std::optional<std::string>("first-frame");
    }
    // SIGTERM, as systemd stops it; the exit code, or nothing if it did not stop.
    std::optional<int> Terminate() {
        kill(process->pid(), SIGTERM);
        return process->Wait(10s);
    }
};

// The same kiosk headless: where the home tile is, and its frames of home and of the
// fields screen the tile opens.
struct ExpectedFrames {
    ImVec2 tile;
    std::vector<unsigned char> home, fields;
};

ExpectedFrames HeadlessFrames(const std::filesystem::path& state_directory) {
    kiosk::Config config = kiosk::DefaultConfig();
    config.data_dir = state_directory;
    auto created = kiosk::platform::HeadlessKiosk::Create(config, kWidth, kHeight);
    REQUIRE(created.ok());
    auto& headless = *created.value();
    ExpectedFrames expected;
    headless.Settle(4);
    expected.home = headless.Pixels();
    for (const auto& item : headless.record().tappables)
        if (item.label == "Thủ tục hành chính") expected.tile = item.Center();
    REQUIRE(headless.TapLabel("Thủ tục hành chính"));
    headless.Settle(4);
    expected.fields = headless.Pixels();
    return expected;
}

// The window's pixels once it has stopped drawing: two looks 100 ms apart agree. The
// window draws on demand and then sleeps; this waits for that, with no timing claim.
std::vector<unsigned char> SettledScreen(const VirtualDisplay& display) {
    auto previous = ScreenPixels(display);
    for (int attempt = 0; attempt < 50; ++attempt) {
        std::this_thread::sleep_for(100ms);
        auto now = ScreenPixels(display);
        if (now == previous) return now;
        previous = now;
    }
    return previous;
}

std::vector<std::string> At(float x, float y) {
    return {std::to_string(static_cast<int>(x)), std::to_string(static_cast<int>(y))};
}

}  // namespace

TEST_CASE("window: a citizen's Escape and Alt+F4 do nothing, SIGTERM stops the kiosk cleanly") {
    if (!WindowToolsInstalled()) return;
    KioskInWindow kiosk(false);
    REQUIRE(kiosk.drew_first_frame);
    CHECK(XdoTool(kiosk.display, {"key", "Escape"}));
    CHECK(XdoTool(kiosk.display, {"key", "alt+F4"}));
    CHECK_FALSE(kiosk.process->Wait(1500ms).has_value());  // still running
    CHECK(kiosk.Terminate() == std::optional<int>(0));
}

TEST_CASE("window: in development mode Escape quits") {
    if (!WindowToolsInstalled()) return;
    KioskInWindow kiosk(true);
    REQUIRE(kiosk.drew_first_frame);
    CHECK(XdoTool(kiosk.display, {"key", "Escape"}));
    CHECK(kiosk.process->Wait(10s) == std::optional<int>(0));
}

TEST_CASE("window: a click on a home tile opens it, drawn as the headless kiosk draws it") {
    if (!WindowToolsInstalled()) return;
    KioskInWindow kiosk(false);
    REQUIRE(kiosk.drew_first_frame);
    ExpectedFrames expected = HeadlessFrames(kiosk.data / "headless-state");
    REQUIRE(expected.tile.x > 0);

    CHECK(DifferingPixelsBelowTopBar(SettledScreen(kiosk.display), expected.home) == 0);
    auto tile = At(expected.tile.x, expected.tile.y);
    CHECK(XdoTool(kiosk.display, {"mousemove", tile[0], tile[1], "click", "1"}));
    CHECK(DifferingPixelsBelowTopBar(SettledScreen(kiosk.display), expected.fields) == 0);
    CHECK(kiosk.Terminate() == std::optional<int>(0));
}

TEST_CASE("window: a drag on a list scrolls it and opens nothing") {
    if (!WindowToolsInstalled()) return;
    KioskInWindow kiosk(false);
    REQUIRE(kiosk.drew_first_frame);
    ExpectedFrames expected = HeadlessFrames(kiosk.data / "headless-state");
    auto tile = At(expected.tile.x, expected.tile.y);
    REQUIRE(XdoTool(kiosk.display, {"mousemove", tile[0], tile[1], "click", "1"}));
    REQUIRE(DifferingPixelsBelowTopBar(SettledScreen(kiosk.display), expected.fields) == 0);

    // A finger down on a row low in the list, pulled up 800 px, lifted.
    float x = kWidth * 0.5f, from = kHeight * 0.75f, to = from - 800;
    auto start = At(x, from);
    REQUIRE(XdoTool(kiosk.display, {"mousemove", start[0], start[1], "mousedown", "1"}));
    for (int step = 1; step <= 16; ++step) {
        auto point = At(x, from + (to - from) * static_cast<float>(step) / 16);
        REQUIRE(XdoTool(kiosk.display, {"mousemove", point[0], point[1]}));
    }
    REQUIRE(XdoTool(kiosk.display, {"mouseup", "1"}));
    auto scrolled = SettledScreen(kiosk.display);
    CHECK(DifferingPixelsBelowTopBar(scrolled, expected.fields) > 0);  // the list moved
    // The page title above the list did not: no row was opened by the drag.
    auto title_start = static_cast<long>(130 * kWidth * 4), title_end = static_cast<long>(250 * kWidth * 4);
    CHECK(std::equal(scrolled.begin() + title_start, scrolled.begin() + title_end, expected.fields.begin() + title_start));
    CHECK(kiosk.Terminate() == std::optional<int>(0));
}

TEST_CASE("window: display.rotation turns the picture onto the panel and a click lands where the pointer is") {
    if (!WindowToolsInstalled()) return;
    // A portrait kiosk on a landscape panel mounted a quarter turn clockwise.
    KioskInWindow kiosk(false, kHeight, kWidth, ", \"display\": {\"rotation\": 90}");
    REQUIRE(kiosk.drew_first_frame);
    kiosk::Config config = kiosk::DefaultConfig();
    config.data_dir = kiosk.data / "headless-state";
    config.display.rotation = kiosk::Rotation::Quarter;
    auto created = kiosk::platform::HeadlessKiosk::Create(config, kHeight, kWidth);
    REQUIRE(created.ok());
    auto& headless = *created.value();
    headless.Settle(4);
    ImVec2 tile;
    for (const auto& item : headless.record().tappables)
        if (item.label == "Thủ tục hành chính") tile = headless.OnScreen(item.Center());
    REQUIRE(tile.x > 0);
    REQUIRE(headless.TapLabel("Thủ tục hành chính"));
    headless.Settle(4);
    auto expected = headless.Pixels();
    // Turned, the top bar (and its clock) runs down the panel's right edge: compared left of it.
    auto differing_left_of_top_bar = [&](const std::vector<unsigned char>& window) {
        if (window.size() != expected.size()) return -1;
        int differing = 0;
        for (int y = 0; y < kWidth; ++y)
            for (int x = 0; x < kHeight - 130; ++x) {
                std::size_t at = (static_cast<std::size_t>(y) * kHeight + static_cast<std::size_t>(x)) * 4;
                if (window[at] != expected[at] || window[at + 1] != expected[at + 1] || window[at + 2] != expected[at + 2])
                    ++differing;
            }
        return differing;
    };
    auto at = At(tile.x, tile.y);
    // A finger's tap, held 0.2 s. (xdotool's bare "click" presses and releases within the
    // same millisecond; while a turned frame is being drawn such a pair is sometimes missed.)
    CHECK(XdoTool(kiosk.display, {"mousemove", at[0], at[1], "sleep", "0.3", "mousedown", "1", "sleep", "0.2", "mouseup", "1"}));
    CHECK(differing_left_of_top_bar(SettledScreen(kiosk.display)) == 0);
    CHECK(kiosk.Terminate() == std::optional<int>(0));
}
