// Search quality on the shipped demo content, measured on three query sets (tests/data):
// the first set (search_queries.tsv), and a colloquial set written before the ranking and
// synonyms were tuned, split into a tuning half and a held-out half that was not looked at
// while tuning (only its rates are printed unless KIOSK_SEARCH_SHOW_HELDOUT=1). A query is
// found when its procedure is among the top 3 results the kiosk SHOWS (weak ones hidden);
// a query marked "-" is not commune business and must show nothing. The figures go to
// docs/benchmarks.md, "Search quality".
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "tests/test_support.hpp"

using namespace kiosk;

namespace {

struct QueryLine {
    std::string query;
    std::vector<std::string> expected;  // empty: not commune business, must find nothing
    std::string category;
};

std::vector<QueryLine> ReadQueries(const std::string& name) {
    std::ifstream file(testing::SourceDirectory() / "tests" / "data" / name);
    REQUIRE_MESSAGE(file.good(), name);
    std::vector<QueryLine> lines;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> columns;
        std::stringstream split(line);
        for (std::string column; std::getline(split, column, '\t');) columns.push_back(column);
        REQUIRE_MESSAGE(columns.size() >= 2, name << ": a line without a tab: " << line);
        QueryLine query{columns[0], {}, columns.size() > 2 ? columns[2] : ""};
        if (columns[1] != "-") {
            std::stringstream codes(columns[1]);
            for (std::string code; std::getline(codes, code, ',');) query.expected.push_back(code);
        }
        lines.push_back(std::move(query));
    }
    return lines;
}

struct SetResult {
    int answerable = 0, found = 0, not_commune = 0, shown_nothing = 0;
    std::vector<double> right_confidence;  // the expected hit's, when it ranks in the top 3
    std::vector<double> stray_confidence;  // the best hit's for not-commune queries (weak ones included)
    std::map<std::string, std::pair<int, int>> by_category;  // found, answerable
    std::string misses;
    double FoundShare() const { return answerable ? static_cast<double>(found) / answerable : 0; }
};

std::string Percent(double share) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << share * 100 << " %";
    return out.str();
}

SetResult Measure(const catalog::Catalog& catalog, const std::vector<QueryLine>& lines) {
    SetResult result;
    for (const auto& line : lines) {
        auto shown = catalog.Search(line.query, 3);
        auto ranked = catalog.SearchIncludingWeak(line.query, 3);
        std::ostringstream got;
        for (const auto& hit : shown) got << " " << hit.code << " (" << std::fixed << std::setprecision(2) << hit.confidence << ")";
        if (line.expected.empty()) {
            ++result.not_commune;
            result.stray_confidence.push_back(ranked.empty() ? 0.0 : ranked.front().confidence);
            if (shown.empty()) ++result.shown_nothing;
            else result.misses += "  shown for a not-commune query: \"" + line.query + "\":" + got.str() + "\n";
            continue;
        }
        for (const auto& code : line.expected)
            REQUIRE_MESSAGE(catalog.FindSummary(code).has_value(), "expected code not in the content: " << code);
        ++result.answerable;
        auto is_expected = [&](const search::SearchHit& hit) {
            return std::find(line.expected.begin(), line.expected.end(), hit.code) != line.expected.end();
        };
        for (const auto& hit : ranked)
            if (is_expected(hit)) {
                result.right_confidence.push_back(hit.confidence);
                break;
            }
        auto& category = result.by_category[line.category];
        ++category.second;
        if (std::any_of(shown.begin(), shown.end(), is_expected)) {
            ++result.found;
            ++category.first;
        } else {
            result.misses += "  miss [" + line.category + "] \"" + line.query + "\" expected " + line.expected.front() +
                             ", shown" + (shown.empty() ? std::string(" nothing") : got.str()) + "\n";
        }
    }
    return result;
}

void Print(const std::string& name, const SetResult& result, bool details) {
    std::cout << "search quality, " << name << ": " << result.found << "/" << result.answerable << " ("
              << Percent(result.FoundShare()) << ") have the expected procedure in the top 3 shown";
    if (result.not_commune) std::cout << "; " << result.shown_nothing << "/" << result.not_commune << " not-commune queries show nothing";
    std::cout << "\n";
    if (!details) return;
    for (const auto& [category, counts] : result.by_category)
        if (!category.empty()) std::cout << "    " << category << ": " << counts.first << "/" << counts.second << "\n";
    std::cout << result.misses;
}

// The confidences either side of the threshold: what kWeakBelow was chosen from.
void PrintThresholdEvidence(const SetResult& tuning) {
    auto right = tuning.right_confidence, stray = tuning.stray_confidence;
    std::sort(right.begin(), right.end());
    std::sort(stray.begin(), stray.end());
    auto at = [](const std::vector<double>& values, double share) {
        return values.empty() ? 0.0 : values[std::min(values.size() - 1, static_cast<size_t>(share * values.size()))];
    };
    auto below = [](const std::vector<double>& values, double limit) {
        return std::count_if(values.begin(), values.end(), [&](double value) { return value < limit; });
    };
    std::cout << std::fixed << std::setprecision(3) << "search threshold (tuning half): kWeakBelow = " << search::SearchIndex::kWeakBelow
              << "\n  right answers' confidence: min " << at(right, 0) << ", 5th percentile " << at(right, 0.05) << ", median "
              << at(right, 0.5) << "; " << below(right, search::SearchIndex::kWeakBelow) << " of " << right.size() << " below"
              << "\n  not-commune queries' best confidence: max " << (stray.empty() ? 0.0 : stray.back()) << ", median "
              << at(stray, 0.5) << "; " << stray.size() - below(stray, search::SearchIndex::kWeakBelow) << " of " << stray.size()
              << " at or above\n";
}

const catalog::Catalog& ShippedCatalog() {
    static testing::TemporaryDirectory cache;
    static auto catalog = catalog::OpenContentCatalog(testing::SourceDirectory() / "content", cache.path());
    REQUIRE_MESSAGE(catalog.ok(), (catalog.ok() ? "" : catalog.error().message));
    return *catalog;
}

}  // namespace

TEST_CASE("search quality: the first query set finds its procedure in the top 3") {
    auto result = Measure(ShippedCatalog(), ReadQueries("search_queries.tsv"));
    Print("first set (search_queries.tsv)", result, true);
    CHECK(result.answerable >= 60);
    CHECK(result.FoundShare() >= 0.95);
}

TEST_CASE("search quality: the tuning half — and every not-commune query in it shows nothing") {
    auto result = Measure(ShippedCatalog(), ReadQueries("search_queries_tuning.tsv"));
    Print("tuning half (search_queries_tuning.tsv)", result, true);
    PrintThresholdEvidence(result);
    CHECK(result.answerable >= 140);
    CHECK(result.not_commune >= 20);
    CHECK(result.FoundShare() >= 0.95);
    CHECK(result.shown_nothing == result.not_commune);
}

TEST_CASE("search quality: the held-out half, never tuned on") {
    auto result = Measure(ShippedCatalog(), ReadQueries("search_queries_heldout.tsv"));
    const char* show = std::getenv("KIOSK_SEARCH_SHOW_HELDOUT");
    Print("held-out half (search_queries_heldout.tsv)", result, show && std::string(show) == "1");
    CHECK(result.answerable >= 130);
    CHECK(result.not_commune >= 20);
    CHECK(result.FoundShare() >= 0.90);  // the target; measured 93.5 % when first run
    // Measured 19 of 22 when first run. Not asserted at 22: the three that show something
    // share a real compound with a name ("thuê nhà", "tiết kiệm") or fold into one across two
    // compounds ("tiền điện" / "phương tiện điện tử"), and making them pass would mean tuning
    // on this half. The tuning half asserts all of its own.
    CHECK(result.shown_nothing * 100 >= result.not_commune * 85);
}

TEST_CASE("search quality: the cases a new user reported are answered for their causes") {
    const auto& catalog = ShippedCatalog();
    // "chuyen khau" (a hộ khẩu-era word) found forest-use procedures.
    auto moved = catalog.Search("chuyen khau", 3);
    REQUIRE_FALSE(moved.empty());
    CHECK(moved[0].code == "1.004222");
    for (const auto& hit : moved) CHECK(hit.code != "1.012694");
    // "nhan con nuoi" put the adoption procedure at #10.
    auto adoption = catalog.Search("nhan con nuoi", 3);
    REQUIRE_FALSE(adoption.empty());
    CHECK(adoption[0].code == "2.001263");
    // "lam so do" put the organisations' version first.
    auto land = catalog.Search("lam so do", 5);
    auto position = [&](const std::string& code) {
        for (size_t index = 0; index < land.size(); ++index)
            if (land[index].code == code) return index;
        return land.size();
    };
    CHECK(position("1.013978") == 0);
    CHECK(position("1.013978") < position("1.012753"));
    // Not commune business: nothing, so the screen says so.
    CHECK(catalog.Search("mua vé máy bay", 10).empty());
    CHECK(catalog.Search("khám bệnh", 10).empty());
}
