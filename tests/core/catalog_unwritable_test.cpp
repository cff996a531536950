// A data directory that cannot take the catalog at first start — read-only, full, or with
// something in the way — still shows valid content: the catalog is built in memory for
// this run, and the log says why.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/core/catalog/content_source.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

bool LogMentions(const catalog::ShownContent& shown, const std::string& words) {
    for (const auto& line : shown.log)
        if (line.message.find(words) != std::string::npos) return true;
    return false;
}

void CheckShownFromMemory(const catalog::ShownContent& shown) {
    REQUIRE_MESSAGE(shown.catalog, (shown.ok() ? "" : shown.problem.message));
    CHECK(shown.ok());
    CHECK(shown.in_memory);
    CHECK(shown.catalog->ProcedureCount() == 307);
    CHECK_FALSE(shown.catalog->Search("khai sinh", 3).empty());
    CHECK(shown.catalog->FindProcedure("1.001193").ok());
    CHECK(LogMentions(shown, "kept in memory"));
}

}  // namespace

TEST_CASE("unwritable data directory: the catalog's place is taken by a file, the content is shown from memory") {
    testing::TemporaryDirectory work;
    testing::WriteFile(work / "state" / "catalog", "not a directory");
    catalog::ContentSource source({testing::SourceDirectory() / "content", work / "state", {}});
    auto shown = source.Open();
    CheckShownFromMemory(shown);
    CHECK(LogMentions(shown, "cannot create the catalog directory"));
}

TEST_CASE("unwritable data directory: a full disk (no file may grow) shows the content from memory") {
    testing::TemporaryDirectory work;
    // RLIMIT_FSIZE makes every write past 64 KiB fail with EFBIG, as a full disk fails with
    // ENOSPC; SIGXFSZ is ignored so the write returns its error instead of killing us.
    struct sigaction ignore {}, previous {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGXFSZ, &ignore, &previous);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    rlimit small = old_limit;
    small.rlim_cur = 64 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    catalog::ContentSource source({testing::SourceDirectory() / "content", work / "state", {}});
    auto shown = source.Open();
    setrlimit(RLIMIT_FSIZE, &old_limit);
    sigaction(SIGXFSZ, &previous, nullptr);
    CheckShownFromMemory(shown);
    // Nothing half-written is left where the next start would look.
    for (const auto& entry : fs::directory_iterator(work / "state" / "catalog"))
        CHECK(entry.path().filename().string().find("building") == std::string::npos);
}

TEST_CASE("unwritable data directory: a read-only directory shows the content from memory") {
    if (geteuid() == 0) {
        MESSAGE("running as root, who writes through mode bits: the read-only case is covered by the two above");
        return;
    }
    testing::TemporaryDirectory work;
    fs::create_directories(work / "state");
    chmod((work / "state").c_str(), 0555);
    catalog::ContentSource source({testing::SourceDirectory() / "content", work / "state", {}});
    auto shown = source.Open();
    chmod((work / "state").c_str(), 0755);
    CheckShownFromMemory(shown);
}
