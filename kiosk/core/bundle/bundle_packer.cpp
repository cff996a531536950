#include "kiosk/core/bundle/bundle_packer.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <ctime>
#include <memory>

#include "kiosk/core/bundle/base64_text.hpp"
#include "kiosk/core/bundle/directory_files.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/version.hpp"

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

Error PackError(const std::string& english, const std::string& vietnamese) {
    return Error{"cannot pack: " + english, "Không đóng gói được: " + vietnamese + "."};
}

struct ZipWriter {
    zip_t* archive = nullptr;
    ~ZipWriter() {
        if (archive) zip_discard(archive);
    }
};

Status AddEntry(zip_t* archive, const std::string& name, zip_source_t* source, std::time_t time) {
    if (!source) return PackError("libzip: " + std::string(zip_strerror(archive)), "lỗi thư viện zip");
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        return PackError("cannot add " + name + ": " + zip_strerror(archive), "không thêm được " + name);
    }
    auto entry = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 0) != 0 ||
        zip_file_set_external_attributes(archive, entry, 0, ZIP_OPSYS_UNIX, (S_IFREG | 0644u) << 16) != 0 ||
        zip_file_set_mtime(archive, entry, time, 0) != 0)
        return PackError("cannot describe " + name + ": " + zip_strerror(archive), "không ghi được " + name);
    return Success();
}

}  // namespace

std::string UtcTimestampNow() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

Result<PackReport> PackBundle(const PackRequest& request) {
    const fs::path& directory = request.content_directory;
    auto content = content::LoadContentDirectory(directory);
    if (!content)
        return Error{"cannot pack " + directory.string() + ": " + content.error().message,
                     content.error().message_vietnamese};
    auto files = ListDirectoryFiles(directory, request.limits);
    if (!files) return files.error();

    PackReport report;
    BundleIndex& index = report.index;
    index.content_id = content->manifest.content_id;
    index.version = content->manifest.version;
    index.schema_version = content->manifest.schema_version;
    index.minimum_kiosk_version = request.minimum_kiosk_version.empty() ? std::string(SoftwareVersion())
                                                                           : request.minimum_kiosk_version;
    if (!IsDottedVersion(index.minimum_kiosk_version))
        return PackError("the minimum kiosk version \"" + index.minimum_kiosk_version + "\" is not like \"0.2.0\"",
                         "phiên bản kiosk tối thiểu sai");
    index.created_at = request.created_at.empty() ? UtcTimestampNow() : request.created_at;
    index.signer_key = request.key ? request.key->public_key().KeyText() : "";
    index.files = std::move(*files);
    report.procedure_count = static_cast<int>(content->procedures.size());
    if (index.TotalSize() > request.limits.max_total_bytes)
        return PackError("the files add up to " + std::to_string(index.TotalSize()) + " bytes, over a kiosk's limit of " +
                             std::to_string(request.limits.max_total_bytes),
                         "tổng dung lượng vượt giới hạn");

    const std::string index_text = SerializeBundleIndex(index);
    const std::string signature_text = request.key ? EncodeBase64(request.key->Sign(index_text)) + "\n" : "";
    const std::time_t time = std::time(nullptr);

    fs::path temporary = request.out_file;
    temporary += ".packing-" + std::to_string(::getpid());
    std::error_code ignored;
    fs::remove(temporary, ignored);
    {
        int code = 0;
        ZipWriter writer;
        writer.archive = zip_open(temporary.c_str(), ZIP_CREATE | ZIP_EXCL, &code);
        if (!writer.archive) return PackError("cannot create " + temporary.string(), "không tạo được tệp " + temporary.string());
        for (const auto& file : index.files) {
            auto path = directory / file.path;
            if (auto status = AddEntry(writer.archive, file.path, zip_source_file(writer.archive, path.c_str(), 0, -1), time);
                !status)
                return status.error();
        }
        if (auto status = AddEntry(writer.archive, kBundleIndexEntry,
                                   zip_source_buffer(writer.archive, index_text.data(), index_text.size(), 0), time);
            !status)
            return status.error();
        if (request.key)
            if (auto status = AddEntry(writer.archive, kBundleSignatureEntry,
                                       zip_source_buffer(writer.archive, signature_text.data(), signature_text.size(), 0),
                                       time);
                !status)
                return status.error();
        if (zip_close(writer.archive) != 0) {
            std::string why = zip_strerror(writer.archive);
            fs::remove(temporary, ignored);
            return PackError("cannot write " + temporary.string() + ": " + why, "không ghi được tệp zip");
        }
        writer.archive = nullptr;
    }
    // The files could have changed while they were zipped: prove the zip matches its index.
    BundleTrust self;
    if (request.key) self.trusted_keys.push_back(request.key->public_key());
    else self.unsigned_bundles = UnsignedBundles::AllowForDevelopment;
    if (auto verified = VerifiedBundle::Open(temporary, self, request.limits, FileCheck::Now); !verified) {
        fs::remove(temporary, ignored);
        return PackError("the written bundle does not verify (" + verified.error().message +
                             "); were the files changed while packing?",
                         "gói vừa tạo không kiểm tra được");
    }
    if (auto status = SyncFile(temporary); !status) return status.error();
    std::error_code renamed;
    fs::rename(temporary, request.out_file, renamed);
    if (renamed) {
        fs::remove(temporary, ignored);
        return PackError("cannot move the bundle to " + request.out_file.string(), "không ghi được " + request.out_file.string());
    }
    report.zip_bytes = fs::file_size(request.out_file, ignored);
    return report;
}

}  // namespace kiosk::bundle
