// catalog_bench: a 10,000-procedure content built from all 2,642 real portal records
// (replicated with altered codes), compiled into a catalog; then what start-up does before
// the first frame (open, manifest, fields with counts, the first field's list), its time
// and memory, and the search index and queries at that size. Prints figures only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <malloc.h>
#include <unistd.h>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

long StatusKilobytes(const char* key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + std::string(key).size());
    return -1;
}

double Milliseconds(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

}  // namespace

int main(int argc, char** argv) {
    fs::path source = argc > 1 ? fs::path(argv[1]) : fs::path(KIOSK_SOURCE_DIR).parent_path() / "shared" / "data" / "dvcqg";
    const int target = argc > 2 ? std::atoi(argv[2]) : 10000;
    if (!fs::exists(source / "procedures_all.jsonl")) {
        std::printf("catalog_bench: %s is absent (the workshop's portal data); nothing to measure\n", source.c_str());
        return 0;
    }
    // A third argument keeps the generated content there, so startup_bench can start the
    // real kiosk on 10,000 procedures: startup_bench --config <dir>/kiosk.json
    const bool keep = argc > 3;
    fs::path work = keep ? fs::path(argv[3]) : fs::temp_directory_path() / ("kiosk-catalog-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    if (auto report = kiosk::dvcqg::ImportDvcqg({source, work / "real", false}); !report) {
        std::printf("catalog_bench: import failed: %s\n", report.error().message.c_str());
        return 1;
    }
    auto real = kiosk::content::LoadContentDirectory(work / "real");
    if (!real) {
        std::printf("catalog_bench: %s\n", real.error().message.c_str());
        return 1;
    }
    // Replicate: copy n gets code "<code>.B<n>" (a valid local-variant code) and a marked name.
    fs::path big = work / "big";
    fs::create_directories(big);
    for (const char* name : {"manifest.json", "fields.json"}) fs::copy_file(work / "real" / name, big / name);
    // The importer writes no synonyms (people do): the shipped table, as a commune would have it.
    fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "content" / "synonyms.json", big / "synonyms.json");
    {
        std::ofstream procedures(big / kiosk::content::kProceduresFile, std::ios::binary);
        int written = 0;
        for (int copy = 0; written < target; ++copy)
            for (const auto& original : real->procedures) {
                if (written >= target) break;
                auto procedure = original;
                if (copy > 0) {
                    procedure.code += ".B" + std::to_string(copy);
                    procedure.name += " (bản " + std::to_string(copy + 1) + ")";
                }
                procedures << kiosk::content::DumpLine(kiosk::content::ProcedureToJson(procedure)) << "\n";
                ++written;
            }
    }
    auto content_bytes = fs::file_size(big / kiosk::content::kProceduresFile);
    const int real_records = static_cast<int>(real->procedures.size());
    real = kiosk::Error{"released"};  // free the loaded records so the memory figures are the kiosk's
    ::malloc_trim(0);

    auto build_start = Clock::now();
    kiosk::catalog::CatalogOpenReport report;
    auto built = kiosk::catalog::OpenContentCatalog(big, work / "state" / "catalog", &report);
    double build_ms = Milliseconds(build_start);
    if (!built) {
        std::printf("catalog_bench: %s\n", built.error().message.c_str());
        return 1;
    }
    auto catalog_bytes = fs::file_size(report.catalog_file);
    built = kiosk::Error{"closed"};  // drop it: measure a start from scratch below
    ::malloc_trim(0);

    long rss_before = StatusKilobytes("VmRSS:");
    auto start = Clock::now();
    auto opened = kiosk::catalog::OpenContentCatalog(big, work / "state" / "catalog", &report);  // the kiosk's start-up call
    if (!opened) return 1;
    auto age = opened->ContentAgeDays();
    auto fields = opened->Fields();
    auto first_list = opened->ProceduresInField(fields.front().id);
    double ready_ms = Milliseconds(start);
    long rss_ready = StatusKilobytes("VmRSS:");

    auto detail_start = Clock::now();
    auto detail = opened->FindProcedure(first_list.front().code);
    double detail_ms = Milliseconds(detail_start);

    auto index_start = Clock::now();
    opened->PrepareSearch();
    double index_ms = Milliseconds(index_start);
    long rss_index = StatusKilobytes("VmRSS:");
    std::vector<double> times;
    for (int round = 0; round < 20; ++round)
        for (const char* query : {"lam giay khai sinh cho con", "so do", "xac nhan doc than", "dang ky tam tru", "cccd",
                                  "chung thuc ban sao", "dang ky ket hon", "ho kinh doanh", "kh", "dang ky xe may lan dau"}) {
            auto query_start = Clock::now();
            auto hits = opened->Search(query, 20);
            times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - query_start).count());
        }
    std::sort(times.begin(), times.end());

    std::printf("catalog_bench: %d procedures (%d real records replicated), procedures.jsonl %.1f MB\n",
                opened->ProcedureCount(), real_records, content_bytes / 1e6);
    std::printf("  validate + build catalog (once per content change): %.0f ms, catalog file %.1f MB, rebuilt=%d\n", build_ms,
                catalog_bytes / 1e6, report.rebuilt ? 1 : 0);
    std::printf("  start-up, open-to-ready (stamp check, open, manifest, %zu fields with counts, first list of %zu): %.1f ms\n",
                fields.size(), first_list.size(), ready_ms);
    std::printf("  memory: RSS %.1f MB before open, %.1f MB ready (+%.1f MB), %.1f MB with the search index\n",
                rss_before / 1024.0, rss_ready / 1024.0, (rss_ready - rss_before) / 1024.0, rss_index / 1024.0);
    std::printf("  one procedure's detail: %.2f ms (%s); content age %d days\n", detail_ms, detail ? "ok" : "error",
                age.value_or(-1));
    std::printf("  search index build: %.1f ms; queries p50 %.0f us, p99 %.0f us\n", index_ms, times[times.size() / 2],
                times[std::min(times.size() - 1, times.size() * 99 / 100)]);
    std::printf("  peak RSS of this whole program (includes the import and build): %.1f MB\n", StatusKilobytes("VmHWM:") / 1024.0);
    std::error_code ignored;
    if (keep) {
        std::ofstream config(work / "kiosk.json");
        config << R"({"content_dir": "big", "data_dir": "state"})" << "\n";
        std::printf("kept the generated content in %s; its config is %s\n", work.c_str(), (work / "kiosk.json").c_str());
    } else {
        fs::remove_all(work, ignored);
    }
    return 0;
}
