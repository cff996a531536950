#include "kiosk/core/catalog/catalog_store.hpp"

#include "kiosk/core/file_reading.hpp"

#include <sodium.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/catalog/catalog_builder.hpp"
#include "kiosk/core/catalog/catalog_database.hpp"
#include "kiosk/core/content/content_directory.hpp"

namespace kiosk::catalog {
namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (size_t index = 0; index < size; ++index) {
        out += digits[bytes[index] >> 4];
        out += digits[bytes[index] & 15];
    }
    return out;
}

std::string ShortHash(std::string_view text) {
    unsigned char digest[8];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
    return Hex(digest, sizeof digest);
}

// The key is computed only when the stamp changed, so parsing the manifest here does not
// slow a normal start.
Result<std::string> ManifestIdentity(const std::filesystem::path& content_directory) {
    FileReadFailure failure;
    auto text = ReadWholeFile(content_directory / content::kManifestFile, &failure);
    if (!text)
        return Error{"content refused: manifest.json " + (failure.absent ? "is missing from " + content_directory.string() : failure.cause),
                     failure.absent ? "Thiếu tệp manifest.json." : "Không đọc được tệp manifest.json."};
    auto document = nlohmann::json::parse(*text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{"content refused: manifest.json is not valid JSON.", "Nội dung bị từ chối: tệp manifest.json bị lỗi."};
    // No throwing accessors here: the loader names a wrong type; this only needs a key.
    auto id_value = document.find("content_id");
    std::string id = id_value != document.end() && id_value->is_string() ? id_value->get<std::string>() : std::string();
    auto version_value = document.find("version");
    long long version = version_value != document.end() && version_value->is_number_integer() ? version_value->get<long long>() : -1;
    return id + ":" + std::to_string(version);
}

}  // namespace

std::filesystem::path CatalogFileFor(const std::filesystem::path& content_directory,
                                     const std::filesystem::path& cache_directory) {
    std::error_code error;
    auto absolute = std::filesystem::weakly_canonical(content_directory, error);
    if (error) absolute = std::filesystem::absolute(content_directory, error);
    if (error) absolute = content_directory;
    return cache_directory / ("catalog-" + ShortHash(absolute.string()) + ".sqlite");
}

std::string ContentStamp(const std::filesystem::path& content_directory) {
    std::string stamp;
    for (const auto& name : content::ContentFileNames()) {
        std::error_code error;
        auto file = content_directory / name;
        auto size = std::filesystem::file_size(file, error);
        if (error) {
            stamp += name + ":absent;";
            continue;
        }
        auto time = std::filesystem::last_write_time(file, error).time_since_epoch().count();
        stamp += name + ":" + std::to_string(size) + ":" + std::to_string(time) + ";";
    }
    return stamp;
}

Result<std::string> ContentKey(const std::filesystem::path& content_directory) {
    if (sodium_init() < 0) return Error{"libsodium could not start", "Không khởi động được thư viện mã hóa."};
    auto identity = ManifestIdentity(content_directory);
    if (!identity) return identity.error();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    std::vector<char> buffer(1 << 16);
    for (const auto& name : content::ContentFileNames()) {
        std::ifstream stream(content_directory / name, std::ios::binary);
        if (!stream) continue;  // optional files may be absent; the name below keeps them apart
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(name.data()), name.size() + 1);
        while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0)
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                      static_cast<unsigned long long>(stream.gcount()));
    }
    unsigned char digest[crypto_generichash_BYTES];
    crypto_generichash_final(&state, digest, sizeof digest);
    return *identity + ":" + Hex(digest, sizeof digest);
}

Result<Catalog> OpenContentCatalog(const std::filesystem::path& content_directory,
                                   const std::filesystem::path& cache_directory, CatalogOpenReport* report,
                                   CatalogDate date) {
    CatalogOpenReport local;
    if (!report) report = &local;
    auto catalog_file = CatalogFileFor(content_directory, cache_directory);
    std::string stamp = ContentStamp(content_directory);
    report->catalog_file = catalog_file;

    std::error_code error;
    if (std::filesystem::exists(catalog_file, error)) {
        auto opened = Catalog::Open(catalog_file, date);
        if (opened && opened->content_stamp() == stamp) {
            report->content_key = opened->content_key();
            return opened;
        }
        // Closed here, before the file is replaced. A damaged one is replaced by a rebuild
        // below; while the content is broken it stays, untouched, for the fallback.
        if (!opened)
            report->notes.push_back(opened.error().message + "; rebuilding it from " + content_directory.string());
    }

    // The stamp changed. Even when the key is the same (files copied again with new
    // times), rebuilding is what records the new stamp, and it is quick. The loader goes
    // first: its sentences name what is wrong (a directory out of reach, a field).
    auto bundle = content::LoadContentDirectory(content_directory);
    if (!bundle) return bundle.error();
    auto key = ContentKey(content_directory);
    if (!key) return key.error();
    CatalogBuildInput input{&*bundle, *key, stamp};
    report->content_key = *key;
    report->rebuilt = true;
    auto built = BuildCatalog(input, catalog_file);
    if (built) {
        auto opened = Catalog::Open(catalog_file, date);
        if (opened) return opened;
        built = opened.error();  // written but unreadable (the disk filled at the end): as below
    }
    // Valid content is shown even when the data directory cannot take its catalog.
    report->notes.push_back(built.error().message + "; the catalog is kept in memory for this run");
    auto in_memory = BuildCatalogInMemory(input);
    if (!in_memory) return in_memory.error();
    report->in_memory = true;
    return Catalog::FromDatabase(std::move(*in_memory), "in memory for " + content_directory.string(), date);
}

}  // namespace kiosk::catalog
