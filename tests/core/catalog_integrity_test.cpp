// The catalog checks what it reads when it opens: a file whose header is intact over damaged
// pages, or whose rows were changed byte by byte, is rebuilt from the content (with a line
// for the log) instead of showing short lists; a damaged procedure detail is refused when it
// is read and marks the catalog for a rebuild.
#include <doctest/doctest.h>

#include <fstream>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

void Overwrite(const fs::path& file, std::size_t offset, const std::string& bytes) {
    std::fstream stream(file, std::ios::binary | std::ios::in | std::ios::out);
    stream.seekp(static_cast<std::streamoff>(offset));
    stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool NotesMention(const catalog::CatalogOpenReport& report, const std::string& words) {
    for (const auto& note : report.notes)
        if (note.find(words) != std::string::npos) return true;
    return false;
}

struct BuiltCatalog {
    testing::TemporaryDirectory work;
    fs::path content = testing::SourceDirectory() / "content";
    fs::path cache = work / "cache";
    fs::path file;
    BuiltCatalog() {
        catalog::CatalogOpenReport report;
        REQUIRE(catalog::OpenContentCatalog(content, cache, &report).ok());
        REQUIRE(report.rebuilt);
        file = report.catalog_file;
    }
};

}  // namespace

TEST_CASE("catalog integrity: damaged pages behind an intact header are found at open and rebuilt from the content") {
    BuiltCatalog built;
    auto size = fs::file_size(built.file);
    REQUIRE(size > 200 * 4096);
    // Zero a third of the pages in the middle; page 1 (header, schema) stays as it was.
    Overwrite(built.file, (size / 4096 / 3) * 4096, std::string(size / 3, '\0'));

    catalog::CatalogOpenReport report;
    auto reopened = catalog::OpenContentCatalog(built.content, built.cache, &report);
    REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error().message));
    CHECK(report.rebuilt);
    CHECK(NotesMention(report, "damaged"));
    CHECK(NotesMention(report, "rebuilding it from"));
    CHECK(reopened->ProcedureCount() == 307);
    CHECK(reopened->Fields().size() > 5);
    CHECK_FALSE(reopened->Search("khai sinh", 3).empty());
}

TEST_CASE("catalog integrity: a byte changed inside a row (no SQLite error) is found by the digest") {
    BuiltCatalog built;
    // The folded sort key of a birth registration: only in the procedures rows, never in the detail JSON.
    auto bytes = testing::ReadFile(built.file);
    auto at = bytes.find("dang ky khai sinh");
    REQUIRE(at != std::string::npos);
    Overwrite(built.file, at, "dang xy");
    auto damaged = catalog::Catalog::Open(built.file);
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().message.find("do not match the digest") != std::string::npos);

    catalog::CatalogOpenReport report;
    auto reopened = catalog::OpenContentCatalog(built.content, built.cache, &report);
    REQUIRE(reopened.ok());
    CHECK(report.rebuilt);
    CHECK(testing::ReadFile(built.file).find("dang xy") == std::string::npos);
}

TEST_CASE("catalog integrity: a damaged procedure detail is refused when read and marks the catalog damaged") {
    BuiltCatalog built;
    auto opened = catalog::Catalog::Open(built.file);
    REQUIRE(opened.ok());
    auto procedure = opened->FindProcedure("1.001193");
    REQUIRE(procedure.ok());
    REQUIRE_FALSE(procedure->steps.empty());
    std::string step = procedure->steps.front().text.substr(0, 24);
    opened = Error{"closed"};

    // The step inside this procedure's own detail JSON (steps repeat across procedures).
    auto bytes = testing::ReadFile(built.file);
    auto detail = bytes.find("{\"code\":\"1.001193\"");
    REQUIRE(detail != std::string::npos);
    auto at = bytes.find(step, detail);
    REQUIRE(at != std::string::npos);
    Overwrite(built.file, at + 2, "#");
    auto reopened = catalog::Catalog::Open(built.file);  // the rows are intact: it opens
    REQUIRE(reopened.ok());
    CHECK_FALSE(reopened->damaged());
    auto read = reopened->FindProcedure("1.001193");
    CHECK_FALSE(read.ok());
    CHECK(read.error().message.find("damaged") != std::string::npos);
    CHECK(reopened->damaged());
}
