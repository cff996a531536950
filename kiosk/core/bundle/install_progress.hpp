#pragma once
// InstallProgress: where an install stands, for the staff screen ("Đang kiểm tra chữ ký…",
// "Đang cài đặt 2.642 thủ tục…") and the command line. ContentStore calls the callback on
// the thread that installs (the uplink's worker for a server pull): hand it to the UI thread.
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/core/config.hpp"

namespace kiosk::bundle {

enum class InstallStage {
    CopyingFromStick,   // the bundle copied off a USB stick onto the kiosk's disk (bytes done / total)
    CheckingSignature,  // the zip's entries, its index and signature
    Unpacking,          // files written to staging and checked against the index (bytes done / total)
    CheckingContent,    // the content loader, UTF-8, pictures named, versions
    BuildingCatalog,    // the SQLite catalog inside the release (procedure_count known)
    Switching,          // the one rename that makes it current
    Installed,
};

struct InstallProgress {
    InstallStage stage = InstallStage::CheckingSignature;
    std::uint64_t done_bytes = 0;   // while copying and unpacking
    std::uint64_t total_bytes = 0;
    int procedure_count = 0;        // from CheckingContent on
    long long version = 0;          // the version being installed, once known
};

using InstallProgressCallback = std::function<void(const InstallProgress&)>;

// One line for people: "Đang cài đặt 2.642 thủ tục…" / "Installing 2,642 procedures…".
std::string DescribeProgress(const InstallProgress& progress, Language language);

}  // namespace kiosk::bundle
