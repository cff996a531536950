#pragma once
// SqliteDatabase: one SQLite connection that closes itself, with the few calls the
// catalog, the vote outbox and the reference server need. Not thread-safe: each owner
// guards its own.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "kiosk/core/result.hpp"
#include "kiosk/core/sqlite/sqlite_statement.hpp"

namespace kiosk {

// SQLite's sentence for the last failure on a connection, saying what is true: a full disk
// is "the disk is full", not SQLite's "disk I/O error"; other I/O failures carry the
// system's cause ("disk I/O error: permission denied").
std::string SqliteErrorText(sqlite3* handle);

class SqliteDatabase {
public:
    enum class Mode {
        ReadOnly,  // the catalog: never written once it is in place
        Create,    // read and write, creating the file when it is absent
        // Reading a file no connection has open, without creating its -wal and -shm (which a
        // read-only WAL reader otherwise needs): works on a full or read-only disk.
        ReadOnlyUnshared,
    };
    // Opens a database file; the connection is unusable on error. `kind` names the file in
    // that error: "cannot open catalog <file>: <why>".
    static Result<std::unique_ptr<SqliteDatabase>> Open(const std::filesystem::path& file, Mode mode,
                                                        std::string_view kind = {});
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    Status Execute(const std::string& sql);
    Result<SqliteStatement> Prepare(std::string_view sql);
    // How long a statement waits for another connection's lock before it fails with SQLITE_BUSY.
    void SetBusyTimeout(int milliseconds) { sqlite3_busy_timeout(handle_, milliseconds); }
    // SQLite's sentence for the last failure, for callers that word their own errors, with
    // the system's cause when there is one (SqliteErrorText).
    std::string LastError() const { return SqliteErrorText(handle_); }
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
