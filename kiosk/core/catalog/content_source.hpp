#pragma once
// ContentSource: which content the kiosk shows — the one rule the screens and every
// subcommand (`kiosk search`, `kiosk screenshot`, `kiosk content check`, …) share.
//
// The content wanted is the release installed under <data_dir>/content (installed_release.hpp),
// else the factory content_dir. Broken content never replaces good content: when the wanted
// content cannot be opened, the catalog last shown from good content is opened instead,
// however the content changed — edited in place, swapped with mv, a content_dir symlink
// switched to another release, the config pointed elsewhere. That catalog is named in
// <data_dir>/catalog/last-good.json each time good content is opened from a file.
//
//   ContentSource source(ContentSourceSettings::FromConfig(config));
//   ShownContent shown = source.Open();
//   shown.WriteLog();
//   if (shown.catalog) ... else say shown.problem.ForPeople()
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/catalog/catalog_date.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::catalog {

struct ContentSourceSettings {
    std::filesystem::path factory_content_dir;  // config.content_dir
    std::filesystem::path data_dir;             // catalogs in data_dir/catalog, installs in data_dir/content
    // A directory named on the command line (`kiosk search --content DIR`): shown instead of
    // the installed release, falling back only to its own last catalog, and never recorded
    // as the kiosk's last good content.
    std::filesystem::path exact_directory;

    static ContentSourceSettings FromConfig(const Config& config);
    std::filesystem::path CatalogDirectory() const { return data_dir / "catalog"; }
};

struct ContentLogLine {
    log::Priority priority = log::Priority::Info;
    std::string message;  // English
};

struct ShownContent {
    std::unique_ptr<Catalog> catalog;  // null when no good content was ever shown here
    std::filesystem::path wanted;      // the content directory that should be shown
    std::filesystem::path shown;       // the one the catalog was built from (== wanted unless fallback)
    Error problem;                     // why `wanted` is not shown; empty message when it is
    bool fallback = false;             // the last good content is shown instead of `wanted`
    bool in_memory = false;            // the data directory could not take the catalog (see log)
    std::vector<ContentLogLine> log;   // what happened, in order

    bool ok() const { return problem.message.empty(); }
    // Writes the lines to the kiosk's log (kiosk/core/log.hpp).
    void WriteLog() const;
};

class ContentSource {
public:
    explicit ContentSource(ContentSourceSettings settings, CatalogDate date = {});

    const ContentSourceSettings& settings() const { return settings_; }
    // The installed release, else the factory content directory.
    std::filesystem::path WantedDirectory() const;
    // Changes whenever Open might show something else: the wanted directory and the names,
    // sizes and times of its files. Only stat calls: cheap enough to poll.
    std::string Fingerprint() const;
    // Opens (building when needed) the catalog to show. Never throws.
    ShownContent Open() const;

private:
    std::filesystem::path LastGoodRecord() const { return settings_.CatalogDirectory() / "last-good.json"; }
    void RecordLastGood(ShownContent& shown, const std::filesystem::path& catalog_file) const;
    void OpenLastGood(ShownContent& shown, const std::filesystem::path& wanted_catalog_file) const;

    ContentSourceSettings settings_;
    CatalogDate date_;
};

}  // namespace kiosk::catalog
