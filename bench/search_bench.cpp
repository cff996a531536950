// search_bench: time per query over all 2,642 portal procedures (p50 / p99 / max).
// Imports ../shared/data/dvcqg into a temp dir, builds the catalog, then runs the query
// sets of tests/data (search_queries.tsv and both halves of the colloquial set) and every
// prefix of each query (what the search screen runs while a citizen types), many rounds.
// Prints figures; asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    fs::path source = argc > 1 ? fs::path(argv[1]) : fs::path(KIOSK_SOURCE_DIR).parent_path() / "shared" / "data" / "dvcqg";
    if (!fs::exists(source / "procedures_all.jsonl")) {
        std::printf("search_bench: %s is absent (the workshop's portal data); nothing to measure\n", source.c_str());
        return 0;
    }
    fs::path work = fs::temp_directory_path() / ("kiosk-search-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    auto report = kiosk::dvcqg::ImportDvcqg({source, work / "content", false});
    if (!report) {
        std::printf("search_bench: import failed: %s\n", report.error().message.c_str());
        return 1;
    }
    // The importer writes no synonyms (people do): the shipped table, as a commune would have it.
    fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "content" / "synonyms.json", work / "content" / "synonyms.json");
    auto catalog = kiosk::catalog::OpenContentCatalog(work / "content", work / "cache");
    if (!catalog) {
        std::printf("search_bench: catalog failed: %s\n", catalog.error().message.c_str());
        return 1;
    }
    // What the kiosk does at start: the UI thread reads the rows and hands them to a worker
    // (its cost is what the first frames pay), then the worker builds the index.
    auto index_start = Clock::now();
    catalog->StartPreparingSearch();
    double index_ui_ms = std::chrono::duration<double, std::milli>(Clock::now() - index_start).count();
    catalog->PrepareSearch();
    double index_ms = std::chrono::duration<double, std::milli>(Clock::now() - index_start).count();

    std::vector<std::string> queries;
    size_t shown_nothing = 0, full_queries = 0;
    for (const char* name : {"search_queries.tsv", "search_queries_tuning.tsv", "search_queries_heldout.tsv"}) {
        std::ifstream file(fs::path(KIOSK_SOURCE_DIR) / "tests" / "data" / name);
        std::string line;
        while (std::getline(file, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::string query = line.substr(0, line.find('\t'));
            ++full_queries;
            if (catalog->Search(query, 20).empty()) ++shown_nothing;
            for (size_t length = 1; length <= query.size(); ++length)
                if (length == query.size() || (static_cast<unsigned char>(query[length]) & 0xC0) != 0x80)
                    queries.push_back(query.substr(0, length));  // every prefix that ends on a whole character
        }
    }
    // Wall time, and this thread's CPU time: on a loaded machine the scheduler's time slices
    // (~4 ms) land in the wall-clock tail; the CPU time shows the search's own cost.
    auto thread_cpu_us = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
    };
    std::vector<double> times, cpu_times, screen_times;
    size_t results = 0;
    const int rounds = 5;
    for (int round = 0; round < rounds; ++round)
        for (const auto& query : queries) {
            auto start = Clock::now();
            double cpu_start = thread_cpu_us();
            auto hits = catalog->Search(query, 20);
            cpu_times.push_back(thread_cpu_us() - cpu_start);
            times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
            results += hits.size();
            // What the search screen does per keystroke: the search, then each hit's summary row.
            auto screen_start = Clock::now();
            for (const auto& hit : catalog->Search(query, 20)) (void)catalog->FindSummary(hit.code);
            screen_times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - screen_start).count());
        }
    std::sort(screen_times.begin(), screen_times.end());
    std::sort(times.begin(), times.end());
    std::sort(cpu_times.begin(), cpu_times.end());
    auto at = [&](double share) { return times[std::min(times.size() - 1, static_cast<size_t>(share * times.size()))]; };
    auto cpu_at = [&](double share) {
        return cpu_times[std::min(cpu_times.size() - 1, static_cast<size_t>(share * cpu_times.size()))];
    };
    std::printf("search_bench: %d procedures, %zu distinct queries (full queries and their typed prefixes) x %d rounds\n",
                catalog->ProcedureCount(), queries.size(), rounds);
    std::printf("  index build: %.1f ms until ready, of which %.1f ms on the calling (UI) thread\n", index_ms, index_ui_ms);
    std::printf("  full queries answered \"nothing fits\" over all 2,642: %zu of %zu\n", shown_nothing, full_queries);
    std::printf("  per query:   p50 %.0f us   p99 %.0f us   max %.0f us   (mean results %.1f)\n", at(0.50), at(0.99),
                times.back(), static_cast<double>(results) / times.size());
    std::printf("  CPU time:    p50 %.0f us   p99 %.0f us   max %.0f us\n", cpu_at(0.50), cpu_at(0.99), cpu_times.back());
    std::printf("  with summaries (the search screen's keystroke): p50 %.0f us   p99 %.0f us\n",
                screen_times[screen_times.size() / 2], screen_times[std::min(screen_times.size() - 1, screen_times.size() * 99 / 100)]);
    std::error_code ignored;
    fs::remove_all(work, ignored);
    return 0;
}
