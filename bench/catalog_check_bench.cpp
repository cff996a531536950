// catalog_check_bench: what the catalog's check at open costs (issue 13 item 1), next to
// PRAGMA quick_check, warm (file in the page cache) and cold (evicted with
// posix_fadvise(DONTNEED) before each round). Prints figures only.
//
//   catalog_check_bench                      the demo content (307 procedures)
//   catalog_check_bench CONTENT_DIR          any content, e.g. the 10,000 that
//                                            `catalog_bench ../shared/data/dvcqg 10000 /tmp/big10k` keeps in /tmp/big10k/big
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "kiosk/core/catalog/catalog_database.hpp"
#include "kiosk/core/catalog/catalog_integrity.hpp"
#include "kiosk/core/catalog/catalog_store.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

void Evict(const fs::path& file) {
    int descriptor = ::open(file.c_str(), O_RDONLY);
    if (descriptor < 0) return;
    ::posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED);
    ::close(descriptor);
}

// Median milliseconds of `rounds` runs of `work`, evicting the file first when cold.
double Median(const fs::path& file, bool cold, int rounds, const std::function<void()>& work) {
    std::vector<double> times;
    for (int round = 0; round < rounds; ++round) {
        if (cold) Evict(file);
        auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    fs::path content = argc > 1 ? fs::path(argv[1]) : fs::path(KIOSK_SOURCE_DIR) / "content";
    fs::path cache = fs::temp_directory_path() / ("kiosk-catalog-check-bench-" + std::to_string(::getpid()));
    kiosk::catalog::CatalogOpenReport report;
    auto built = kiosk::catalog::OpenContentCatalog(content, cache, &report);
    if (!built) {
        std::printf("catalog_check_bench: %s\n", built.error().message.c_str());
        return 1;
    }
    const int procedures = built->ProcedureCount();
    built = kiosk::Error{"closed"};
    const fs::path file = report.catalog_file;
    std::printf("catalog_check_bench: %d procedures, catalog %.1f MB (%s)\n", procedures, fs::file_size(file) / 1e6,
                content.c_str());
    for (bool cold : {false, true}) {
        const int rounds = cold ? 5 : 21;
        double open_ms = Median(file, cold, rounds, [&] { (void)kiosk::catalog::Catalog::Open(file); });
        double digest_ms = Median(file, cold, rounds, [&] {
            auto database = kiosk::catalog::OpenCatalogDatabase(file, kiosk::SqliteDatabase::Mode::ReadOnly);
            if (database) (void)kiosk::catalog::CatalogRowsDigest(**database);
        });
        double quick_check_ms = Median(file, cold, rounds, [&] {
            auto database = kiosk::catalog::OpenCatalogDatabase(file, kiosk::SqliteDatabase::Mode::ReadOnly);
            if (database) (void)(*database)->Execute("PRAGMA quick_check");
        });
        std::printf("  %s: Catalog::Open with its check %.1f ms (the rows digest alone %.1f ms); PRAGMA quick_check %.1f ms\n",
                    cold ? "cold (evicted)" : "warm", open_ms, digest_ms, quick_check_ms);
    }
    std::error_code ignored;
    fs::remove_all(cache, ignored);
    return 0;
}
