#include "kiosk/core/catalog/catalog_store.hpp"

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
    std::ifstream stream(content_directory / content::kManifestFile, std::ios::binary);
    if (!stream) return Error{"manifest.json is missing from " + content_directory.string(), "Thiếu tệp manifest.json."};
    auto document = nlohmann::json::parse(stream, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error{"content refused: manifest.json is not valid JSON.", "Nội dung bị từ chối: tệp manifest.json bị lỗi."};
    std::string id = document.value("content_id", std::string());
    long long version = document.contains("version") && document["version"].is_number_integer() ? document["version"].get<long long>() : -1;
    return id + ":" + std::to_string(version);
}

}  // namespace

std::filesystem::path CatalogFileFor(const std::filesystem::path& content_directory,
                                     const std::filesystem::path& cache_directory) {
    std::error_code error;
    auto absolute = std::filesystem::weakly_canonical(content_directory, error);
    if (error) absolute = std::filesystem::absolute(content_directory);
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
                                   std::string today) {
    auto catalog_file = CatalogFileFor(content_directory, cache_directory);
    std::string stamp = ContentStamp(content_directory);
    if (report) report->catalog_file = catalog_file;

    std::optional<Catalog> existing;
    if (std::filesystem::exists(catalog_file)) {
        if (auto opened = Catalog::Open(catalog_file, today)) {
            auto quick = OpenCatalogDatabase(catalog_file, SqliteDatabase::Mode::ReadOnly);
            std::string built_stamp;
            if (quick)
                if (auto row = PrepareCatalogQuery(**quick, "SELECT value FROM meta WHERE key = 'content_stamp'");
                    row && NextRow(*row))
                    built_stamp = row->Text(0);
            if (built_stamp == stamp) {
                if (report) report->content_key = opened->content_key();
                return std::move(*opened);
            }
            existing = std::move(*opened);
        }
    }

    auto key = ContentKey(content_directory);
    if (!key) return key.error();
    // The stamp changed. Even when the key is the same (files copied again with new
    // times), rebuilding is what records the new stamp, and it is quick.
    auto bundle = content::LoadContentDirectory(content_directory);
    if (!bundle) return bundle.error();
    CatalogBuildInput input{&*bundle, *key, stamp};
    existing.reset();  // close the old file before replacing it
    if (auto status = BuildCatalog(input, catalog_file); !status) return status.error();
    if (report) {
        report->rebuilt = true;
        report->content_key = *key;
    }
    return Catalog::Open(catalog_file, today);
}

}  // namespace kiosk::catalog
