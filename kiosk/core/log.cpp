#include "kiosk/core/log.hpp"

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>

namespace kiosk::log {
namespace {

std::mutex mutex;
std::deque<LoggedError> recent;  // newest at the front

bool UnderJournal() {
    static const bool journal = std::getenv("JOURNAL_STREAM") != nullptr;
    return journal;
}

const char* Word(Priority priority) {
    switch (priority) {
        case Priority::Error: return "error: ";
        case Priority::Warning: return "warning: ";
        case Priority::Notice:
        case Priority::Info: return "";
    }
    return "";
}

}  // namespace

void Write(Priority priority, std::string_view message, std::string_view message_vietnamese) {
    std::string line;
    if (UnderJournal()) line = "<" + std::to_string(static_cast<int>(priority)) + ">";
    line += "kiosk: ";
    line += Word(priority);
    line += message;
    line += "\n";
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    if (priority == Priority::Error || priority == Priority::Warning) {
        recent.push_front({std::time(nullptr), std::string(message), std::string(message_vietnamese)});
        if (recent.size() > kKeptErrors) recent.pop_back();
    }
}

std::vector<LoggedError> RecentErrors() {
    std::lock_guard lock(mutex);
    return {recent.begin(), recent.end()};
}

void ForgetRecentErrors() {
    std::lock_guard lock(mutex);
    recent.clear();
}

}  // namespace kiosk::log
