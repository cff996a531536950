#pragma once
// The kiosk's log: one line per event on standard error, which systemd's journal keeps.
// Under the journal (JOURNAL_STREAM is set) each line starts with its syslog priority
// ("<3>" error, "<4>" warning, "<6>" info), so `journalctl -p err` finds the errors. The last
// errors are also kept in memory, with a sentence for people when there is one, for the
// staff's status screen and the heartbeat. Never log a secret (a token, a PIN) or anything
// about a citizen.
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::log {

enum class Priority { Error = 3, Warning = 4, Notice = 5, Info = 6 };

struct LoggedError {
    std::time_t time = 0;
    std::string message;             // English, as written to the log
    std::string message_vietnamese;  // for staff, may be empty
};

void Write(Priority priority, std::string_view message, std::string_view message_vietnamese = {});
inline void Info(std::string_view message) { Write(Priority::Info, message); }
inline void Warning(std::string_view message, std::string_view vietnamese = {}) { Write(Priority::Warning, message, vietnamese); }
inline void Failure(std::string_view message, std::string_view vietnamese = {}) { Write(Priority::Error, message, vietnamese); }
inline void Failure(const Error& error) { Write(Priority::Error, error.message, error.message_vietnamese); }

// The newest errors and warnings, newest first (at most kKeptErrors; thread-safe).
inline constexpr size_t kKeptErrors = 20;
std::vector<LoggedError> RecentErrors();
void ForgetRecentErrors();  // for tests

}  // namespace kiosk::log
