// Under systemd's journal (JOURNAL_STREAM set) the kiosk's errors carry their syslog priority,
// so `journalctl -u kiosk -p err` finds them: a configuration the kiosk refuses at start is
// one "<3>" line naming the key, and the secret it could not use is never in it.
#include <doctest/doctest.h>

#include <string>

#include "tests/integration/votes_processes.hpp"
#include "tests/test_support.hpp"

using namespace std::chrono_literals;
using kiosk::testing::ChildProcess;

TEST_CASE("journal: a refused configuration is logged as an error, without the secret") {
    kiosk::testing::TemporaryDirectory directory;
    kiosk::testing::WriteFile(directory / "kiosk.json",
                              R"({"server": {"token": "tok-never-logged", "token_file": "server-token"}})");
    kiosk::testing::WriteFile(directory / "server-token", "tok-never-logged\n");
    std::string command = "JOURNAL_STREAM=8:1234 '" + kiosk::testing::KioskBinary().string() + "' --config '" +
                          (directory / "kiosk.json").string() + "' content check 2>&1";
    ChildProcess kiosk({"/bin/sh", "-c", command});
    std::string output = kiosk.ReadAll(20s);
    CHECK(kiosk.Wait(10s) == 2);
    CHECK(output.rfind("<3>kiosk: error: ", 0) == 0);
    CHECK(output.find("either \"server.token\" or \"server.token_file\"") != std::string::npos);
    CHECK(output.find("tok-never-logged") == std::string::npos);
}
