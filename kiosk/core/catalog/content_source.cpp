#include "kiosk/core/catalog/content_source.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/catalog/catalog_store.hpp"
#include "kiosk/core/catalog/installed_release.hpp"
#include "kiosk/core/content/content_directory.hpp"

namespace kiosk::catalog {
namespace {

std::string Describe(const Catalog& catalog) {
    return catalog.manifest().content_id + ", version " + std::to_string(catalog.manifest().version);
}

struct LastGood {
    std::filesystem::path catalog_file;
    std::filesystem::path content_directory;
};

// What last-good.json names; empty paths when it is absent or unreadable.
LastGood ReadLastGood(const std::filesystem::path& record) {
    std::ifstream stream(record, std::ios::binary);
    if (!stream) return {};
    auto document = nlohmann::json::parse(stream, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object()) return {};
    auto text = [&](const char* key) {
        auto value = document.find(key);
        return value != document.end() && value->is_string() ? value->get<std::string>() : std::string();
    };
    return {text("catalog"), text("content_dir")};
}

}  // namespace

void ShownContent::WriteLog() const {
    for (const auto& line : log)
        log::Write(line.priority, line.message,
                   line.priority == log::Priority::Error ? std::string_view(problem.message_vietnamese) : std::string_view());
}

ContentSourceSettings ContentSourceSettings::FromConfig(const Config& config) {
    Config resolved = config;
    ResolveDefaultPaths(resolved);
    return {resolved.content_dir, resolved.data_dir};
}

ContentSource::ContentSource(ContentSourceSettings settings, CatalogDate date)
    : settings_(std::move(settings)), date_(std::move(date)) {}

std::filesystem::path ContentSource::WantedDirectory() const {
    if (!settings_.exact_directory.empty()) return settings_.exact_directory;
    if (auto installed = FindInstalledRelease(settings_.data_dir)) return installed->content_directory;
    return settings_.factory_content_dir;
}

std::string ContentSource::Fingerprint() const {
    auto wanted = WantedDirectory();
    std::error_code error;
    // A symlink switched to another release keeps its name: the target is part of the print.
    auto target = std::filesystem::canonical(wanted, error);
    return wanted.string() + "\n" + (error ? std::string("?") : target.string()) + "\n" + ContentStamp(wanted);
}

ShownContent ContentSource::Open() const {
    ShownContent shown;
    shown.wanted = WantedDirectory();
    CatalogOpenReport report;
    auto opened = OpenContentCatalog(shown.wanted, settings_.CatalogDirectory(), &report, date_);
    for (auto& note : report.notes) shown.log.push_back({log::Priority::Warning, std::move(note)});
    if (opened) {
        shown.catalog = std::make_unique<Catalog>(std::move(*opened));
        shown.shown = shown.wanted;
        shown.in_memory = report.in_memory;
        if (report.rebuilt)
            shown.log.push_back({log::Priority::Info,
                                 "built the catalog of " + shown.wanted.string() + " (" + Describe(*shown.catalog) + ")"});
        if (!report.in_memory && settings_.exact_directory.empty()) RecordLastGood(shown, report.catalog_file);
        return shown;
    }
    shown.problem = opened.error();
    shown.log.push_back({log::Priority::Error, "content not loaded: " + shown.problem.message});
    OpenLastGood(shown, report.catalog_file);
    return shown;
}

void ContentSource::RecordLastGood(ShownContent& shown, const std::filesystem::path& catalog_file) const {
    std::error_code error;
    auto absolute = std::filesystem::absolute(catalog_file, error);
    if (error) absolute = catalog_file;
    auto recorded = ReadLastGood(LastGoodRecord());
    if (recorded.catalog_file == absolute && recorded.content_directory == shown.shown) return;  // the usual start
    nlohmann::ordered_json record{{"catalog", absolute.string()},
                                  {"content_dir", shown.shown.string()},
                                  {"content_key", shown.catalog->content_key()}};
    if (auto written = content::WriteTextFile(LastGoodRecord(), record.dump(2) + "\n"); !written)
        shown.log.push_back({log::Priority::Warning, "cannot record the last good catalog: " + written.error().message});
}

void ContentSource::OpenLastGood(ShownContent& shown, const std::filesystem::path& wanted_catalog_file) const {
    // The catalog recorded as last good first; then the wanted directory's own catalog,
    // which a failed rebuild leaves untouched (and which a cache from before the record has).
    auto recorded = settings_.exact_directory.empty() ? ReadLastGood(LastGoodRecord()) : LastGood{};
    std::vector<LastGood> candidates;
    if (!recorded.catalog_file.empty()) candidates.push_back(recorded);
    if (candidates.empty() || recorded.catalog_file != wanted_catalog_file)
        candidates.push_back({wanted_catalog_file, shown.wanted});
    for (const auto& [candidate, directory] : candidates) {
        std::error_code error;
        if (!std::filesystem::exists(candidate, error)) continue;
        auto previous = Catalog::Open(candidate, date_);
        if (!previous) {
            shown.log.push_back(
                {log::Priority::Error, "the last good catalog cannot be used either: " + previous.error().message});
            continue;
        }
        shown.catalog = std::make_unique<Catalog>(std::move(*previous));
        shown.shown = directory;
        shown.fallback = true;
        shown.log.push_back({log::Priority::Warning, "showing the last good content (" + Describe(*shown.catalog) +
                                                         ") from " + directory.string() + " instead"});
        return;
    }
}

}  // namespace kiosk::catalog
