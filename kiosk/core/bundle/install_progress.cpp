#include "kiosk/core/bundle/install_progress.hpp"

#include "kiosk/core/content/display_text.hpp"

namespace kiosk::bundle {
namespace {

// 2642 → "2,642" (counts are never negative).
std::string EnglishNumber(long long number) {
    std::string digits = std::to_string(number);
    std::string grouped;
    for (size_t index = 0; index < digits.size(); ++index) {
        if (index > 0 && (digits.size() - index) % 3 == 0) grouped += ',';
        grouped += digits[index];
    }
    return grouped;
}

std::string Megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

}  // namespace

std::string DescribeProgress(const InstallProgress& progress, Language language) {
    const bool vi = language == Language::Vietnamese;
    switch (progress.stage) {
        case InstallStage::CopyingFromStick:
            return vi ? "Đang chép từ USB: " + Megabytes(progress.done_bytes) + " / " + Megabytes(progress.total_bytes) + " MB…"
                      : "Copying from the USB stick: " + Megabytes(progress.done_bytes) + " of " +
                            Megabytes(progress.total_bytes) + " MB…";
        case InstallStage::CheckingSignature:
            return vi ? "Đang kiểm tra chữ ký…" : "Checking the signature…";
        case InstallStage::Unpacking:
            return vi ? "Đang giải nén: " + Megabytes(progress.done_bytes) + " / " + Megabytes(progress.total_bytes) + " MB…"
                      : "Unpacking: " + Megabytes(progress.done_bytes) + " of " + Megabytes(progress.total_bytes) + " MB…";
        case InstallStage::CheckingContent:
            return vi ? "Đang kiểm tra nội dung…" : "Checking the content…";
        case InstallStage::BuildingCatalog:
            return vi ? "Đang cài đặt " + content::FormatGroupedNumber(progress.procedure_count) + " thủ tục…"
                      : "Installing " + EnglishNumber(progress.procedure_count) + " procedures…";
        case InstallStage::Switching:
            return vi ? "Đang chuyển sang phiên bản mới…" : "Switching to the new version…";
        case InstallStage::Installed:
            return vi ? "Đã cài đặt phiên bản " + std::to_string(progress.version) + " (" +
                            content::FormatGroupedNumber(progress.procedure_count) + " thủ tục)."
                      : "Installed version " + std::to_string(progress.version) + " (" +
                            EnglishNumber(progress.procedure_count) + " procedures).";
    }
    return {};
}

}  // namespace kiosk::bundle
