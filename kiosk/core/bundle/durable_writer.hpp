#pragma once
// DurableWriter: a file written so that it survives a power cut once Finish() returns —
// created (never through a symlink), written, fsynced. The directory that holds it must be
// synced too (SyncDirectory) before anything depends on the file's name being there.
#include <filesystem>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::bundle {

enum class ExistingFile { Refuse, Replace };

class DurableWriter {
public:
    // Creates file; with ExistingFile::Refuse an existing file (or link) is an error.
    static Result<DurableWriter> Create(const std::filesystem::path& file, ExistingFile existing = ExistingFile::Refuse);

    DurableWriter(DurableWriter&& other) noexcept;
    DurableWriter& operator=(DurableWriter&&) = delete;
    DurableWriter(const DurableWriter&) = delete;
    ~DurableWriter();  // an unfinished file is closed (its bytes are the caller's to remove)

    Status Write(std::string_view bytes);
    // fsync and close; the file's bytes are on the disk when this succeeds.
    Status Finish();

private:
    DurableWriter(int descriptor, std::filesystem::path file) : descriptor_(descriptor), file_(std::move(file)) {}
    int descriptor_ = -1;
    std::filesystem::path file_;
};

// Writes the whole file durably. With Replace, writes beside it and renames over it, so a
// reader sees the old bytes or the new ones, never half.
Status WriteFileDurably(const std::filesystem::path& file, std::string_view bytes, ExistingFile existing);

// fsync of a directory: makes the names created, renamed or removed in it durable.
Status SyncDirectory(const std::filesystem::path& directory);

// fsync of an existing file (e.g. one SQLite wrote with synchronous=OFF).
Status SyncFile(const std::filesystem::path& file);

}  // namespace kiosk::bundle
