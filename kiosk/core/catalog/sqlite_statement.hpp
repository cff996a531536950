#pragma once
// SqliteStatement and SqliteDatabase: the few SQLite calls the catalog needs, with RAII so
// a handle is never leaked on an early return. Errors come back as kiosk::Error values.
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk::catalog {

class SqliteStatement {
public:
    SqliteStatement() = default;
    explicit SqliteStatement(sqlite3_stmt* statement) : statement_(statement, &sqlite3_finalize) {}

    SqliteStatement& Bind(int index, std::string_view text);
    SqliteStatement& Bind(int index, long long number);
    // SQLITE_ROW: a row is ready; SQLITE_DONE: no more. Anything else is an error code.
    int Step();
    void Reset();
    std::string Text(int column) const;
    long long Integer(int column) const;

private:
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement_{nullptr, &sqlite3_finalize};
};

class SqliteDatabase {
public:
    enum class Mode { ReadOnly, Create };
    static Result<SqliteDatabase> Open(const std::filesystem::path& file, Mode mode);

    Result<SqliteStatement> Prepare(std::string_view sql) const;
    Status Execute(const char* sql) const;
    std::string LastError() const;
    sqlite3* handle() const { return database_.get(); }

private:
    std::unique_ptr<sqlite3, int (*)(sqlite3*)> database_{nullptr, &sqlite3_close};
};

}  // namespace kiosk::catalog
