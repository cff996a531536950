#pragma once
// SqliteStatement: one prepared statement that finalises itself. Errors come back as
// values carrying SQLite's message, so callers can say which query failed and why.
#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "kiosk/core/result.hpp"

namespace kiosk {

class SqliteStatement {
public:
    SqliteStatement(sqlite3* database, sqlite3_stmt* statement) : database_(database), statement_(statement) {}
    ~SqliteStatement() { sqlite3_finalize(statement_); }
    SqliteStatement(SqliteStatement&& other) noexcept
        : database_(other.database_), statement_(other.statement_) { other.statement_ = nullptr; }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement& operator=(SqliteStatement&&) = delete;

    // Parameters count from 1, as in SQLite.
    SqliteStatement& Bind(int index, std::int64_t value);
    SqliteStatement& Bind(int index, std::string_view value);
    SqliteStatement& BindNull(int index);
    // Empty text is stored as NULL: the schema uses NULL for "absent".
    SqliteStatement& BindOptional(int index, std::string_view value);

    // true: a row is ready; false: done. Busy or failed steps are errors.
    Result<bool> Step();
    // Steps a statement that returns no rows, then rewinds it for the next run.
    Status Run();
    // Rewinds and clears every parameter.
    void Reset();

    std::int64_t Integer(int column) const { return sqlite3_column_int64(statement_, column); }
    bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
    std::string Text(int column) const;
    // The column's bytes without a copy; valid until the next Step or Reset.
    std::string_view TextView(int column) const;
    int ColumnCount() const { return sqlite3_column_count(statement_); }
    bool IsInteger(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_INTEGER; }
    // The SQLite code of the last failed Step (SQLITE_OK when none failed).
    int last_code() const { return last_code_; }

private:
    sqlite3* database_;
    sqlite3_stmt* statement_;
    int last_code_ = SQLITE_OK;
};

}  // namespace kiosk
