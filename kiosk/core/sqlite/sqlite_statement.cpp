#include "kiosk/core/sqlite/sqlite_statement.hpp"

#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk {

SqliteStatement& SqliteStatement::Bind(int index, std::int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
    sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
    sqlite3_bind_null(statement_, index);
    return *this;
}

SqliteStatement& SqliteStatement::BindOptional(int index, std::string_view value) {
    return value.empty() ? BindNull(index) : Bind(index, value);
}

Result<bool> SqliteStatement::Step() {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    last_code_ = code;
    return Error{"SQLite: " + SqliteErrorText(database_), ""};
}

Status SqliteStatement::Run() {
    auto stepped = Step();
    if (!stepped) return stepped.error();
    sqlite3_reset(statement_);
    return Success();
}

void SqliteStatement::Reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string SqliteStatement::Text(int column) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : std::string();
}

std::string_view SqliteStatement::TextView(int column) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
                : std::string_view();
}

}  // namespace kiosk
