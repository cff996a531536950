#include "kiosk/core/bundle/directory_files.hpp"

#include <algorithm>
#include <fstream>

#include "kiosk/core/bundle/bundle_path.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"

namespace kiosk::bundle {
namespace {

namespace fs = std::filesystem;

Error Refused(const fs::path& directory, const std::string& english, const std::string& vietnamese) {
    return Error{"content directory " + directory.string() + " refused: " + english + ".",
                 "Thư mục nội dung bị từ chối: " + vietnamese + "."};
}

}  // namespace

Result<std::vector<BundleFile>> ListDirectoryFiles(const fs::path& directory, const BundleLimits& limits) {
    std::vector<BundleFile> files;
    std::error_code error;
    std::uint64_t total = 0;
    for (fs::recursive_directory_iterator it(directory, fs::directory_options::none, error), end; !error && it != end;
         it.increment(error)) {
        auto status = it->symlink_status(error);
        if (error) break;
        std::string relative = it->path().lexically_relative(directory).generic_string();
        if (fs::is_directory(status)) continue;
        if (fs::is_symlink(status))
            return Refused(directory, relative + " is a symbolic link; a bundle holds files only (copy the file itself)",
                           relative + " là liên kết tượng trưng; hãy chép chính tệp đó vào");
        if (!fs::is_regular_file(status))
            return Refused(directory, relative + " is not a regular file (a device, fifo or socket)",
                           relative + " không phải tệp thường");
        if (auto problem = BundlePathProblem(relative))
            return Refused(directory, "\"" + relative + "\" " + problem->message,
                           "\"" + relative + "\" " + problem->message_vietnamese);
        BundleFile file;
        file.path = relative;
        std::ifstream stream(it->path(), std::ios::binary);
        if (!stream) return Refused(directory, "cannot read " + relative, "không đọc được " + relative);
        Sha256Digest digest;
        std::string buffer(1 << 16, '\0');
        while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0) {
            digest.Update(std::string_view(buffer.data(), static_cast<size_t>(stream.gcount())));
            file.size += static_cast<std::uint64_t>(stream.gcount());
        }
        if (stream.bad()) return Refused(directory, "reading " + relative + " failed", "đọc " + relative + " bị lỗi");
        file.sha256 = digest.Hex();
        if (file.size > limits.max_file_bytes)
            return Refused(directory,
                           relative + " is " + std::to_string(file.size) + " bytes, over the limit of " +
                               std::to_string(limits.max_file_bytes) + " for one file",
                           relative + " quá lớn");
        total += file.size;
        files.push_back(std::move(file));
        if (files.size() > limits.max_files)
            return Refused(directory, "it holds more than " + std::to_string(limits.max_files) + " files", "quá nhiều tệp");
    }
    if (error) return Refused(directory, "cannot list it: " + error.message(), "không đọc được thư mục");
    if (total > limits.max_total_bytes)
        return Refused(directory,
                       "its files add up to " + std::to_string(total) + " bytes, over the limit of " +
                           std::to_string(limits.max_total_bytes),
                       "tổng dung lượng vượt giới hạn");
    std::sort(files.begin(), files.end(), [](const BundleFile& l, const BundleFile& r) { return l.path < r.path; });
    return files;
}

}  // namespace kiosk::bundle
