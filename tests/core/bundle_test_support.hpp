#pragma once
// What the bundle tests share: a small real content directory, the real packer with a
// fresh key, a zip rewriter (libzip) to make hostile bundles from real ones, and a
// fingerprint of a directory tree to prove the installed content stayed byte-identical.
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/bundle/bundle_index.hpp"
#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/bundle_trust.hpp"
#include "kiosk/core/bundle/base64_text.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/bundle/signing_key.hpp"
#include "tests/test_support.hpp"

namespace kiosk::testing {

namespace fs = std::filesystem;

inline std::string SmallProcedure(const std::string& code, const std::string& name, const std::string& field,
                                  int fee = 8000) {
    return R"({"code": ")" + code + R"(", "name": ")" + name + R"(", "field": ")" + field +
           R"(", "commune_level": true, "online_level": "unknown", "channels": [{"kind": "truc_tiep", "name": "Trực tiếp",)"
           R"( "time": {"value": "3", "unit": "ngay_lam_viec", "text": "3 Ngày làm việc"},)"
           R"( "fee": {"kind": "amount", "amount_dong": )" +
           std::to_string(fee) + R"(, "text": ")" + std::to_string(fee) + R"( đồng"}}]})";
}

// A small valid content directory: 3 procedures in 2 fields, a guide whose step shows a
// picture in a subdirectory (media/buoc-1.png), and a poster.
inline void WriteSmallContent(const fs::path& directory, long long version, const std::string& content_id = "xa-thu") {
    WriteFile(directory / "manifest.json",
              R"({"schema_version": 1, "content_id": ")" + content_id + R"(", "version": )" + std::to_string(version) +
                  R"(, "created": "2026-11-20", "commune": {"name": "Xã Thử", "province": "Tỉnh Thử", "hotline": "0200 111 222"},)"
                  R"( "vote_reasons": ["Chờ lâu", "Khác"]})");
    WriteFile(directory / "fields.json",
              R"({"fields": [{"id": "ho-tich", "name": "Hộ tịch", "display_order": 10},)"
              R"( {"id": "chung-thuc", "name": "Chứng thực", "display_order": 20}]})");
    WriteFile(directory / "procedures.jsonl", SmallProcedure("1.001193", "Đăng ký khai sinh", "ho-tich") + "\n" +
                                                  SmallProcedure("1.001022", "Đăng ký kết hôn", "ho-tich") + "\n" +
                                                  SmallProcedure("2.000815", "Chứng thực bản sao", "chung-thuc", 2000) + "\n");
    WriteFile(directory / "guides.json",
              R"({"guides": [{"id": "vneid", "title": "Kích hoạt VNeID", "summary": "Tài khoản định danh",)"
              R"( "steps": [{"title": "Bước 1", "text": "Mở ứng dụng VNeID.", "picture": "media/buoc-1.png", "url": ""}], "qr_url": ""}]})");
    WriteFile(directory / "posters.json", R"({"posters": [{"text": "Nộp hồ sơ trực tuyến", "picture": ""}]})");
    WriteFile(directory / "media" / "buoc-1.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x7f'));
}

inline bundle::PackReport PackOrFail(const fs::path& directory, const fs::path& out,
                                     const std::optional<bundle::SigningKey>& key) {
    bundle::PackRequest request;
    request.content_directory = directory;
    request.out_file = out;
    request.key = key;
    auto report = bundle::PackBundle(request);
    if (!report) throw std::runtime_error("test setup: pack failed: " + report.error().message);
    return *report;
}

inline bundle::SigningKey NewKey(const std::string& name = "so-thu") {
    auto key = bundle::SigningKey::Generate(name);
    if (!key) throw std::runtime_error("test setup: keygen failed");
    return *key;
}

inline bundle::BundleTrust TrustOnly(const bundle::SigningKey& key) {
    bundle::BundleTrust trust;
    trust.trusted_keys.push_back(key.public_key());
    return trust;
}

struct ZipEntry {
    std::string name;
    std::string data;
    mode_t mode = S_IFREG | 0644;  // the Unix mode written into the external attributes
    bool stored = false;           // no compression
};

inline std::vector<ZipEntry> ReadZipEntries(const fs::path& file) {
    int code = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &code);
    if (!archive) throw std::runtime_error("test setup: cannot open " + file.string());
    std::vector<ZipEntry> entries;
    for (zip_int64_t index = 0; index < zip_get_num_entries(archive, 0); ++index) {
        zip_stat_t stat;
        zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat);
        ZipEntry entry;
        entry.name = stat.name;
        entry.data.resize(stat.size);
        zip_file_t* opened = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
        if (stat.size > 0) zip_fread(opened, entry.data.data(), stat.size);
        zip_fclose(opened);
        entries.push_back(std::move(entry));
    }
    zip_discard(archive);
    return entries;
}

inline void WriteZipEntries(const fs::path& file, const std::vector<ZipEntry>& entries) {
    fs::remove(file);
    int code = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
    if (!archive) throw std::runtime_error("test setup: cannot create " + file.string());
    for (const auto& entry : entries) {
        zip_source_t* source = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("test setup: cannot add " + entry.name + ": " + zip_strerror(archive));
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        zip_file_set_external_attributes(archive, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                         static_cast<zip_uint32_t>(entry.mode) << 16);
    }
    if (zip_close(archive) != 0) throw std::runtime_error("test setup: cannot write " + file.string());
}

inline ZipEntry& EntryNamed(std::vector<ZipEntry>& entries, const std::string& name) {
    for (auto& entry : entries)
        if (entry.name == name) return entry;
    throw std::runtime_error("test setup: no entry " + name);
}

inline void RemoveEntry(std::vector<ZipEntry>& entries, const std::string& name) {
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const ZipEntry& e) { return e.name == name; }),
                  entries.end());
}

// Lists the entries' files in the index again (sizes, digests), lets `edit` change the
// index, and signs it with key (nullopt: no signature entry, and no signer named).
inline void Resign(std::vector<ZipEntry>& entries, const std::optional<bundle::SigningKey>& key,
                   const std::function<void(bundle::BundleIndex&)>& edit = {}) {
    auto index = bundle::ParseBundleIndex(EntryNamed(entries, bundle::kBundleIndexEntry).data);
    if (!index) throw std::runtime_error("test setup: " + index.error().message);
    index->files.clear();
    for (const auto& entry : entries) {
        if (entry.name == bundle::kBundleIndexEntry || entry.name == bundle::kBundleSignatureEntry) continue;
        if (S_ISDIR(entry.mode) || (!entry.name.empty() && entry.name.back() == '/')) continue;
        index->files.push_back({entry.name, entry.data.size(), bundle::Sha256Digest::Of(entry.data)});
    }
    std::sort(index->files.begin(), index->files.end(),
              [](const bundle::BundleFile& l, const bundle::BundleFile& r) { return l.path < r.path; });
    index->signer_key = key ? key->public_key().KeyText() : "";
    if (edit) edit(*index);
    std::string text = bundle::SerializeBundleIndex(*index);
    EntryNamed(entries, bundle::kBundleIndexEntry).data = text;
    RemoveEntry(entries, bundle::kBundleSignatureEntry);
    if (key) entries.push_back({bundle::kBundleSignatureEntry, bundle::EncodeBase64(key->Sign(text)) + "\n"});
}

// Replaces every occurrence of `from` by `to` (same length) in a file's bytes.
inline void PatchBytes(const fs::path& file, const std::string& from, const std::string& to) {
    std::string bytes = ReadFile(file);
    for (auto at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at + to.size()))
        bytes.replace(at, from.size(), to);
    WriteFile(file, bytes);
}

// Every name, kind, link target and file digest under directory, sorted: equal fingerprints
// mean byte-identical trees.
inline std::string TreeFingerprint(const fs::path& directory) {
    if (!fs::exists(directory)) return "(absent)";
    std::map<std::string, std::string> items;
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        auto relative = entry.path().lexically_relative(directory).generic_string();
        if (entry.is_symlink()) items[relative] = "link " + fs::read_symlink(entry.path()).string();
        else if (entry.is_directory()) items[relative] = "dir";
        else items[relative] = "file " + bundle::Sha256Digest::Of(ReadFile(entry.path()));
    }
    std::string fingerprint;
    for (const auto& [name, what] : items) fingerprint += name + " " + what + "\n";
    return fingerprint;
}

}  // namespace kiosk::testing
