#include "kiosk/core/bundle/content_release.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk::bundle {

std::string SerializeRelease(const ContentRelease& release) {
    nlohmann::ordered_json document{
        {"content_id", release.content_id},     {"version", release.version},
        {"procedure_count", release.procedure_count}, {"installed_at", release.installed_at},
        {"created_at", release.created_at},     {"signer", release.signer},
        {"signer_key", release.signer_key},     {"source", release.source},
        {"index_sha256", release.index_sha256}, {"predecessor", release.predecessor},
    };
    return document.dump(2) + "\n";
}

Result<ContentRelease> ReadRelease(const std::filesystem::path& directory) {
    auto record = directory / kReleaseRecordFile;
    std::ifstream stream(record, std::ios::binary);
    if (!stream)
        return Error{"the installed release " + directory.string() + " has no readable " + kReleaseRecordFile,
                     "Bản nội dung đã cài bị hỏng (thiếu " + std::string(kReleaseRecordFile) + ")."};
    std::stringstream text;
    text << stream.rdbuf();
    auto document = nlohmann::json::parse(text.str(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{record.string() + " is not valid JSON", "Bản nội dung đã cài bị hỏng."};
    ContentRelease release;
    release.name = directory.filename().string();
    release.directory = directory;
    release.content_directory = directory / kReleaseContentFolder;
    release.catalog_file = directory / kReleaseCatalogFile;
    try {
        release.content_id = document.at("content_id").get<std::string>();
        release.version = document.at("version").get<long long>();
        release.procedure_count = document.value("procedure_count", 0);
        release.installed_at = document.at("installed_at").get<std::string>();
        release.created_at = document.value("created_at", std::string());
        release.signer = document.value("signer", std::string());
        release.signer_key = document.value("signer_key", std::string());
        release.source = document.value("source", std::string());
        release.index_sha256 = document.value("index_sha256", std::string());
        release.predecessor = document.value("predecessor", std::string());
    } catch (const nlohmann::json::exception& error) {
        return Error{record.string() + " is incomplete: " + error.what(), "Bản nội dung đã cài bị hỏng."};
    }
    std::error_code error;
    if (!std::filesystem::is_regular_file(release.catalog_file, error))
        return Error{"the installed release " + directory.string() + " has no catalog", "Bản nội dung đã cài bị hỏng."};
    return release;
}

}  // namespace kiosk::bundle
