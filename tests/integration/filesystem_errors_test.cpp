// The kiosk's commands when the data or content directory cannot be reached — a name over
// 255 bytes, permission denied, a file where a directory should be: a sentence naming the
// cause and an exit code, never an abort (under systemd an abort is a restart loop). Where
// valid content can still be shown, it is (the catalog in memory), and the log says why.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/integration/votes_processes.hpp"

using namespace kiosk::testing;
namespace fs = std::filesystem;

namespace {

const std::string kLongName(300, 'a');  // NAME_MAX is 255

// Runs `kiosk --config CONFIG ARGS...` with stderr joined to stdout, optionally as nobody.
CommandResult Kiosk(const fs::path& config, std::vector<std::string> arguments, bool as_nobody = false) {
    std::vector<std::string> command;
    if (as_nobody) command = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    command.insert(command.end(), {"/bin/sh", "-c", "SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy exec \"$0\" \"$@\" 2>&1",
                                   KioskBinary().string(), "--config", config.string()});
    command.insert(command.end(), arguments.begin(), arguments.end());
    return RunCommand(command, std::chrono::seconds(60));
}

fs::path WriteConfig(const fs::path& directory, const nlohmann::json& config) {
    auto file = directory / "kiosk.json";
    WriteFile(file, config.dump());
    chmod(file.c_str(), 0644);
    return file;
}

bool Says(const CommandResult& result, const std::string& words) {
    bool found = result.output.find(words) != std::string::npos;
    if (!found) MESSAGE("output was: " << result.output);
    return found;
}

// Every command a kiosk's operator or its service runs, against a data directory that cannot
// take anything: each still shows the demo content.
void CheckDataDirectoryOutOfReach(const fs::path& config, const fs::path& work, const std::string& cause,
                                  bool as_nobody) {
    auto search = Kiosk(config, {"search", "khai", "sinh"}, as_nobody);
    CHECK(search.exit_code == 0);
    CHECK(Says(search, "1.001193"));
    CHECK(Says(search, cause));
    CHECK(Says(search, "kept in memory"));

    auto check = Kiosk(config, {"content", "check", (SourceDirectory() / "content").string()}, as_nobody);
    CHECK(check.exit_code == 0);

    auto run = Kiosk(config, {"run", "--windowed", "--allow-exit", "--exit-after-frames", "3"}, as_nobody);
    CHECK(run.exit_code == 0);
    CHECK(Says(run, "kept in memory"));
    CHECK(Says(run, "votes cannot be recorded"));

    fs::create_directories(work / "shots");
    chmod((work / "shots").c_str(), 0777);
    auto shot = Kiosk(config, {"screenshot", "--screen", "home", "--out", (work / "shots" / "home.png").string()},
                      as_nobody);
    CHECK(shot.exit_code == 0);
    CHECK(fs::exists(work / "shots" / "home.png"));
}

// A content directory out of reach: the commands that need it say why and exit non-zero.
void CheckContentDirectoryOutOfReach(const fs::path& config, const fs::path& content_dir, const std::string& cause,
                                     bool as_nobody) {
    auto search = Kiosk(config, {"search", "khai", "sinh"}, as_nobody);
    CHECK(search.exit_code == 1);
    CHECK(Says(search, "cannot be reached: " + cause));

    auto check = Kiosk(config, {"content", "check", content_dir.string()}, as_nobody);
    CHECK(check.exit_code == 1);
    CHECK(Says(check, "cannot be reached: " + cause));

    // The kiosk itself runs, with the sentence for citizens on screen and the cause in the log.
    auto run = Kiosk(config, {"run", "--windowed", "--allow-exit", "--exit-after-frames", "3"}, as_nobody);
    CHECK(run.exit_code == 0);
    CHECK(Says(run, "content not loaded"));
}

}  // namespace

TEST_CASE("filesystem errors: a data directory whose name is over 255 bytes") {
    TemporaryDirectory work;
    auto config = WriteConfig(work.path(), {{"data_dir", (work / kLongName).string()}});
    CheckDataDirectoryOutOfReach(config, work.path(), "File name too long", false);
}

TEST_CASE("filesystem errors: a data directory below a file") {
    TemporaryDirectory work;
    WriteFile(work / "plain-file", "x");
    auto config = WriteConfig(work.path(), {{"data_dir", (work / "plain-file" / "state").string()}});
    CheckDataDirectoryOutOfReach(config, work.path(), "Not a directory", false);
}

TEST_CASE("filesystem errors: a content directory whose name is over 255 bytes") {
    TemporaryDirectory work;
    auto content_dir = work / kLongName;
    auto config = WriteConfig(work.path(), {{"content_dir", content_dir.string()}, {"data_dir", (work / "state").string()}});
    CheckContentDirectoryOutOfReach(config, content_dir, "File name too long", false);
}

TEST_CASE("filesystem errors: permission denied on the data and the content directory") {
    bool root = geteuid() == 0;
    if (root && !fs::exists("/usr/bin/setpriv")) {
        MESSAGE("skipped: running as root without setpriv, so permission cannot be denied");
        return;
    }
    TemporaryDirectory work;
    chmod(work.path().c_str(), 0755);
    fs::create_directories(work / "locked" / "state");
    fs::copy(SourceDirectory() / "content", work / "locked" / "content");
    // As root the commands run as nobody (root reads through mode bits); otherwise as ourselves.
    chmod((work / "locked").c_str(), root ? 0700 : 0000);
    auto data_config = WriteConfig(work.path(), {{"data_dir", (work / "locked" / "state").string()}});
    CheckDataDirectoryOutOfReach(data_config, work.path(), "Permission denied", root);

    fs::create_directories(work / "other");
    chmod((work / "other").c_str(), 0777);
    auto content_config = WriteConfig(work / "other", {{"content_dir", (work / "locked" / "content").string()},
                                                       {"data_dir", (work / "other" / "state").string()}});
    CheckContentDirectoryOutOfReach(content_config, work / "locked" / "content", "Permission denied", root);
    chmod((work / "locked").c_str(), 0755);
}
