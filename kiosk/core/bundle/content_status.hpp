#pragma once
// ContentStatus: which content the kiosk shows now and where it came from — what
// `kiosk content status --json` prints and the staff screen shows.
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/content_release.hpp"
#include "kiosk/core/bundle/content_store.hpp"

namespace kiosk::bundle {

enum class ContentOrigin { Installed, Factory };

struct ContentStatus {
    ContentOrigin origin = ContentOrigin::Factory;
    std::string content_id;   // "" when the factory content's manifest cannot be read
    long long version = 0;
    std::string created;      // manifest "created" for the factory content; the bundle's created_at for a release
    int procedure_count = 0;
    std::filesystem::path content_directory;
    std::optional<ContentRelease> current;   // set when origin is Installed
    std::optional<ContentRelease> previous;  // what `rollback` would return to
};

ContentStatus DescribeContentStatus(const ContentStore& store, const std::filesystem::path& factory_content_dir);

// {"origin": "installed"|"factory", "id", "version", "installed_at" (null for factory),
//  "signer" (null for factory), "previous_version" (null when there is none), "previous_id",
//  "created", "procedure_count", "content_dir", "catalog_file" (null for factory), "release"}
nlohmann::ordered_json StatusToJson(const ContentStatus& status);

}  // namespace kiosk::bundle
