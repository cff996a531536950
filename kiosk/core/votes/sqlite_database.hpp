#pragma once
// SqliteDatabase: one SQLite connection that closes itself, with the few calls the vote
// outbox and the reference server need. Not thread-safe: each owner guards its own.
#include <filesystem>
#include <memory>
#include <string>

#include <sqlite3.h>

#include "kiosk/core/result.hpp"
#include "kiosk/core/votes/sqlite_statement.hpp"

namespace kiosk {

class SqliteDatabase {
public:
    // Opens (creating when asked) a database file. The connection is unusable on error.
    static Result<std::unique_ptr<SqliteDatabase>> Open(const std::filesystem::path& file, bool create);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    Status Execute(const std::string& sql);
    Result<SqliteStatement> Prepare(std::string_view sql);
    // The primary result code of the last failure (SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_BUSY, ...).
    int LastErrorCode() const { return sqlite3_errcode(handle_) & 0xFF; }
    int Changes() const { return sqlite3_changes(handle_); }
    std::int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(handle_); }
    sqlite3* handle() const { return handle_; }

private:
    explicit SqliteDatabase(sqlite3* handle) : handle_(handle) {}
    sqlite3* handle_;
};

// BEGIN … COMMIT that rolls back unless committed, so an early error return never
// leaves a transaction open.
class SqliteTransaction {
public:
    static Result<SqliteTransaction> BeginImmediate(SqliteDatabase& database);
    ~SqliteTransaction();
    SqliteTransaction(SqliteTransaction&& other) noexcept : database_(other.database_) { other.database_ = nullptr; }
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(SqliteTransaction&&) = delete;
    Status Commit();

private:
    explicit SqliteTransaction(SqliteDatabase& database) : database_(&database) {}
    SqliteDatabase* database_;
};

}  // namespace kiosk
