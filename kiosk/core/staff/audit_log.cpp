#include "kiosk/core/staff/audit_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "kiosk/core/atomic_file.hpp"

namespace kiosk::staff {
namespace {

nlohmann::json ToJson(const AuditEntry& entry) {
    return {{"sequence", entry.sequence},   {"time", entry.time},           {"action", entry.action},
            {"result", entry.result},       {"detail", entry.detail},
            {"version_before", entry.version_before}, {"version_after", entry.version_after}};
}

std::optional<AuditEntry> FromJson(const std::string& line) {
    auto document = nlohmann::json::parse(line, nullptr, false);
    if (!document.is_object() || !document.contains("time") || !document["time"].is_number_integer()) return std::nullopt;
    AuditEntry entry;
    entry.time = document["time"].get<std::time_t>();
    entry.sequence = document.value("sequence", 0LL);
    entry.action = document.value("action", "");
    entry.result = document.value("result", "");
    entry.detail = document.value("detail", "");
    entry.version_before = document.value("version_before", 0LL);
    entry.version_after = document.value("version_after", 0LL);
    return entry;
}

}  // namespace

std::filesystem::path AuditLogPath(const std::filesystem::path& data_dir) { return data_dir / "staff-audit.jsonl"; }

std::vector<AuditEntry> AuditLog::ReadAll() const {
    std::vector<AuditEntry> entries;
    std::ifstream stream(file_, std::ios::binary);
    std::string line;
    while (std::getline(stream, line))
        if (auto entry = FromJson(line)) entries.push_back(*entry);
    return entries;
}

Status AuditLog::Append(const AuditEntry& given) {
    AuditEntry entry = given;
    entry.sequence = LastSequence() + 1;
    std::string line = ToJson(entry).dump() + "\n";
    int descriptor = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (descriptor < 0)
        return Error{"cannot open the staff audit log " + file_.string() + ": " + DescribeErrno(errno),
                     "Không ghi được nhật ký thao tác của cán bộ."};
    bool written = ::write(descriptor, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    int saved = errno;
    bool synced = written && ::fsync(descriptor) == 0;
    if (written && !synced) saved = errno;
    ::close(descriptor);
    if (!synced)
        return Error{"cannot write the staff audit log " + file_.string() + ": " + DescribeErrno(saved),
                     "Không ghi được nhật ký thao tác của cán bộ."};
    // Keep the file bounded: at twice the kept number, rewrite it with the newest half.
    std::error_code error;
    auto size = std::filesystem::file_size(file_, error);
    if (!error && size > kKeptEntries * 2 * 200) {
        auto entries = ReadAll();
        if (entries.size() > kKeptEntries * 2) {
            std::string kept;
            for (size_t index = entries.size() - kKeptEntries; index < entries.size(); ++index)
                kept += ToJson(entries[index]).dump() + "\n";
            return WriteFileAtomically(file_, kept, 0600);
        }
    }
    return Success();
}

long long AuditLog::LastSequence() const {
    long long last = 0;
    for (const auto& entry : ReadAll()) last = std::max(last, entry.sequence);
    return last;
}

std::vector<AuditEntry> AuditLog::After(long long sequence, size_t count) const {
    std::vector<AuditEntry> later;
    for (auto& entry : ReadAll())
        if (entry.sequence > sequence && later.size() < count) later.push_back(std::move(entry));
    return later;
}

std::vector<AuditEntry> AuditLog::Recent(size_t count) const {
    auto entries = ReadAll();
    std::vector<AuditEntry> newest(entries.rbegin(), entries.rbegin() + std::min(count, entries.size()));
    return newest;
}

}  // namespace kiosk::staff
