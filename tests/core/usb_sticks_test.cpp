// USB sticks: the mount points below the configured roots, the bundles on each, a copy that
// never leaves the stick nor follows a link, a stick pulled out mid-read, the watcher that
// posts changes to the run queue, and ContentInstaller installing from a stick on a worker.
//
// A test cannot mount a filesystem (it runs without root), so the kernel's mount table is
// the one thing replaced: each test writes a file in /proc/self/mountinfo's format that
// lists its temporary directories as mount points. Everything else is real: real files,
// links and folders, real bundles from the real packer, the real ContentStore.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#include "kiosk/core/bundle/content_installer.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/run_queue.hpp"
#include "kiosk/core/usb/usb_sticks.hpp"
#include "kiosk/core/usb/usb_watcher.hpp"
#include "tests/core/bundle_test_support.hpp"

using namespace kiosk;
using namespace kiosk::usb;
namespace fs = std::filesystem;

namespace {

// /proc/self/mountinfo's line for a mount point (spaces escaped as the kernel does).
std::string MountLine(int id, const fs::path& mount_point) {
    std::string escaped;
    for (char c : mount_point.string()) escaped += c == ' ' ? std::string("\\040") : std::string(1, c);
    return std::to_string(id) + " 26 8:17 / " + escaped + " rw,nosuid,nodev,relatime shared:1 - vfat /dev/sdb1 rw\n";
}

struct UsbFixture {
    testing::TemporaryDirectory directory;
    UsbSettings settings;
    std::vector<fs::path> mounted;

    UsbFixture() {
        settings.mount_roots = {directory / "media", directory / "run-media"};
        settings.mount_table = directory / "mountinfo";
        fs::create_directories(directory / "media");
        WriteTable();
    }
    fs::path Stick(const std::string& name) {
        fs::path point = directory / "media" / "kiosk" / name;
        fs::create_directories(point);
        mounted.push_back(point);
        WriteTable();
        return point;
    }
    void Unmount(const fs::path& point) {
        mounted.erase(std::remove(mounted.begin(), mounted.end(), point), mounted.end());
        WriteTable();
    }
    void WriteTable() {
        // The root filesystem, the roots themselves (a tmpfs on /media is not a stick) and
        // a mount outside the roots come first, as on a real kiosk.
        std::string table = "21 1 0:20 / / rw - ext4 /dev/sda1 rw\n" + MountLine(22, directory / "media") +
                            MountLine(23, directory / "elsewhere");
        int id = 30;
        for (const auto& point : mounted) table += MountLine(id++, point);
        testing::WriteFile(directory / "mountinfo.tmp", table);
        fs::rename(directory / "mountinfo.tmp", directory / "mountinfo");  // the watcher never reads half a table
    }
};

const UsbStick* FindStick(const std::vector<UsbStick>& sticks, const std::string& label) {
    for (const auto& stick : sticks)
        if (stick.label == label) return &stick;
    return nullptr;
}

std::vector<std::string> Paths(const UsbStick& stick) {
    std::vector<std::string> paths;
    for (const auto& bundle : stick.bundles) paths.push_back(bundle.relative_path);
    return paths;
}

const StickBundle& BundleAt(const UsbStick& stick, const std::string& relative_path) {
    for (const auto& bundle : stick.bundles)
        if (bundle.relative_path == relative_path) return bundle;
    throw std::runtime_error("no bundle " + relative_path);
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Drains the queue (as frames do) until `done` or 10 s pass; false on timeout.
bool DrainUntil(RunQueue& queue, const std::function<bool()>& done) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        queue.RunPending();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

}  // namespace

TEST_CASE("usb settings: the mount roots are /media and /run/media, the kernel's mount table is read") {
    auto settings = UsbSettings::FromConfig(DefaultConfig());
    CHECK(settings.mount_roots == std::vector<fs::path>{"/media", "/run/media"});
    CHECK(settings.mount_table == "/proc/self/mountinfo");
}

TEST_CASE("usb settings: content.usb_mount_roots in the config decides where sticks are looked for") {
    UsbFixture fixture;
    auto stick = fixture.Stick("KINGSTON");
    testing::WriteFile(stick / "xa-thu-v8.zip", "zip bytes");
    auto config = ParseConfig(R"({"content": {"usb_mount_roots": ["media"]}})", fixture.directory.path());
    REQUIRE(config.ok());
    auto settings = UsbSettings::FromConfig(*config);
    REQUIRE(settings.mount_roots == std::vector<fs::path>{fixture.directory / "media"});
    settings.mount_table = fixture.settings.mount_table;
    auto sticks = ScanUsbSticks(settings);
    REQUIRE(sticks.size() == 1);
    CHECK(sticks[0].mount_point == stick);

    // Roots elsewhere: the same stick is not a stick for this kiosk.
    auto elsewhere = ParseConfig(R"({"content": {"usb_mount_roots": ["run-media"]}})", fixture.directory.path());
    REQUIRE(elsewhere.ok());
    auto other = UsbSettings::FromConfig(*elsewhere);
    other.mount_table = fixture.settings.mount_table;
    CHECK(ScanUsbSticks(other).empty());
}

TEST_CASE("usb scan: only mount points below a root are sticks, bundles on them are listed, links never followed") {
    UsbFixture fixture;
    auto stick = fixture.Stick("KINGSTON");
    auto spaced = fixture.Stick("MY STICK");
    fs::create_directories(fixture.directory / "elsewhere");
    testing::WriteFile(fixture.directory / "elsewhere" / "outside.zip", "not on a stick");
    testing::WriteFile(fixture.directory / "media" / "on-the-root.zip", "the root is not a stick");
    // A directory below the root that nothing is mounted on is not a stick either.
    fs::create_directories(fixture.directory / "media" / "kiosk" / "NOT-MOUNTED");
    testing::WriteFile(fixture.directory / "media" / "kiosk" / "NOT-MOUNTED" / "x.zip", "x");

    testing::WriteFile(stick / "xa-thu-v8.zip", "zip bytes");
    testing::WriteFile(stick / "noi-dung" / "XA-THU-V9.ZIP", "zip bytes 9");
    testing::WriteFile(stick / "a" / "b" / "two-down.zip", "2");
    testing::WriteFile(stick / "a" / "b" / "c" / "three-down.zip", "too deep");
    testing::WriteFile(stick / ".hidden.zip", "hidden");
    testing::WriteFile(stick / "._xa-thu-v8.zip", "macOS leftovers");
    testing::WriteFile(stick / "ghi-chu.txt", "not a bundle");
    fs::create_symlink(fixture.directory / "elsewhere" / "outside.zip", stick / "link.zip");
    fs::create_directory_symlink(fixture.directory / "elsewhere", stick / "linked-folder");
    testing::WriteFile(spaced / "b.zip", "b");

    auto sticks = ScanUsbSticks(fixture.settings);
    REQUIRE(sticks.size() == 2);
    const UsbStick* kingston = FindStick(sticks, "KINGSTON");
    REQUIRE(kingston);
    CHECK(kingston->mount_point == stick);
    CHECK(Paths(*kingston) ==
          std::vector<std::string>{"a/b/two-down.zip", "link.zip", "noi-dung/XA-THU-V9.ZIP", "xa-thu-v8.zip"});
    const auto& plain = BundleAt(*kingston, "xa-thu-v8.zip");
    CHECK(plain.installable());
    CHECK(plain.size_bytes == 9);
    CHECK(plain.name == "xa-thu-v8.zip");
    CHECK(plain.file() == stick / "xa-thu-v8.zip");
    const auto& link = BundleAt(*kingston, "link.zip");
    CHECK_FALSE(link.installable());
    CHECK(Contains(link.problem.message, "symbolic link"));
    CHECK(Contains(link.problem.message_vietnamese, "liên kết"));
    const UsbStick* my_stick = FindStick(sticks, "MY STICK");
    REQUIRE(my_stick);
    CHECK(Paths(*my_stick) == std::vector<std::string>{"b.zip"});

    // The change description moves when a bundle appears, and when a stick leaves.
    auto before = DescribeForChange(sticks);
    CHECK(before == DescribeForChange(ScanUsbSticks(fixture.settings)));
    testing::WriteFile(stick / "new.zip", "new");
    CHECK(before != DescribeForChange(ScanUsbSticks(fixture.settings)));
    fixture.Unmount(spaced);
    CHECK(ScanUsbSticks(fixture.settings).size() == 1);

    // Nothing mounted, or a root that does not exist: no sticks, no error.
    fixture.settings.mount_roots = {fixture.directory / "no-such-root"};
    CHECK(ScanUsbSticks(fixture.settings).empty());
}

TEST_CASE("usb copy: a bundle is copied byte for byte, links, paths out of the stick and unmounted sticks are refused") {
    UsbFixture fixture;
    auto stick = fixture.Stick("KINGSTON");
    std::string bytes(3 << 20, '\0');
    for (size_t at = 0; at < bytes.size(); ++at) bytes[at] = static_cast<char>(at * 7919 % 251);
    testing::WriteFile(stick / "noi-dung" / "xa-thu-v8.zip", bytes);
    fs::create_directories(fixture.directory / "copies");
    auto sticks = ScanUsbSticks(fixture.settings);
    REQUIRE(sticks.size() == 1);
    StickBundle bundle = BundleAt(sticks[0], "noi-dung/xa-thu-v8.zip");

    std::uint64_t last_done = 0, last_total = 0;
    auto copy = CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies",
                                    [&](std::uint64_t done, std::uint64_t total) {
                                        last_done = done;
                                        last_total = total;
                                    });
    REQUIRE_MESSAGE(copy, copy.error().message);
    CHECK(*copy == fixture.directory / "copies" / "xa-thu-v8.zip");
    CHECK(testing::ReadFile(*copy) == bytes);
    CHECK(last_done == bytes.size());
    CHECK(last_total == bytes.size());
    // The copy is never written over.
    CHECK_FALSE(CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies"));
    fs::remove(*copy);

    SUBCASE("a file swapped for a link after the scan") {
        fs::create_directories(fixture.directory / "elsewhere");
        testing::WriteFile(fixture.directory / "elsewhere" / "secret.zip", "outside");
        fs::remove(stick / "noi-dung" / "xa-thu-v8.zip");
        fs::create_symlink(fixture.directory / "elsewhere" / "secret.zip", stick / "noi-dung" / "xa-thu-v8.zip");
        auto refused = CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies");
        REQUIRE_FALSE(refused);
        CHECK(Contains(refused.error().message, "symbolic link"));
    }
    SUBCASE("a folder swapped for a link out of the stick") {
        fs::create_directories(fixture.directory / "elsewhere");
        testing::WriteFile(fixture.directory / "elsewhere" / "xa-thu-v8.zip", "outside");
        fs::remove_all(stick / "noi-dung");
        fs::create_directory_symlink(fixture.directory / "elsewhere", stick / "noi-dung");
        auto refused = CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies");
        REQUIRE_FALSE(refused);
        CHECK(Contains(refused.error().message, "symbolic link"));
    }
    SUBCASE("a path that climbs out of the stick") {
        fs::create_directories(fixture.directory / "media" / "kiosk" / "other");
        testing::WriteFile(fixture.directory / "media" / "kiosk" / "other" / "x.zip", "outside");
        StickBundle climbing = bundle;
        climbing.relative_path = "../other/x.zip";
        climbing.name = "x.zip";
        auto refused = CopyBundleFromStick(climbing, fixture.settings, fixture.directory / "copies");
        REQUIRE_FALSE(refused);
        CHECK(Contains(refused.error().message, "leaves the stick"));
    }
    SUBCASE("a stick that is no longer mounted") {
        fixture.Unmount(stick);
        auto refused = CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies");
        REQUIRE_FALSE(refused);
        CHECK(Contains(refused.error().message, "not mounted"));
        CHECK(Contains(refused.error().message_vietnamese, "USB"));
    }
    SUBCASE("a directory outside the roots posing as a stick") {
        StickBundle outside = bundle;
        outside.mount_point = fixture.directory / "elsewhere";
        CHECK_FALSE(CopyBundleFromStick(outside, fixture.settings, fixture.directory / "copies"));
    }
    CHECK_FALSE(fs::exists(fixture.directory / "copies" / "xa-thu-v8.zip"));
}

TEST_CASE("usb copy: a stick pulled out mid-read (the file cut short while it is read) refuses and leaves no copy") {
    UsbFixture fixture;
    auto stick = fixture.Stick("KINGSTON");
    const fs::path file = stick / "xa-thu-v8.zip";
    testing::WriteFile(file, std::string(4 << 20, 'z'));
    fs::create_directories(fixture.directory / "copies");
    auto sticks = ScanUsbSticks(fixture.settings);
    StickBundle bundle = BundleAt(sticks.at(0), "xa-thu-v8.zip");
    bool cut = false;
    auto copy = CopyBundleFromStick(bundle, fixture.settings, fixture.directory / "copies", [&](std::uint64_t, std::uint64_t) {
        if (!cut) fs::resize_file(file, 1 << 20);  // after the first megabyte, the rest is gone
        cut = true;
    });
    CHECK(cut);
    REQUIRE_FALSE(copy);
    CHECK(Contains(copy.error().message, "removed while it was read"));
    CHECK(Contains(copy.error().message, "content is unchanged"));
    CHECK(Contains(copy.error().message_vietnamese, "USB bị rút ra"));
    CHECK_FALSE(fs::exists(fixture.directory / "copies" / "xa-thu-v8.zip"));
}

TEST_CASE("usb watcher: the first scan and every change of sticks or bundles reach the UI thread") {
    UsbFixture fixture;
    RunQueue queue;
    const auto ui_thread = std::this_thread::get_id();
    std::vector<std::vector<UsbStick>> seen;
    bool on_ui_thread = true;
    UsbWatcher watcher(fixture.settings, queue,
                       [&](const std::vector<UsbStick>& sticks) {
                           on_ui_thread = on_ui_thread && std::this_thread::get_id() == ui_thread;
                           seen.push_back(sticks);
                       },
                       std::chrono::milliseconds(20));
    watcher.Start();
    REQUIRE(DrainUntil(queue, [&] { return seen.size() == 1; }));
    CHECK(seen.back().empty());

    auto stick = fixture.Stick("KINGSTON");
    REQUIRE(DrainUntil(queue, [&] { return !seen.back().empty(); }));
    CHECK(seen.back().at(0).bundles.empty());
    testing::WriteFile(stick / "xa-thu-v8.zip", "zip");
    REQUIRE(DrainUntil(queue, [&] { return !seen.back().empty() && seen.back()[0].bundles.size() == 1; }));
    fixture.Unmount(stick);
    REQUIRE(DrainUntil(queue, [&] { return seen.back().empty(); }));
    const size_t count = seen.size();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    queue.RunPending();
    CHECK(seen.size() == count);  // nothing changed: nothing posted
    watcher.Stop();
    CHECK_FALSE(watcher.running());
    CHECK(on_ui_thread);
}

TEST_CASE("content installer: a bundle on a stick is copied, checked and installed on a worker, a half-copied one is refused") {
    UsbFixture fixture;
    auto stick = fixture.Stick("KINGSTON");
    auto key = testing::NewKey("so-thu");
    testing::WriteSmallContent(fixture.directory / "factory", 1);
    testing::WriteSmallContent(fixture.directory / "v2", 2);
    testing::PackOrFail(fixture.directory / "v2", stick / "xa-thu-v2.zip", key);
    testing::WriteSmallContent(fixture.directory / "v3", 3);
    testing::PackOrFail(fixture.directory / "v3", fixture.directory / "v3.zip", key);
    // v3 half-copied onto the stick: the stick was pulled out while the PC copied it.
    std::string v3 = testing::ReadFile(fixture.directory / "v3.zip");
    testing::WriteFile(stick / "xa-thu-v3.zip", v3.substr(0, v3.size() / 2));

    bundle::InstallerSettings settings;
    settings.data_dir = fixture.directory / "data";
    settings.options.trust = testing::TrustOnly(key);
    settings.options.factory_content_dir = fixture.directory / "factory";
    settings.usb = fixture.settings;
    RunQueue queue;
    bundle::ContentInstaller installer(settings, queue);
    auto sticks = ScanUsbSticks(fixture.settings);
    REQUIRE(sticks.size() == 1);
    const auto ui_thread = std::this_thread::get_id();

    std::optional<Result<bundle::ContentPreview>> preview;
    REQUIRE(installer.PreviewFromStick(BundleAt(sticks[0], "xa-thu-v2.zip"), {},
                                       [&](const Result<bundle::ContentPreview>& result) { preview.emplace(result); }));
    REQUIRE(DrainUntil(queue, [&] { return preview.has_value(); }));
    REQUIRE_MESSAGE(*preview, preview->error().message);
    CHECK((*preview)->version == 2);
    CHECK((*preview)->installed_version == 1);
    CHECK_FALSE(bundle::ContentStore::Open(settings.data_dir).Current());

    std::vector<bundle::InstallStage> stages;
    bool progress_on_ui_thread = true;
    std::optional<Result<bundle::ContentRelease>> installed;
    REQUIRE(installer.InstallFromStick(
        BundleAt(sticks[0], "xa-thu-v2.zip"),
        [&](const bundle::InstallProgress& progress) {
            progress_on_ui_thread = progress_on_ui_thread && std::this_thread::get_id() == ui_thread;
            if (stages.empty() || stages.back() != progress.stage) stages.push_back(progress.stage);
        },
        [&](const Result<bundle::ContentRelease>& result) { installed.emplace(result); }));
    // One job at a time.
    auto second = installer.Rollback({});
    CHECK_FALSE(second);
    REQUIRE(DrainUntil(queue, [&] { return installed.has_value(); }));
    REQUIRE_MESSAGE(*installed, installed->error().message);
    CHECK((*installed)->version == 2);
    CHECK((*installed)->source == "xa-thu-v2.zip");
    CHECK(progress_on_ui_thread);
    REQUIRE(stages.size() >= 3);
    CHECK(stages.front() == bundle::InstallStage::CopyingFromStick);
    CHECK(stages.back() == bundle::InstallStage::Installed);
    auto store = bundle::ContentStore::Open(settings.data_dir);
    REQUIRE(store.Current());
    CHECK(store.Current()->version == 2);
    installer.Wait();
    CHECK_FALSE(installer.busy());
    // The copy off the stick is gone once the job ends.
    CHECK(fs::is_empty(store.IncomingDirectory()));

    const std::string before = testing::TreeFingerprint(store.root() / "releases");
    installed.reset();
    REQUIRE(installer.InstallFromStick(BundleAt(sticks[0], "xa-thu-v3.zip"), {},
                                       [&](const Result<bundle::ContentRelease>& result) { installed.emplace(result); }));
    REQUIRE(DrainUntil(queue, [&] { return installed.has_value(); }));
    REQUIRE_FALSE(*installed);
    CHECK(Contains(installed->error().message, "not a complete zip"));
    CHECK(Contains(installed->error().message_vietnamese, "USB"));
    CHECK(store.Current()->version == 2);
    CHECK(testing::TreeFingerprint(store.root() / "releases") == before);
    installer.Wait();
    CHECK(fs::is_empty(store.IncomingDirectory()));

    installed.reset();
    REQUIRE(installer.Rollback([&](const Result<bundle::ContentRelease>& result) { installed.emplace(result); }));
    REQUIRE(DrainUntil(queue, [&] { return installed.has_value(); }));
    CHECK_FALSE(*installed);  // v2 replaced the factory content: nothing to roll back to
}
