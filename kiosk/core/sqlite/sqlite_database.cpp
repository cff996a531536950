#include "kiosk/core/sqlite/sqlite_database.hpp"

#include <cerrno>

#include "kiosk/core/atomic_file.hpp"

namespace kiosk {

std::string SqliteErrorText(sqlite3* handle) {
    std::string message = sqlite3_errmsg(handle);
    int code = sqlite3_errcode(handle) & 0xFF;
    int system_error = sqlite3_system_errno(handle);
    bool about_files = code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN || code == SQLITE_READONLY;
    if (!about_files || system_error == 0) return message;
    if (system_error == ENOSPC || system_error == EDQUOT)
        return DescribeErrno(system_error) + " (SQLite: " + message + ")";
    return message + ": " + DescribeErrno(system_error);
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::filesystem::path& file, Mode mode,
                                                             std::string_view kind) {
    sqlite3* handle = nullptr;
    int access = mode == Mode::Create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    std::string name = file.string();
    if (mode == Mode::ReadOnlyUnshared) {
        // file:…?immutable=1 — no locks, no -shm; the name percent-encoded where a URI needs it.
        std::string uri = "file:";
        static const char* digits = "0123456789ABCDEF";
        for (unsigned char character : name) {
            if (character == '%' || character == '?' || character == '#' || character < 0x21 || character >= 0x7F) {
                uri += '%';
                uri += digits[character >> 4];
                uri += digits[character & 15];
            } else {
                uri += static_cast<char>(character);
            }
        }
        name = uri + "?immutable=1";
        access |= SQLITE_OPEN_URI;
    }
    int code = sqlite3_open_v2(name.c_str(), &handle, access | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        std::string message = handle ? SqliteErrorText(handle) : sqlite3_errstr(code);
        sqlite3_close(handle);
        std::string named = kind.empty() ? std::string() : std::string(kind) + " ";
        return Error{"cannot open " + named + file.string() + ": " + message, ""};
    }
    sqlite3_extended_result_codes(handle, 0);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(handle));
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(handle_); }

Status SqliteDatabase::Execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = SqliteErrorText(handle_);  // the same sentence as message, with the cause
        sqlite3_free(message);
        return Error{"SQLite: " + text, ""};
    }
    return Success();
}

Result<SqliteStatement> SqliteDatabase::Prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK)
        return Error{"SQLite: " + SqliteErrorText(handle_), ""};
    return SqliteStatement(handle_, statement);
}

Result<SqliteTransaction> SqliteTransaction::BeginImmediate(SqliteDatabase& database) {
    // IMMEDIATE takes the write lock now, so two writers wait in busy_timeout instead of
    // failing later with SQLITE_BUSY on upgrade.
    if (auto begun = database.Execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    return SqliteTransaction(database);
}

SqliteTransaction::~SqliteTransaction() {
    if (database_) (void)database_->Execute("ROLLBACK");
}

Status SqliteTransaction::Commit() {
    auto committed = database_->Execute("COMMIT");
    if (committed) database_ = nullptr;
    return committed;
}

}  // namespace kiosk
