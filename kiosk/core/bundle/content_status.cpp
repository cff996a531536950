#include "kiosk/core/bundle/content_status.hpp"

#include <fstream>

#include "kiosk/core/content/content_directory.hpp"

namespace kiosk::bundle {
namespace {

int CountProcedureLines(const std::filesystem::path& directory) {
    std::ifstream stream(directory / content::kProceduresFile, std::ios::binary);
    std::string line;
    int count = 0;
    while (std::getline(stream, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) ++count;
    return count;
}

}  // namespace

ContentStatus DescribeContentStatus(const ContentStore& store, const std::filesystem::path& factory_content_dir) {
    ContentStatus status;
    status.current = store.Current();
    if (status.current) {
        status.origin = ContentOrigin::Installed;
        status.content_id = status.current->content_id;
        status.version = status.current->version;
        status.created = status.current->created_at;
        status.procedure_count = status.current->procedure_count;
        status.content_directory = status.current->content_directory;
        status.previous = store.Previous();
        return status;
    }
    status.origin = ContentOrigin::Factory;
    status.content_directory = factory_content_dir;
    std::ifstream stream(factory_content_dir / content::kManifestFile, std::ios::binary);
    auto manifest = nlohmann::json::parse(stream, nullptr, false);
    if (manifest.is_object()) {
        if (manifest.contains("content_id") && manifest["content_id"].is_string())
            status.content_id = manifest["content_id"].get<std::string>();
        if (manifest.contains("version") && manifest["version"].is_number_integer())
            status.version = manifest["version"].get<long long>();
        if (manifest.contains("created") && manifest["created"].is_string())
            status.created = manifest["created"].get<std::string>();
    }
    status.procedure_count = CountProcedureLines(factory_content_dir);
    return status;
}

nlohmann::ordered_json StatusToJson(const ContentStatus& status) {
    using nlohmann::ordered_json;
    const bool installed = status.origin == ContentOrigin::Installed;
    ordered_json json{
        {"origin", installed ? "installed" : "factory"},
        {"id", status.content_id},
        {"version", status.version},
        {"installed_at", installed ? ordered_json(status.current->installed_at) : ordered_json(nullptr)},
        {"signer", installed ? ordered_json(status.current->signer) : ordered_json(nullptr)},
        {"previous_version", status.previous ? ordered_json(status.previous->version) : ordered_json(nullptr)},
        {"previous_id", status.previous ? ordered_json(status.previous->content_id) : ordered_json(nullptr)},
        {"created", status.created},
        {"procedure_count", status.procedure_count},
        {"content_dir", status.content_directory.string()},
        {"catalog_file", installed ? ordered_json(status.current->catalog_file.string()) : ordered_json(nullptr)},
        {"release", installed ? ordered_json(status.current->name) : ordered_json(nullptr)},
    };
    return json;
}

}  // namespace kiosk::bundle
