#pragma once
// BundleArchive: a zip opened read-only through libzip, its entries described without
// trusting them (name as stored, kind from the Unix mode bits, sizes as declared), and
// read in pieces with a cap, so a lying header can never make us inflate more than we allow.
// The file stays open until the object dies: a stick pulled out later makes reads fail,
// which every caller turns into a refusal.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

struct zip;

namespace kiosk::bundle {

enum class ArchiveEntryKind { File, Directory, Symlink, Special /* device, fifo, socket */ };

struct ArchiveEntry {
    std::uint64_t index = 0;
    std::string name;                // as stored in the zip, not decoded or cleaned
    ArchiveEntryKind kind = ArchiveEntryKind::File;
    std::uint64_t size = 0;          // uncompressed, as the zip declares it
    std::uint64_t compressed_size = 0;
    std::uint16_t compression_method = 0;  // 0 stored, 8 deflate
    bool encrypted = false;
};

class BundleArchive {
public:
    // Errors name the file and say what libzip found ("not a zip archive" for a cut file).
    static Result<BundleArchive> Open(const std::filesystem::path& file);

    BundleArchive(BundleArchive&&) noexcept;
    BundleArchive& operator=(BundleArchive&&) noexcept;
    ~BundleArchive();

    const std::filesystem::path& file() const { return file_; }
    const std::vector<ArchiveEntry>& entries() const { return entries_; }

    // Feeds the entry's bytes to sink in pieces; stops with an error when more than
    // max_bytes come out, when libzip reports damage (CRC, a short read), or when sink fails.
    // Returns the number of bytes read.
    Result<std::uint64_t> Read(const ArchiveEntry& entry, std::uint64_t max_bytes,
                               const std::function<Status(std::string_view)>& sink) const;
    Result<std::string> ReadWhole(const ArchiveEntry& entry, std::uint64_t max_bytes) const;

private:
    BundleArchive() = default;
    struct Closer {
        void operator()(zip* archive) const;
    };
    std::unique_ptr<zip, Closer> archive_;
    std::filesystem::path file_;
    std::vector<ArchiveEntry> entries_;
};

}  // namespace kiosk::bundle
