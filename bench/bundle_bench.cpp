// bundle_bench: verify + install time of signed content bundles of 307, 2,642 and 10,000
// procedures (target: 2,642 in under 2 s). The 2,642 are all the real portal records
// (../shared/data/dvcqg, imported by the real importer); 307 are the first of them; 10,000
// replicate them with altered codes, as catalog_bench does. Each bundle is packed by the
// real packer and signed with a fresh key, then
//   verify:  VerifiedBundle::Open with every file's SHA-256 checked (`kiosk content verify`'s first step),
//   install: ContentStore::Install over an installed previous version (what a kiosk does:
//            verify, unpack + fsync, check the content, build the catalog, switch),
// each stage of the install timed from its progress callback. Prints figures only.
// Usage: bundle_bench [DVCQG_DIR]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace kiosk;

namespace {

double Milliseconds(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

const char* StageName(bundle::InstallStage stage) {
    switch (stage) {
        case bundle::InstallStage::CopyingFromStick: return "copy";
        case bundle::InstallStage::CheckingSignature: return "verify";
        case bundle::InstallStage::Unpacking: return "unpack+fsync";
        case bundle::InstallStage::CheckingContent: return "check content";
        case bundle::InstallStage::BuildingCatalog: return "build catalog";
        case bundle::InstallStage::Switching: return "switch";
        case bundle::InstallStage::Installed: return "done";
    }
    return "?";
}

// The real content's files with the first `count` procedures (replicated past the real ones),
// at `version`.
void WriteContent(const fs::path& real, const std::vector<content::Procedure>& procedures, int count, long long version,
                  const fs::path& out) {
    fs::create_directories(out);
    fs::copy_file(real / "fields.json", out / "fields.json", fs::copy_options::overwrite_existing);
    fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "content" / "synonyms.json", out / "synonyms.json",
                  fs::copy_options::overwrite_existing);
    std::string manifest;
    {
        std::ifstream stream(real / "manifest.json", std::ios::binary);
        manifest.assign(std::istreambuf_iterator<char>(stream), {});
    }
    auto at = manifest.find("\"version\":");
    auto end = manifest.find_first_of(",}", at);
    manifest.replace(at, end - at, "\"version\": " + std::to_string(version));
    std::ofstream(out / "manifest.json", std::ios::binary) << manifest;
    std::ofstream stream(out / content::kProceduresFile, std::ios::binary);
    int written = 0;
    for (int copy = 0; written < count; ++copy)
        for (const auto& original : procedures) {
            if (written >= count) break;
            auto procedure = original;
            if (copy > 0) {
                procedure.code += ".B" + std::to_string(copy);
                procedure.name += " (bản " + std::to_string(copy + 1) + ")";
            }
            stream << content::DumpLine(content::ProcedureToJson(procedure)) << "\n";
            ++written;
        }
}

}  // namespace

int main(int argc, char** argv) {
    fs::path source = argc > 1 ? fs::path(argv[1]) : fs::path(KIOSK_SOURCE_DIR).parent_path() / "shared" / "data" / "dvcqg";
    if (!fs::exists(source / "procedures_all.jsonl")) {
        std::printf("bundle_bench: %s is absent (the workshop's portal data); nothing to measure\n", source.c_str());
        return 0;
    }
    fs::path work = fs::temp_directory_path() / ("kiosk-bundle-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    if (auto report = dvcqg::ImportDvcqg({source, work / "real", false}); !report) {
        std::printf("bundle_bench: import failed: %s\n", report.error().message.c_str());
        return 1;
    }
    auto real = content::LoadContentDirectory(work / "real");
    if (!real) {
        std::printf("bundle_bench: %s\n", real.error().message.c_str());
        return 1;
    }
    auto key = bundle::SigningKey::Generate("bench");
    if (!key) return 1;
    bundle::InstallOptions options;
    options.trust.trusted_keys.push_back(key->public_key());
    std::printf("bundle_bench: %zu real procedures; data directory on %s\n", real->procedures.size(), work.c_str());
    for (int count : {307, static_cast<int>(real->procedures.size()), 10000}) {
        fs::path case_directory = work / std::to_string(count);
        auto store = bundle::ContentStore::Open(case_directory / "data");
        fs::path zip;
        for (long long version : {1, 2}) {
            fs::path content_directory = case_directory / ("content-v" + std::to_string(version));
            WriteContent(work / "real", real->procedures, count, version, content_directory);
            zip = case_directory / ("v" + std::to_string(version) + ".zip");
            bundle::PackRequest request{content_directory, zip, *key};
            auto pack_start = Clock::now();
            auto packed = bundle::PackBundle(request);
            double pack_ms = Milliseconds(pack_start);
            if (!packed) {
                std::printf("bundle_bench: %s\n", packed.error().message.c_str());
                return 1;
            }
            if (version == 1) {
                // The version the timed install replaces: installing over an existing release
                // is what kiosks do (the previous one is kept).
                if (auto first = store.Install(zip, options); !first) {
                    std::printf("bundle_bench: %s\n", first.error().message.c_str());
                    return 1;
                }
                continue;
            }
            auto verify_start = Clock::now();
            auto verified = bundle::VerifiedBundle::Open(zip, options.trust, {}, bundle::FileCheck::Now);
            double verify_ms = Milliseconds(verify_start);
            if (!verified) {
                std::printf("bundle_bench: %s\n", verified.error().message.c_str());
                return 1;
            }
            std::map<bundle::InstallStage, Clock::time_point> stage_start;
            std::vector<bundle::InstallStage> order;
            options.progress = [&](const bundle::InstallProgress& progress) {
                if (!stage_start.contains(progress.stage)) {
                    stage_start[progress.stage] = Clock::now();
                    order.push_back(progress.stage);
                }
            };
            auto install_start = Clock::now();
            auto installed = store.Install(zip, options);
            double install_ms = Milliseconds(install_start);
            auto install_end = Clock::now();
            options.progress = {};
            if (!installed) {
                std::printf("bundle_bench: %s\n", installed.error().message.c_str());
                return 1;
            }
            std::printf("  %5d procedures: bundle %.1f MB zipped, %.1f MB unpacked; pack %.0f ms\n", count,
                        fs::file_size(zip) / 1e6, verified->index().TotalSize() / 1e6, pack_ms);
            std::printf("         verify (every file's SHA-256): %.0f ms\n", verify_ms);
            std::printf("         install: %.0f ms =", install_ms);
            for (size_t index = 0; index < order.size(); ++index) {
                auto until = index + 1 < order.size() ? stage_start[order[index + 1]] : install_end;
                if (order[index] == bundle::InstallStage::Installed) continue;
                std::printf(" %s %.0f ms%s", StageName(order[index]),
                            std::chrono::duration<double, std::milli>(until - stage_start[order[index]]).count(),
                            index + 2 < order.size() ? "," : "");
            }
            // Install verifies as it unpacks (signature, then every file's size and SHA-256):
            // its time is the whole "verify + install" a kiosk spends.
            std::printf("\n         verify + install as a kiosk does it: %.0f ms%s\n", install_ms,
                        count == static_cast<int>(real->procedures.size())
                            ? (install_ms < 2000 ? "  (target < 2000 ms: met)" : "  (target < 2000 ms: MISSED)")
                            : "");
        }
        std::error_code ignored;
        fs::remove_all(case_directory, ignored);
    }
    std::error_code ignored;
    fs::remove_all(work, ignored);
    return 0;
}
