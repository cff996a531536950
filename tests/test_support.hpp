#pragma once
// Helpers every test binary shares: temporary directories that clean up after
// themselves, and where the source tree and the shared workshop data are.
#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::testing {

// A fresh directory under the system temp dir, removed when the object dies.
class TemporaryDirectory {
public:
    TemporaryDirectory();
    ~TemporaryDirectory();
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::filesystem::path SourceDirectory();
std::filesystem::path BinaryDirectory();

// ../shared/data/dvcqg beside the repository, when the workshop is there. Tests that
// need it print a message and skip when it is absent (a user's clone does not have it).
std::optional<std::filesystem::path> SharedDvcqgDirectory();

std::string ReadFile(const std::filesystem::path& file);
void WriteFile(const std::filesystem::path& file, const std::string& contents);

}  // namespace kiosk::testing
