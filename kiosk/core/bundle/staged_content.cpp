#include "kiosk/core/bundle/staged_content.hpp"

#include <sys/statvfs.h>
#include <utf8proc.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/bundle_path.hpp"
#include "kiosk/core/bundle/bundle_refusal.hpp"
#include "kiosk/core/bundle/content_release.hpp"
#include "kiosk/core/bundle/directory_files.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/version.hpp"

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

bool IsTextFile(const fs::path& path) {
    auto extension = path.extension().string();
    for (const char* text : {".json", ".jsonl", ".txt", ".md", ".csv", ".tsv"})
        if (extension == text) return true;
    return false;
}

// nullopt when bytes are valid UTF-8; else the offset of the first bad sequence.
std::optional<size_t> FirstInvalidUtf8(std::string_view bytes) {
    size_t at = 0;
    while (at < bytes.size()) {
        utf8proc_int32_t code_point = 0;
        auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + at),
                                       static_cast<utf8proc_ssize_t>(bytes.size() - at), &code_point);
        if (length <= 0) return at;
        at += static_cast<size_t>(length);
    }
    return std::nullopt;
}

Status CheckUtf8(const fs::path& content_directory, const BundleIndex& index) {
    for (const auto& file : index.files) {
        if (!IsTextFile(file.path)) continue;
        std::ifstream stream(content_directory / file.path, std::ios::binary);
        std::stringstream buffer;
        buffer << stream.rdbuf();
        std::string bytes = buffer.str();
        if (auto bad = FirstInvalidUtf8(bytes)) {
            size_t line = 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(*bad), '\n'));
            return BundleRefusal(file.path + " line " + std::to_string(line) + " (byte " + std::to_string(*bad) +
                                     ") is not UTF-8 text (saved in another encoding?)",
                                 "tệp " + file.path + " dòng " + std::to_string(line) +
                                     " không phải chữ UTF-8 (có thể lưu sai bảng mã)");
        }
    }
    return Success();
}

Status CheckPicture(const BundleIndex& index, const std::string& picture, const char* file, const std::string& field) {
    if (picture.empty()) return Success();
    if (BundlePathProblem(picture) || !index.Find(picture))
        return BundleRefusal(std::string(file) + ", field \"" + field + "\" names the picture \"" + picture +
                                 "\", which is not a file of the bundle (unknown media)",
                             std::string("tệp ") + file + ", mục \"" + field + "\" dùng ảnh \"" + picture +
                                 "\" không có trong gói");
    return Success();
}

Status CheckReferences(const BundleIndex& index, const content::ContentBundle& content) {
    for (size_t guide = 0; guide < content.guides.size(); ++guide)
        for (size_t step = 0; step < content.guides[guide].steps.size(); ++step)
            if (auto status = CheckPicture(index, content.guides[guide].steps[step].picture, content::kGuidesFile,
                                           "guides[" + std::to_string(guide) + "].steps[" + std::to_string(step) + "].picture");
                !status)
                return status;
    for (size_t poster = 0; poster < content.posters.size(); ++poster)
        if (auto status = CheckPicture(index, content.posters[poster].picture, content::kPostersFile,
                                       "posters[" + std::to_string(poster) + "].picture");
            !status)
            return status;
    return Success();
}

Status MakeStagingDirectory(const fs::path& staging_directory) {
    std::error_code error;
    if (!fs::create_directory(staging_directory, error) || error)
        return Error{"cannot create the staging directory " + staging_directory.string() +
                         (error ? ": " + error.message() : std::string(" (it exists)")),
                     "Không tạo được thư mục tạm để cài nội dung."};
    if (!fs::create_directory(staging_directory / kReleaseContentFolder, error) || error)
        return Error{"cannot create " + (staging_directory / kReleaseContentFolder).string(),
                     "Không tạo được thư mục tạm để cài nội dung."};
    return Success();
}

Status CopyChecked(const fs::path& source, const fs::path& target, const BundleFile& file, std::uint64_t& done,
                   std::uint64_t total, const InstallProgressCallback& progress) {
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    auto writer = DurableWriter::Create(target);
    if (!writer) return writer.error();
    std::ifstream stream(source, std::ios::binary);
    Sha256Digest digest;
    std::uint64_t size = 0;
    std::string buffer(1 << 16, '\0');
    while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0) {
        std::string_view piece(buffer.data(), static_cast<size_t>(stream.gcount()));
        digest.Update(piece);
        size += piece.size();
        done += piece.size();
        if (auto status = writer->Write(piece); !status) return status;
        if (progress) progress({InstallStage::Unpacking, done, total});
    }
    if (stream.bad() || size != file.size || digest.Hex() != file.sha256)
        return BundleRefusal(file.path + " changed or could not be read while it was copied",
                             "tệp " + file.path + " bị thay đổi hoặc không đọc được khi đang chép");
    return writer->Finish();
}

}  // namespace

Status CheckFreeSpace(const fs::path& directory, std::uint64_t total_bytes, const BundleLimits& limits) {
    struct statvfs disk {};
    if (::statvfs(directory.c_str(), &disk) != 0)
        return Error{"cannot learn the free space of " + directory.string(), "Không kiểm tra được dung lượng đĩa trống."};
    const std::uint64_t free_bytes = static_cast<std::uint64_t>(disk.f_bavail) * disk.f_frsize;
    // The catalog holds each procedure again as JSON: about as big as the files.
    const std::uint64_t needed = 2 * total_bytes + limits.keep_free_bytes;
    if (free_bytes < needed)
        return BundleRefusal("installing needs " + std::to_string(needed >> 20) + " MB free on the data disk (" +
                                 std::to_string(total_bytes >> 20) + " MB of files, their catalog, and " +
                                 std::to_string(limits.keep_free_bytes >> 20) + " MB kept free), but only " +
                                 std::to_string(free_bytes >> 20) + " MB are free",
                             "ổ đĩa không đủ chỗ trống: cần " + std::to_string(needed >> 20) + " MB, chỉ còn " +
                                 std::to_string(free_bytes >> 20) + " MB");
    return Success();
}

StagedContent::StagedContent(StagedContent&& other) noexcept
    : directory_(std::move(other.directory_)),
      owned_(std::exchange(other.owned_, false)),
      index_(std::move(other.index_)),
      index_sha256_(std::move(other.index_sha256_)),
      signer_(std::move(other.signer_)),
      source_(std::move(other.source_)),
      content_(std::move(other.content_)) {}

StagedContent::~StagedContent() {
    if (!owned_ || directory_.empty()) return;
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
}

fs::path StagedContent::content_directory() const { return directory_ / kReleaseContentFolder; }

fs::path StagedContent::Release() {
    owned_ = false;
    return directory_;
}

Result<StagedContent> StagedContent::FromBundle(const VerifiedBundle& bundle, const fs::path& staging_directory,
                                                const BundleLimits& limits, const InstallProgressCallback& progress) {
    if (auto status = CheckFreeSpace(staging_directory.parent_path(), bundle.index().TotalSize(), limits); !status)
        return status.error();
    if (auto status = MakeStagingDirectory(staging_directory); !status) return status.error();
    StagedContent staged(staging_directory);
    staged.index_ = bundle.index();
    staged.index_sha256_ = bundle.index_sha256();
    staged.signer_ = bundle.signer();
    staged.source_ = bundle.file().filename().string();
    const long long version = bundle.index().version;
    if (auto status = bundle.Unpack(staged.content_directory(),
                                    [&](std::uint64_t done, std::uint64_t total) {
                                        if (progress) progress({InstallStage::Unpacking, done, total, 0, version});
                                    });
        !status)
        return status.error();
    if (auto status = staged.CheckContent(progress); !status) return status.error();
    return staged;
}

Result<StagedContent> StagedContent::FromDirectory(const fs::path& source, const fs::path& staging_directory,
                                                   const BundleLimits& limits, const InstallProgressCallback& progress) {
    if (!fs::is_directory(source))
        return Error{"content directory " + source.string() + " does not exist",
                     "Không tìm thấy thư mục nội dung " + source.string() + "."};
    auto files = ListDirectoryFiles(source, limits);
    if (!files) return files.error();
    BundleIndex index;
    index.files = std::move(*files);
    if (auto status = CheckFreeSpace(staging_directory.parent_path(), index.TotalSize(), limits); !status)
        return status.error();
    if (auto status = MakeStagingDirectory(staging_directory); !status) return status.error();
    StagedContent staged(staging_directory);
    std::uint64_t done = 0;
    const std::uint64_t total = index.TotalSize();
    for (const auto& file : index.files)
        if (auto status = CopyChecked(source / file.path, staged.content_directory() / file.path, file, done, total, progress);
            !status)
            return status.error();
    std::set<fs::path> directories{staged.content_directory()};
    for (const auto& file : index.files)
        for (auto parent = (staged.content_directory() / file.path).parent_path(); parent != staged.content_directory();
             parent = parent.parent_path())
            directories.insert(parent);
    for (auto it = directories.rbegin(); it != directories.rend(); ++it)
        if (auto status = SyncDirectory(*it); !status) return status.error();
    // The index a bundle would have carried (CheckContent fills in the manifest's id and
    // version), so the release records the same facts either way.
    index.minimum_kiosk_version = SoftwareVersion();
    index.created_at = UtcTimestampNow();
    staged.index_ = std::move(index);
    std::error_code error;
    staged.signer_ = "local directory (unsigned): " + fs::absolute(source, error).string();
    staged.source_ = fs::absolute(source, error).string();
    if (auto status = staged.CheckContent(progress); !status) return status.error();
    return staged;
}

Status StagedContent::CheckContent(const InstallProgressCallback& progress) {
    if (progress) progress({InstallStage::CheckingContent, index_.TotalSize(), index_.TotalSize(), 0, index_.version});
    if (auto status = CheckUtf8(content_directory(), index_); !status) return status;
    auto loaded = content::LoadContentDirectory(content_directory());
    if (!loaded) return BundleRefusal(loaded.error());
    const auto& manifest = loaded->manifest;
    if (index_.content_id.empty()) {  // a directory: its manifest is all there is
        index_.content_id = manifest.content_id;
        index_.version = manifest.version;
        index_.schema_version = manifest.schema_version;
        index_sha256_ = Sha256Digest::Of(SerializeBundleIndex(index_));
    }
    if ((manifest.content_id != index_.content_id || manifest.version != index_.version ||
                                       manifest.schema_version != index_.schema_version))
        return BundleRefusal("the signed index says content \"" + index_.content_id + "\" version " +
                                 std::to_string(index_.version) + " (schema " + std::to_string(index_.schema_version) +
                                 ") but manifest.json says \"" + manifest.content_id + "\" version " +
                                 std::to_string(manifest.version) + " (schema " + std::to_string(manifest.schema_version) + ")",
                             "chỉ mục đã ký và tệp manifest.json ghi mã nội dung hoặc phiên bản khác nhau");
    if (auto status = CheckReferences(index_, *loaded); !status) return status;
    content_ = std::move(*loaded);
    return Success();
}

}  // namespace kiosk::bundle
