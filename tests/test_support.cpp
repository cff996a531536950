#include "tests/test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>

namespace kiosk::testing {

TemporaryDirectory::TemporaryDirectory() {
    std::random_device device;
    std::mt19937_64 generator(device());
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() / ("kiosk-test-" + std::to_string(generator()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TemporaryDirectory::~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path SourceDirectory() { return KIOSK_SOURCE_DIR; }
std::filesystem::path BinaryDirectory() { return KIOSK_BINARY_DIR; }

std::optional<std::filesystem::path> SharedDvcqgDirectory() {
    auto directory = SourceDirectory().parent_path() / "shared" / "data" / "dvcqg";
    if (const char* override_path = std::getenv("KIOSK_SHARED_DVCQG")) directory = override_path;
    if (std::filesystem::exists(directory / "procedures_all.jsonl")) return directory;
    std::cerr << "note: " << directory.string()
              << " is absent (the workshop's real portal data); skipping the checks that need it\n";
    return std::nullopt;
}

std::string ReadFile(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

void WriteFile(const std::filesystem::path& file, const std::string& contents) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::ofstream stream(file, std::ios::binary | std::ios::trunc);
    stream << contents;
}

}  // namespace kiosk::testing
