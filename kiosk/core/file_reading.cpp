#include "kiosk/core/file_reading.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "kiosk/core/atomic_file.hpp"

namespace kiosk {

Result<std::string> ReadWholeFile(const std::filesystem::path& file, FileReadFailure* failure) {
    auto fail = [&](int error_number) -> Error {
        FileReadFailure found;
        found.absent = error_number == ENOENT;
        found.cause = found.absent ? "does not exist"
                      : error_number == EISDIR ? "is a directory, not a file"
                                               : "cannot be read: " + DescribeErrno(error_number);
        if (failure) *failure = found;
        return Error{file.string() + " " + found.cause,
                     found.absent ? "Không tìm thấy tệp " + file.filename().string() + "."
                                  : "Không đọc được tệp " + file.filename().string() + "."};
    };
    int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return fail(errno);
    struct stat status {};
    if (::fstat(descriptor, &status) == 0 && S_ISDIR(status.st_mode)) {
        ::close(descriptor);
        return fail(EISDIR);
    }
    std::string contents;
    if (status.st_size > 0) contents.reserve(static_cast<std::size_t>(status.st_size));
    char buffer[64 * 1024];
    while (true) {
        ssize_t count = ::read(descriptor, buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(descriptor);
            return fail(saved);
        }
        if (count == 0) break;
        contents.append(buffer, static_cast<std::size_t>(count));
    }
    ::close(descriptor);
    return contents;
}

}  // namespace kiosk
