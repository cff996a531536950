#include "kiosk/core/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace kiosk {
namespace {

Error FileError(const std::string& what, const std::filesystem::path& file, int error_number) {
    return Error{what + " " + file.string() + ": " + DescribeErrno(error_number),
                 "Không ghi được tệp " + file.filename().string() +
                     (error_number == ENOSPC ? " vì ổ đĩa đã đầy." : ".")};
}

}  // namespace

std::string DescribeErrno(int error_number) {
    switch (error_number) {
        case ENOSPC: return "the disk is full";
        case EDQUOT: return "the disk quota is used up";
        case EROFS: return "the file system is read-only";
        case EACCES:
        case EPERM: return "permission denied";
        case ENOENT: return "no such file or directory";
        case ENAMETOOLONG: return "the name is too long";
        case EIO: return "the disk reported an input/output error";
        case EFBIG: return "the file may not grow any larger (a file size limit)";
        default: return std::strerror(error_number);
    }
}

Status SyncDirectory(const std::filesystem::path& directory) {
    int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return FileError("cannot open the directory", directory, errno);
    int result = ::fsync(descriptor);
    int saved = errno;
    ::close(descriptor);
    if (result != 0) return FileError("cannot sync the directory", directory, saved);
    return Success();
}

Status WriteFileAtomically(const std::filesystem::path& file, std::string_view contents, mode_t mode) {
    std::filesystem::path directory = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    std::filesystem::path temporary = directory / (file.filename().string() + ".tmp-" + std::to_string(::getpid()));
    int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (descriptor < 0) return FileError("cannot create", temporary, errno);
    const char* data = contents.data();
    size_t left = contents.size();
    while (left > 0) {
        ssize_t written = ::write(descriptor, data, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            int saved = written < 0 ? errno : EIO;
            ::close(descriptor);
            ::unlink(temporary.c_str());
            return FileError("cannot write", temporary, saved);
        }
        data += written;
        left -= static_cast<size_t>(written);
    }
    if (::fsync(descriptor) != 0) {
        int saved = errno;
        ::close(descriptor);
        ::unlink(temporary.c_str());
        return FileError("cannot sync", temporary, saved);
    }
    ::close(descriptor);
    if (::rename(temporary.c_str(), file.c_str()) != 0) {
        int saved = errno;
        ::unlink(temporary.c_str());
        return FileError("cannot replace", file, saved);
    }
    return SyncDirectory(directory);
}

}  // namespace kiosk
