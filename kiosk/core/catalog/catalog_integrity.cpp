#include "kiosk/core/catalog/catalog_integrity.hpp"

#include <sodium.h>

namespace kiosk::catalog {
namespace {

std::string Hex(const unsigned char* bytes, size_t size) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t index = 0; index < size; ++index) {
        out += digits[bytes[index] >> 4];
        out += digits[bytes[index] & 15];
    }
    return out;
}

class Digest {
public:
    Digest() { crypto_generichash_init(&state_, nullptr, 0, crypto_generichash_BYTES); }
    // Each value is length-prefixed, so "ab"+"c" and "a"+"bc" differ.
    void Add(std::string_view bytes) {
        std::uint64_t size = bytes.size();
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(&size), sizeof size);
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }
    std::string Finish() {
        unsigned char digest[crypto_generichash_BYTES];
        crypto_generichash_final(&state_, digest, sizeof digest);
        return Hex(digest, sizeof digest);
    }

private:
    crypto_generichash_state state_;
};

// Adds every column of every row; a step SQLite cannot read is the damage we look for.
Status AddRows(SqliteDatabase& database, Digest& digest, const char* table, const char* sql) {
    auto rows = database.Prepare(sql);
    if (!rows) return Error{std::string("the catalog's ") + table + " table cannot be read: " + database.LastError()};
    int columns = rows->ColumnCount();
    digest.Add(table);
    while (true) {
        auto row = rows->Step();
        if (!row) return Error{std::string("the catalog's ") + table + " table is damaged: " + database.LastError()};
        if (!*row) break;
        for (int column = 0; column < columns; ++column) {
            if (rows->IsInteger(column)) {  // no text conversion: it costs more than the hash
                std::int64_t value = rows->Integer(column);
                digest.Add(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
            } else {
                digest.Add(rows->TextView(column));
            }
        }
    }
    return Success();
}

}  // namespace

Result<std::string> CatalogRowsDigest(SqliteDatabase& database) {
    if (sodium_init() < 0) return Error{"libsodium could not start"};
    Digest digest;
    const std::pair<const char*, const char*> tables[] = {
        {"meta", "SELECT key, value FROM meta WHERE key <> 'rows_digest' ORDER BY key"},
        {"fields", "SELECT id, name, display_order FROM fields ORDER BY id"},
        {"procedures",
         "SELECT position, code, name, sort_key, field_id, commune_level, online_level, has_online_channel,"
         " glance_time, glance_fee, effective_from, effective_until, subjects, pin_rank, short_name, detail_digest"
         " FROM procedures"
         " ORDER BY position"},
        {"synonyms", "SELECT position, phrase, meaning FROM synonyms ORDER BY position"},
    };
    for (const auto& [table, sql] : tables)
        if (auto added = AddRows(database, digest, table, sql); !added) return added.error();
    return digest.Finish();
}

std::string DetailDigest(std::string_view detail) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(detail.data()), detail.size(),
                       nullptr, 0);
    return Hex(digest, sizeof digest);
}

}  // namespace kiosk::catalog
