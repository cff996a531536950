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
    SqliteStatement& Bind(int index, std::int64_t value) {
        sqlite3_bind_int64(statement_, index, value);
        return *this;
    }
    SqliteStatement& Bind(int index, std::string_view value) {
        sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        return *this;
    }
    SqliteStatement& BindNull(int index) {
        sqlite3_bind_null(statement_, index);
        return *this;
    }
    // Empty text is stored as NULL: the schema uses NULL for "absent".
    SqliteStatement& BindOptional(int index, std::string_view value) {
        return value.empty() ? BindNull(index) : Bind(index, value);
    }

    // true: a row is ready; false: done. Busy or failed steps are errors.
    Result<bool> Step() {
        int code = sqlite3_step(statement_);
        if (code == SQLITE_ROW) return true;
        if (code == SQLITE_DONE) return false;
        last_code_ = code;
        return Error{std::string("SQLite: ") + sqlite3_errmsg(database_), ""};
    }
    Status Run() {
        auto stepped = Step();
        if (!stepped) return stepped.error();
        sqlite3_reset(statement_);
        return Success();
    }
    void Reset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }

    std::int64_t Integer(int column) const { return sqlite3_column_int64(statement_, column); }
    bool IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
    std::string Text(int column) const {
        auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
        return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                    : std::string();
    }
    int last_code() const { return last_code_; }

private:
    sqlite3* database_;
    sqlite3_stmt* statement_;
    int last_code_ = SQLITE_OK;
};

}  // namespace kiosk
