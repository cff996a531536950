// The query set (tests/data/search_queries.tsv, written before the ranking was tuned)
// against the shipped demo content: the expected procedure must be in the top 3 for at
// least 90 % of the queries.
#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;

TEST_CASE("search quality: citizens' queries find their procedure in the top 3") {
    testing::TemporaryDirectory cache;
    auto catalog = catalog::OpenContentCatalog(testing::SourceDirectory() / "content", cache.path());
    REQUIRE_MESSAGE(catalog.ok(), (catalog.ok() ? "" : catalog.error().message));

    std::ifstream file(testing::SourceDirectory() / "tests" / "data" / "search_queries.tsv");
    REQUIRE(file.good());
    std::string line;
    int total = 0, found = 0;
    std::ostringstream misses;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, "a line without a tab: " << line);
        std::string query = line.substr(0, tab), expected = line.substr(tab + 1);
        REQUIRE_MESSAGE(catalog->FindSummary(expected).has_value(), "expected code not in the content: " << expected);
        auto hits = catalog->Search(query, 3);
        ++total;
        bool hit = false;
        for (const auto& result : hits) hit = hit || result.code == expected;
        if (hit) {
            ++found;
        } else {
            misses << "  miss: \"" << query << "\" expected " << expected << ", got";
            for (const auto& result : hits) misses << " " << result.code << " (" << result.name << ")";
            misses << "\n";
        }
    }
    double share = total ? static_cast<double>(found) / total : 0;
    std::cout << "search quality: " << found << "/" << total << " queries (" << static_cast<int>(share * 1000) / 10.0
              << " %) have the expected procedure in the top 3\n"
              << misses.str();
    CHECK(total >= 40);
    CHECK(share >= 0.90);
}
