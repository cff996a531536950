#include "kiosk/core/bundle/bundle_archive.hpp"

#include <sys/stat.h>
#include <zip.h>

#include "kiosk/core/bundle/bundle_refusal.hpp"

namespace kiosk::bundle {
namespace {

std::string ZipErrorText(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

ArchiveEntryKind KindOf(zip_t* archive, zip_uint64_t index, const std::string& name) {
    zip_uint8_t system = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(archive, index, 0, &system, &attributes) == 0 && system == ZIP_OPSYS_UNIX) {
        mode_t mode = static_cast<mode_t>(attributes >> 16);
        if (S_ISLNK(mode)) return ArchiveEntryKind::Symlink;
        if (S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode)) return ArchiveEntryKind::Special;
        if (S_ISDIR(mode)) return ArchiveEntryKind::Directory;
    }
    // Zips made on Windows carry no Unix mode: a trailing "/" is what marks a directory.
    if (!name.empty() && name.back() == '/') return ArchiveEntryKind::Directory;
    return ArchiveEntryKind::File;
}

Error ReadFailure(const std::filesystem::path& file, const std::string& entry, const std::string& why) {
    return BundleRefusal("reading \"" + entry + "\" from " + file.filename().string() + " failed (" + why +
                             "): the file is damaged, or the USB stick was removed while it was read",
                         "không đọc được \"" + entry + "\" trong " + file.filename().string() +
                             " (tệp bị hỏng, hoặc USB bị rút ra khi đang đọc)");
}

}  // namespace

void BundleArchive::Closer::operator()(zip* archive) const { zip_discard(archive); }

BundleArchive::BundleArchive(BundleArchive&&) noexcept = default;
BundleArchive& BundleArchive::operator=(BundleArchive&&) noexcept = default;
BundleArchive::~BundleArchive() = default;

Result<BundleArchive> BundleArchive::Open(const std::filesystem::path& file) {
    std::error_code error;
    auto status = std::filesystem::status(file, error);
    if (error || !std::filesystem::exists(status))
        return BundleRefusal(file.string() + " does not exist or cannot be read",
                             "không tìm thấy hoặc không đọc được tệp " + file.string());
    if (!std::filesystem::is_regular_file(status))
        return BundleRefusal(file.string() + " is not a regular file", "tệp " + file.string() + " không phải tệp thường");
    int code = 0;
    zip_t* opened = zip_open(file.c_str(), ZIP_RDONLY, &code);
    if (!opened)
        return BundleRefusal(file.filename().string() + " is not a complete zip file (" + ZipErrorText(code) +
                                 "); a bundle cut short, e.g. by a USB stick removed while copying, looks like this",
                             "tệp " + file.filename().string() +
                                 " không phải tệp zip đầy đủ (có thể bị chép dở, hoặc USB bị rút ra khi đang chép)");
    BundleArchive archive;
    archive.archive_.reset(opened);
    archive.file_ = file;
    zip_int64_t count = zip_get_num_entries(opened, 0);
    for (zip_int64_t index = 0; index < count; ++index) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(opened, static_cast<zip_uint64_t>(index), ZIP_FL_ENC_RAW, &stat) != 0 || !stat.name)
            return BundleRefusal(file.filename().string() + " has an entry libzip cannot describe (" +
                                     std::string(zip_strerror(opened)) + ")",
                                 "tệp " + file.filename().string() + " có mục không đọc được");
        ArchiveEntry entry;
        entry.index = static_cast<std::uint64_t>(index);
        entry.name = stat.name;
        entry.kind = KindOf(opened, entry.index, entry.name);
        entry.size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
        entry.compressed_size = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
        entry.compression_method = (stat.valid & ZIP_STAT_COMP_METHOD) ? stat.comp_method : 0;
        entry.encrypted = (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE;
        archive.entries_.push_back(std::move(entry));
    }
    return archive;
}

Result<std::uint64_t> BundleArchive::Read(const ArchiveEntry& entry, std::uint64_t max_bytes,
                                          const std::function<Status(std::string_view)>& sink) const {
    zip_file_t* opened = zip_fopen_index(archive_.get(), entry.index, 0);
    if (!opened) return ReadFailure(file_, entry.name, zip_strerror(archive_.get()));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(opened, zip_fclose);
    std::string buffer(1 << 16, '\0');
    std::uint64_t total = 0;
    while (true) {
        zip_int64_t got = zip_fread(opened, buffer.data(), buffer.size());
        if (got < 0) return ReadFailure(file_, entry.name, zip_error_strerror(zip_file_get_error(opened)));
        if (got == 0) break;
        total += static_cast<std::uint64_t>(got);
        if (total > max_bytes)
            return BundleRefusal("\"" + entry.name + "\" unpacks to more than the " + std::to_string(max_bytes) +
                                     " bytes its header and the index declare (a zip bomb, or a forged entry)",
                                 "\"" + entry.name + "\" giải nén ra nhiều hơn kích thước đã khai (gói bị làm giả)");
        if (auto status = sink(std::string_view(buffer.data(), static_cast<size_t>(got))); !status) return status.error();
    }
    return total;
}

Result<std::string> BundleArchive::ReadWhole(const ArchiveEntry& entry, std::uint64_t max_bytes) const {
    std::string bytes;
    auto read = Read(entry, max_bytes, [&](std::string_view piece) {
        bytes.append(piece);
        return Success();
    });
    if (!read) return read.error();
    return bytes;
}

}  // namespace kiosk::bundle
