#include "kiosk/core/catalog/catalog_database.hpp"

namespace kiosk::catalog {

Result<std::unique_ptr<SqliteDatabase>> OpenCatalogDatabase(const std::filesystem::path& file,
                                                            SqliteDatabase::Mode mode) {
    auto database = SqliteDatabase::Open(file, mode, "catalog");
    if (!database) return Error{database.error().message, "Không mở được danh mục thủ tục."};
    return database;
}

Result<SqliteStatement> PrepareCatalogQuery(SqliteDatabase& database, std::string_view sql) {
    auto statement = database.Prepare(sql);
    if (!statement) return Error{"catalog query failed: " + database.LastError(), "Danh mục thủ tục bị lỗi."};
    return statement;
}

Status ExecuteCatalogStatement(SqliteDatabase& database, const std::string& sql) {
    auto done = database.Execute(sql);
    if (!done) return Error{"catalog statement failed: " + database.LastError(), "Danh mục thủ tục bị lỗi."};
    return done;
}

bool NextRow(SqliteStatement& rows) {
    auto row = rows.Step();
    return row && *row;
}

}  // namespace kiosk::catalog
