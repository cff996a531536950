// `kiosk search` as staff and tests run it: the search screen's code on the command line.
// For what is not commune business it says so, and --json prints an empty list, so a
// script can tell "nothing fits" from a result.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/integration/votes_processes.hpp"

using namespace kiosk::testing;
namespace fs = std::filesystem;

namespace {

CommandResult Search(const fs::path& data, std::vector<std::string> arguments) {
    auto config = data / "kiosk.json";
    WriteFile(config, nlohmann::json{{"data_dir", (data / "state").string()},
                                     {"content_dir", (SourceDirectory() / "content").string()}}
                          .dump());
    std::vector<std::string> command{KioskBinary().string(), "--config", config.string(), "search"};
    command.insert(command.end(), arguments.begin(), arguments.end());
    return RunCommand(command, std::chrono::seconds(60));
}

}  // namespace

TEST_CASE("kiosk search: not commune business prints an empty JSON list and a sentence") {
    TemporaryDirectory data;
    auto plane = Search(data.path(), {"--json", "mua", "ve", "may", "bay"});
    REQUIRE(plane.exit_code == 0);
    auto list = nlohmann::json::parse(plane.output);
    CHECK(list.is_array());
    CHECK(list.empty());

    auto doctor = Search(data.path(), {"kham benh"});
    CHECK(doctor.exit_code == 0);
    CHECK(doctor.output.find("Không tìm thấy thủ tục phù hợp ở xã") != std::string::npos);

    // The weak hits stay visible to staff who ask, marked as not shown on the kiosk.
    auto weak = Search(data.path(), {"--include-weak", "kham benh"});
    CHECK(weak.output.find("yếu, không hiện trên kiosk") != std::string::npos);
}

TEST_CASE("kiosk search: a citizen's words find the procedure, with its confidence") {
    TemporaryDirectory data;
    auto moved = Search(data.path(), {"--json", "chuyen khau"});
    REQUIRE(moved.exit_code == 0);
    auto list = nlohmann::json::parse(moved.output);
    REQUIRE_FALSE(list.empty());
    CHECK(list[0]["code"] == "1.004222");
    CHECK(list[0]["confidence"].get<double>() >= 0.61);
}
