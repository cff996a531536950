#include "kiosk/core/bundle/verified_bundle.hpp"

#include <sys/stat.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/base64_text.hpp"
#include "kiosk/core/bundle/bundle_path.hpp"
#include "kiosk/core/bundle/bundle_refusal.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/version.hpp"

namespace kiosk::bundle {
namespace {

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

// Entry-level checks that need nothing but the zip's own directory.
Status CheckEntries(const BundleArchive& archive, const BundleLimits& limits) {
    const auto& entries = archive.entries();
    if (entries.size() > limits.max_files + 2)
        return BundleRefusal("it has " + std::to_string(entries.size()) + " entries, more than the " +
                                 std::to_string(limits.max_files) + " a bundle may hold",
                             "gói có " + std::to_string(entries.size()) + " mục, quá giới hạn " +
                                 std::to_string(limits.max_files));
    std::set<std::string> names;
    for (const auto& entry : entries) {
        std::string name = entry.name;
        if (entry.kind == ArchiveEntryKind::Directory && !name.empty() && name.back() == '/') name.pop_back();
        if (auto problem = BundlePathProblem(name); problem && name != kBundleIndexEntry && name != kBundleSignatureEntry)
            return BundleRefusal("the entry " + Quoted(entry.name) + " " + problem->message,
                                 "mục " + Quoted(entry.name) + " " + problem->message_vietnamese);
        if (!names.insert(name).second)
            return BundleRefusal("the entry " + Quoted(entry.name) + " appears twice in the zip (duplicate entries)",
                                 "mục " + Quoted(entry.name) + " xuất hiện hai lần trong gói");
        if (entry.kind == ArchiveEntryKind::Symlink)
            return BundleRefusal("the entry " + Quoted(entry.name) + " is a symbolic link, which a bundle may not hold",
                                 "mục " + Quoted(entry.name) + " là liên kết tượng trưng (symlink), không được phép");
        if (entry.kind == ArchiveEntryKind::Special)
            return BundleRefusal("the entry " + Quoted(entry.name) +
                                     " is a device file, fifo or socket, which a bundle may not hold",
                                 "mục " + Quoted(entry.name) + " là tệp thiết bị, không được phép");
        if (entry.kind == ArchiveEntryKind::Directory) {
            if (entry.size != 0)
                return BundleRefusal("the directory entry " + Quoted(entry.name) + " carries data",
                                     "mục thư mục " + Quoted(entry.name) + " lại chứa dữ liệu");
            continue;
        }
        if (entry.encrypted)
            return BundleRefusal("the entry " + Quoted(entry.name) + " is encrypted", "mục " + Quoted(entry.name) + " bị mã hóa");
        if (entry.compression_method != 0 && entry.compression_method != 8)
            return BundleRefusal("the entry " + Quoted(entry.name) + " uses compression method " +
                                     std::to_string(entry.compression_method) + " (only stored and deflate are read)",
                                 "mục " + Quoted(entry.name) + " dùng kiểu nén không hỗ trợ");
        if (entry.size > limits.max_file_bytes)
            return BundleRefusal("the entry " + Quoted(entry.name) + " unpacks to " + std::to_string(entry.size) +
                                     " bytes, over the limit of " + std::to_string(limits.max_file_bytes) + " for one file",
                                 "mục " + Quoted(entry.name) + " quá lớn (" + std::to_string(entry.size) + " byte)");
        if (entry.size >= limits.ratio_checked_from_bytes &&
            entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > limits.max_compression_ratio)
            return BundleRefusal("the entry " + Quoted(entry.name) + " would unpack " + std::to_string(entry.compressed_size) +
                                     " bytes into " + std::to_string(entry.size) + ", a compression ratio over " +
                                     std::to_string(limits.max_compression_ratio) + ":1 that betrays a zip bomb",
                                 "mục " + Quoted(entry.name) + " có tỷ lệ nén bất thường (nghi là \"bom zip\")");
    }
    return Success();
}

const ArchiveEntry* FindEntry(const BundleArchive& archive, std::string_view name) {
    for (const auto& entry : archive.entries())
        if (entry.name == name && entry.kind == ArchiveEntryKind::File) return &entry;
    return nullptr;
}

}  // namespace

Result<VerifiedBundle> VerifiedBundle::Open(const std::filesystem::path& zip_file, const BundleTrust& trust,
                                            const BundleLimits& limits, FileCheck check) {
    auto archive = BundleArchive::Open(zip_file);
    if (!archive) return archive.error();
    if (auto status = CheckEntries(*archive, limits); !status) return status.error();

    const ArchiveEntry* index_entry = FindEntry(*archive, kBundleIndexEntry);
    if (!index_entry)
        return BundleRefusal(zip_file.filename().string() + " has no " + kBundleIndexEntry +
                                 " (it is not a bundle made by `kiosk content pack`)",
                             "tệp " + zip_file.filename().string() + " không có " + kBundleIndexEntry +
                                 " (không phải gói do `kiosk content pack` tạo)");
    if (index_entry->size > limits.max_index_bytes)
        return BundleRefusal(std::string(kBundleIndexEntry) + " is " + std::to_string(index_entry->size) +
                                 " bytes, over the limit of " + std::to_string(limits.max_index_bytes),
                             std::string("tệp ") + kBundleIndexEntry + " quá lớn");
    auto index_bytes = archive->ReadWhole(*index_entry, limits.max_index_bytes);
    if (!index_bytes) return index_bytes.error();

    // The signature first: nothing the index says is believed before it is vouched for.
    auto loose = nlohmann::json::parse(*index_bytes, nullptr, /*allow_exceptions=*/false);
    if (loose.is_discarded() || !loose.is_object())
        return BundleRefusal(std::string(kBundleIndexEntry) + " is not valid JSON",
                             std::string("tệp ") + kBundleIndexEntry + " không đúng định dạng JSON");
    if (auto format = loose.find("bundle_format");
        format != loose.end() && format->is_number_integer() && format->get<long long>() != kBundleFormatVersion)
        return BundleRefusal(std::string(kBundleIndexEntry) + ", field \"bundle_format\" is " +
                                 std::to_string(format->get<long long>()) +
                                 ", a bundle format this kiosk does not know (it reads " +
                                 std::to_string(kBundleFormatVersion) + "; a newer kiosk made it)",
                             "gói được tạo theo định dạng mới hơn kiosk này hiểu (bundle_format " +
                                 std::to_string(format->get<long long>()) + ")");
    std::string signer_key;
    if (auto key = loose.find("signer_key"); key != loose.end() && key->is_string()) signer_key = key->get<std::string>();
    const ArchiveEntry* signature_entry = FindEntry(*archive, kBundleSignatureEntry);

    VerifiedBundle bundle(std::move(*archive));
    if (!signature_entry) {
        if (!signer_key.empty())
            return BundleRefusal(std::string("the signature ") + kBundleSignatureEntry +
                                     " is missing, though the index names a signer",
                                 std::string("thiếu chữ ký ") + kBundleSignatureEntry);
        if (trust.unsigned_bundles != UnsignedBundles::AllowForDevelopment)
            return BundleRefusal(std::string("it is not signed (no ") + kBundleSignatureEntry +
                                     "); only bundles signed by a key in " + trust.keys_named + " are installed",
                                 "gói không có chữ ký; kiosk chỉ cài gói được ký bằng khóa tin cậy");
        bundle.signature_ = SignatureState::UnsignedAllowed;
        bundle.signer_ = "unsigned (content.allow_unsigned)";
    } else {
        if (signer_key.empty())
            return BundleRefusal(std::string(kBundleIndexEntry) + ", field \"signer_key\" is missing or empty, so the "
                                                                "signature cannot be checked",
                                 std::string("tệp ") + kBundleIndexEntry + " không ghi khóa của người ký");
        const PublicKey* key = trust.Find(signer_key);
        if (!key)
            return BundleRefusal("it is signed by " + signer_key.substr(0, 20) +
                                     "…, a key that is not in " + trust.keys_named + " (untrusted signer)",
                                 "gói được ký bằng khóa không có trong danh sách khóa tin cậy (" + trust.keys_named + ")");
        auto signature_text = bundle.archive_.ReadWhole(*signature_entry, 4096);
        if (!signature_text) return signature_text.error();
        std::string_view trimmed = *signature_text;
        while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r' || trimmed.back() == ' '))
            trimmed.remove_suffix(1);
        auto signature = DecodeBase64(trimmed);
        if (!signature || signature->size() != 64)
            return BundleRefusal(std::string(kBundleSignatureEntry) + " is not the base64 of a 64-byte ed25519 signature",
                                 std::string("tệp chữ ký ") + kBundleSignatureEntry + " bị hỏng");
        if (!key->Verifies(*index_bytes, *signature))
            return BundleRefusal("the signature does not match " + std::string(kBundleIndexEntry) +
                                     " (bad signature: the bundle was changed after it was signed, or forged)",
                                 "chữ ký không khớp (gói đã bị sửa sau khi ký, hoặc bị làm giả)");
        bundle.signature_ = SignatureState::Trusted;
        bundle.signer_ = key->DisplayName();
    }

    auto index = ParseBundleIndex(*index_bytes);
    if (!index) return index.error();
    bundle.index_ = std::move(*index);
    bundle.index_sha256_ = Sha256Digest::Of(*index_bytes);
    const BundleIndex& listed = bundle.index_;

    if (listed.files.size() > limits.max_files)
        return BundleRefusal("the index lists " + std::to_string(listed.files.size()) + " files, more than the " +
                                 std::to_string(limits.max_files) + " allowed",
                             "chỉ mục liệt kê quá nhiều tệp");
    if (listed.TotalSize() > limits.max_total_bytes)
        return BundleRefusal("its files unpack to " + std::to_string(listed.TotalSize()) + " bytes, over the limit of " +
                                 std::to_string(limits.max_total_bytes),
                             "tổng dung lượng giải nén (" + std::to_string(listed.TotalSize()) + " byte) vượt giới hạn");
    for (const auto& entry : bundle.archive_.entries()) {
        if (entry.kind != ArchiveEntryKind::File || entry.name == kBundleIndexEntry || entry.name == kBundleSignatureEntry)
            continue;
        const BundleFile* file = listed.Find(entry.name);
        if (!file)
            return BundleRefusal("the zip holds " + Quoted(entry.name) + ", a file the signed index does not list",
                                 "gói chứa tệp " + Quoted(entry.name) + " không có trong chỉ mục đã ký");
        if (file->size != entry.size)
            return BundleRefusal(Quoted(entry.name) + " is " + std::to_string(entry.size) + " bytes in the zip but " +
                                     std::to_string(file->size) + " in the signed index (size mismatch)",
                                 "tệp " + Quoted(entry.name) + " có kích thước khác với chỉ mục đã ký");
    }
    for (const auto& file : listed.files)
        if (!FindEntry(bundle.archive_, file.path))
            return BundleRefusal("the signed index lists " + Quoted(file.path) + ", which is not in the zip",
                                 "chỉ mục có tệp " + Quoted(file.path) + " nhưng gói không chứa tệp đó");

    const std::string ours(SoftwareVersion());
    if (CompareVersions(listed.minimum_kiosk_version, ours) > 0)
        return BundleRefusal("it needs kiosk version " + listed.minimum_kiosk_version + " or newer; this kiosk is " +
                                 ours,
                             "gói cần kiosk phiên bản " + listed.minimum_kiosk_version + " trở lên; kiosk này là " +
                                 ours + ", cần cập nhật phần mềm trước");

    if (check == FileCheck::Now)
        for (const auto& file : listed.files)
            if (auto status = bundle.ReadChecked(file, [](std::string_view) { return Success(); }); !status)
                return status.error();
    return bundle;
}

const ArchiveEntry* VerifiedBundle::EntryFor(const std::string& path) const { return FindEntry(archive_, path); }

Status VerifiedBundle::ReadChecked(const BundleFile& file, const std::function<Status(std::string_view)>& sink) const {
    const ArchiveEntry* entry = EntryFor(file.path);
    if (!entry)
        return BundleRefusal("the signed index lists " + Quoted(file.path) + ", which is not in the zip",
                             "chỉ mục có tệp " + Quoted(file.path) + " nhưng gói không chứa tệp đó");
    Sha256Digest digest;
    auto read = archive_.Read(*entry, file.size, [&](std::string_view piece) {
        digest.Update(piece);
        return sink(piece);
    });
    if (!read) return read.error();
    if (*read != file.size)
        return BundleRefusal(Quoted(file.path) + " unpacks to " + std::to_string(*read) + " bytes, but the signed index says " +
                                 std::to_string(file.size) + " (size mismatch)",
                             "tệp " + Quoted(file.path) + " có kích thước khác với chỉ mục đã ký");
    if (digest.Hex() != file.sha256)
        return BundleRefusal("the SHA-256 of " + Quoted(file.path) +
                                 " does not match the signed index (hash mismatch: the file was changed or damaged)",
                             "mã băm SHA-256 của tệp " + Quoted(file.path) + " không khớp chỉ mục (tệp bị sửa hoặc hỏng)");
    return Success();
}

Status VerifiedBundle::Unpack(const std::filesystem::path& directory, const UnpackProgress& progress) const {
    const std::uint64_t total = index_.TotalSize();
    std::uint64_t done = 0;
    std::set<std::filesystem::path> directories{directory};
    for (const auto& file : index_.files) {
        auto target = directory / file.path;  // safe: BundlePathProblem refused "..", "/" and the rest
        for (auto parent = target.parent_path(); parent != directory; parent = parent.parent_path()) {
            if (directories.contains(parent)) continue;
            std::error_code error;
            std::filesystem::create_directories(parent, error);
            if (error)
                return Error{"cannot create " + parent.string() + ": " + error.message(),
                             "Không tạo được thư mục " + parent.filename().string() + " (" + error.message() + ")."};
            directories.insert(parent);
        }
        auto writer = DurableWriter::Create(target);
        if (!writer) return writer.error();
        if (auto status = ReadChecked(file,
                                      [&](std::string_view piece) {
                                          done += piece.size();
                                          if (progress) progress(done, total);
                                          return writer->Write(piece);
                                      });
            !status)
            return status;
        if (auto status = writer->Finish(); !status) return status;
    }
    // Deepest first, so each directory's entries are durable before its parent names it.
    for (auto it = directories.rbegin(); it != directories.rend(); ++it)
        if (auto status = SyncDirectory(*it); !status) return status;
    if (progress) progress(total, total);
    return Success();
}

}  // namespace kiosk::bundle
