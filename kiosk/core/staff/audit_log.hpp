#pragma once
// AuditLog: every staff action and its result, one JSON line each, in the state directory
// (`staff-audit.jsonl`): when, what, the content versions before and after, and how it
// ended. Never a PIN. Each line is fsynced before the action is reported done; the file
// keeps the newest entries only (it never grows without bound on a kiosk left for years).
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::staff {

struct AuditEntry {
    std::time_t time = 0;
    std::string action;          // "staff_mode_opened", "install_usb", "rollback", "pin_refused", …
    std::string result;          // "ok", "refused", "failed", "locked"
    std::string detail;          // a sentence for people (Vietnamese): what happened and why
    long long version_before = 0;  // content version before the action (0: none)
    long long version_after = 0;   // and after it
    long long sequence = 0;  // 1, 2, 3 … in the order written (Append sets it); the heartbeat
                             // sends each entry once, by this number
};

// <data_dir>/staff-audit.jsonl
std::filesystem::path AuditLogPath(const std::filesystem::path& data_dir);

class AuditLog {
public:
    static constexpr size_t kKeptEntries = 500;

    explicit AuditLog(std::filesystem::path file) : file_(std::move(file)) {}

    // Appends and syncs one entry; rewrites the file to the newest kKeptEntries when it
    // holds twice as many.
    Status Append(const AuditEntry& entry);
    // The newest entries, newest first; unreadable lines are skipped.
    std::vector<AuditEntry> Recent(size_t count) const;
    // Entries with a sequence above `sequence`, oldest first, at most `count`.
    std::vector<AuditEntry> After(long long sequence, size_t count) const;
    // The sequence of the newest entry; 0 when there is none.
    long long LastSequence() const;

    const std::filesystem::path& file() const { return file_; }

private:
    std::vector<AuditEntry> ReadAll() const;
    std::filesystem::path file_;
};

}  // namespace kiosk::staff
