#include "kiosk/core/catalog/sqlite_statement.hpp"

namespace kiosk::catalog {

SqliteStatement& SqliteStatement::Bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, long long number) {
    sqlite3_bind_int64(statement_.get(), index, number);
    return *this;
}

int SqliteStatement::Step() { return sqlite3_step(statement_.get()); }

void SqliteStatement::Reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

std::string SqliteStatement::Text(int column) const {
    auto text = sqlite3_column_text(statement_.get(), column);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(statement_.get(), column)));
}

long long SqliteStatement::Integer(int column) const { return sqlite3_column_int64(statement_.get(), column); }

Result<SqliteDatabase> SqliteDatabase::Open(const std::filesystem::path& file, Mode mode) {
    sqlite3* raw = nullptr;
    int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int code = sqlite3_open_v2(file.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    SqliteDatabase database;
    database.database_.reset(raw);
    if (code != SQLITE_OK)
        return Error{"cannot open catalog " + file.string() + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(code)),
                     "Không mở được danh mục thủ tục."};
    return database;
}

Result<SqliteStatement> SqliteDatabase::Prepare(std::string_view sql) const {
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(database_.get(), sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(statement);
        return Error{"catalog query failed: " + LastError(), "Danh mục thủ tục bị lỗi."};
    }
    return SqliteStatement(statement);
}

Status SqliteDatabase::Execute(const char* sql) const {
    char* message = nullptr;
    int code = sqlite3_exec(database_.get(), sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        return Error{"catalog statement failed: " + text, "Danh mục thủ tục bị lỗi."};
    }
    return Success();
}

std::string SqliteDatabase::LastError() const { return database_ ? sqlite3_errmsg(database_.get()) : "no database"; }

}  // namespace kiosk::catalog
