// A power cut in the middle of an update: the real `kiosk content install` is killed with
// SIGKILL at a random point 50 times, and each time the kiosk starting afterwards
// (ui::Services::Open, exactly what `kiosk run` does) shows exactly the old version or
// exactly the new one — its files byte-identical to what was packed, its catalog of that
// version — never a mix, and nothing a killed install left stays on disk.
#include <doctest/doctest.h>

#include <random>

#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/ui/services.hpp"
#include "tests/integration/bundle_processes.hpp"

using namespace kiosk;
using namespace kiosk::testing;
using namespace std::chrono_literals;

namespace {

// Small content at `version`, with pictures of incompressible bytes, so the install spends
// a while in each stage (unpacking and syncing 3 MB, checking, building the catalog) and a
// round stays quick enough to run 50 of them.
fs::path ContentAt(const fs::path& directory, long long version) {
    fs::path source = directory / ("source-" + std::to_string(version));
    fs::remove_all(source);
    WriteSmallContent(source, version);
    std::mt19937 random(static_cast<unsigned>(version));
    for (int picture = 0; picture < 6; ++picture) {
        std::string noise(512 * 1024, '\0');
        for (auto& byte : noise) byte = static_cast<char>(random());
        WriteFile(source / "media" / ("anh-" + std::to_string(picture) + ".png"), noise);
    }
    return source;
}

}  // namespace

TEST_CASE("bundle crash: SIGKILL at 50 random points of an install, and the kiosk starts on the old or the new version") {
    TemporaryDirectory directory;
    auto key = NewKey("so-thu");
    const fs::path factory = ContentAt(directory.path(), 1);
    const fs::path config_file = directory / "kiosk.json";
    WriteBundleConfig(config_file, directory / "data", factory, {key.public_key().Line()});
    auto config = LoadConfig(config_file);
    REQUIRE(config);

    std::map<long long, std::string> packed_fingerprint;  // version -> its content files
    std::map<long long, fs::path> bundle_of;
    auto bundle = [&](long long version) {
        if (!bundle_of.contains(version)) {
            auto source = ContentAt(directory.path(), version);
            bundle_of[version] = directory / ("v" + std::to_string(version) + ".zip");
            PackOrFail(source, bundle_of[version], key);
            packed_fingerprint[version] = TreeFingerprint(source);
        }
        return bundle_of[version];
    };
    packed_fingerprint[1] = TreeFingerprint(factory);

    // One clean install first: how long a whole one takes, and how many lines it prints.
    auto first = KioskContent(config_file, {"install", bundle(2).string()});
    REQUIRE_MESSAGE(first.exit_code == 0, first.output);
    long long installed = 2;

    std::mt19937 random(20261203);
    int killed_before_switch = 0, killed_after_switch = 0, finished = 0;
    for (int round = 0; round < 50; ++round) {
        CAPTURE(round);
        const long long next = installed + 1;
        std::vector<std::string> command{KioskBinary().string(), "--config", config_file.string(), "content", "install",
                                         bundle(next).string()};
        // A random point: after a random number of its progress lines (one per stage), then
        // a random few milliseconds more, so kills land inside every stage and between them.
        const int lines_to_wait = std::uniform_int_distribution<int>(0, 6)(random);
        const int extra_ms = std::uniform_int_distribution<int>(0, 40)(random);
        ChildProcess child(command);
        for (int line = 0; line < lines_to_wait; ++line)
            if (!child.ReadLine(20s)) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms));
        child.Kill(SIGKILL);
        const bool ran_to_the_end = child.Wait(1s) == 0;

        // The kiosk starts: it cleans what the kill left and shows what `current` names.
        auto services = ui::Services::Open(*config);
        REQUIRE(services->catalog());
        CHECK(services->content_error().message.empty());
        const long long shown = services->catalog()->manifest().version;
        CHECK_MESSAGE((shown == installed || shown == next), "shown version ", shown);
        auto store = bundle::ContentStore::Open(config->data_dir);
        auto current = store.Current();
        REQUIRE(current);
        CHECK(current->version == shown);
        CHECK(TreeFingerprint(current->content_directory) == packed_fingerprint[shown]);
        CHECK(services->catalog()->ProcedureCount() == current->procedure_count);
        // Nothing half-made is left: no staging, no stray links, only current and previous.
        CHECK(fs::is_empty(store.root() / "staging"));
        for (const auto& entry : fs::directory_iterator(store.root()))
            CHECK_MESSAGE(entry.path().filename().string().rfind("current.tmp", 0) != 0, entry.path());
        CHECK(std::distance(fs::directory_iterator(store.root() / "releases"), fs::directory_iterator()) <= 2);
        if (shown == next) {
            CHECK(store.Previous());
            if (store.Previous()) CHECK(store.Previous()->version == installed);
        }

        if (ran_to_the_end) ++finished;
        else if (shown == next) ++killed_after_switch;
        else ++killed_before_switch;
        installed = shown;
    }
    MESSAGE("killed before the switch: ", killed_before_switch, ", after it: ", killed_after_switch,
            ", finished before the kill: ", finished);
    // The kills really landed in the middle, on both sides of the switch.
    CHECK(killed_before_switch >= 10);
    CHECK(killed_after_switch + finished >= 5);

    // And the store still works as ever: the next install goes through, rollback returns.
    auto last = KioskContent(config_file, {"install", bundle(installed + 1).string()});
    REQUIRE_MESSAGE(last.exit_code == 0, last.output);
    auto rolled = KioskContent(config_file, {"rollback"});
    CHECK_MESSAGE(rolled.exit_code == 0, rolled.output);
    CHECK(bundle::ContentStore::Open(config->data_dir).Current()->version == installed);
}
