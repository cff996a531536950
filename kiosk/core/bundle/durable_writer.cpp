#include "kiosk/core/bundle/durable_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace kiosk::bundle {
namespace {

Error WriteError(const std::filesystem::path& file, const char* what, int error) {
    return Error{std::string("cannot ") + what + " " + file.string() + ": " + std::strerror(error),
                 "Không ghi được tệp " + file.filename().string() + " (" + std::strerror(error) + ")."};
}

}  // namespace

Result<DurableWriter> DurableWriter::Create(const std::filesystem::path& file, ExistingFile existing) {
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (existing == ExistingFile::Refuse ? O_EXCL : O_TRUNC);
    int descriptor = ::open(file.c_str(), flags, 0644);
    if (descriptor < 0) return WriteError(file, "create", errno);
    return DurableWriter(descriptor, file);
}

DurableWriter::DurableWriter(DurableWriter&& other) noexcept
    : descriptor_(std::exchange(other.descriptor_, -1)), file_(std::move(other.file_)) {}

DurableWriter::~DurableWriter() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

Status DurableWriter::Write(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t written = ::write(descriptor_, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return WriteError(file_, "write", errno);
        }
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return Success();
}

Status DurableWriter::Finish() {
    if (::fsync(descriptor_) != 0) return WriteError(file_, "fsync", errno);
    int descriptor = std::exchange(descriptor_, -1);
    if (::close(descriptor) != 0) return WriteError(file_, "close", errno);
    return Success();
}

Status WriteFileDurably(const std::filesystem::path& file, std::string_view bytes, ExistingFile existing) {
    auto target = file;
    if (existing == ExistingFile::Replace) target += ".tmp-" + std::to_string(::getpid());
    {
        if (existing == ExistingFile::Replace) ::unlink(target.c_str());  // left by a writer that was killed
        auto writer = DurableWriter::Create(target, ExistingFile::Refuse);
        if (!writer) return writer.error();
        if (auto status = writer->Write(bytes); !status) return status;
        if (auto status = writer->Finish(); !status) return status;
    }
    if (existing == ExistingFile::Replace && ::rename(target.c_str(), file.c_str()) != 0) {
        int error = errno;
        ::unlink(target.c_str());
        return WriteError(file, "rename into place", error);
    }
    return SyncDirectory(file.has_parent_path() ? file.parent_path() : std::filesystem::path("."));
}

Status SyncDirectory(const std::filesystem::path& directory) {
    int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return WriteError(directory, "open the directory", errno);
    int result = ::fsync(descriptor);
    int error = errno;
    ::close(descriptor);
    if (result != 0) return WriteError(directory, "fsync the directory", error);
    return Success();
}

Status SyncFile(const std::filesystem::path& file) {
    int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (descriptor < 0) return WriteError(file, "open", errno);
    int result = ::fsync(descriptor);
    int error = errno;
    ::close(descriptor);
    if (result != 0) return WriteError(file, "fsync", error);
    return Success();
}

}  // namespace kiosk::bundle
