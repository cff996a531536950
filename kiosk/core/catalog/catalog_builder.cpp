#include "kiosk/core/catalog/catalog_builder.hpp"

#include <unistd.h>

#include "kiosk/core/catalog/catalog_database.hpp"
#include "kiosk/core/catalog/catalog_integrity.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::catalog {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE fields(id TEXT PRIMARY KEY, name TEXT NOT NULL, display_order INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE procedures(
  position INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  field_id TEXT NOT NULL,
  commune_level INTEGER NOT NULL,
  online_level TEXT NOT NULL,
  has_online_channel INTEGER NOT NULL,
  glance_time TEXT NOT NULL,
  glance_fee TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_until TEXT NOT NULL,
  subjects TEXT NOT NULL,
  pin_rank INTEGER NOT NULL,  -- overrides.json "pinned": 1 first, 0 not pinned
  short_name TEXT NOT NULL,   -- overrides.json "short_name", for the home shortcuts
  detail_digest TEXT NOT NULL,  -- before detail: reading it never walks detail's overflow pages
  detail TEXT NOT NULL);
CREATE INDEX procedures_by_field ON procedures(field_id);
CREATE TABLE synonyms(position INTEGER PRIMARY KEY, phrase TEXT NOT NULL, meaning TEXT NOT NULL);
)sql";

Status Fail(const SqliteDatabase& database, const std::string& what) {
    return Error{"cannot build the catalog (" + what + "): " + database.LastError(), "Không tạo được danh mục thủ tục."};
}

// Writes the whole catalog into a fresh database no reader sees yet.
Status WriteCatalog(const CatalogBuildInput& input, SqliteDatabase& database) {
    const content::ContentBundle& bundle = *input.bundle;
    // A throwaway file until the rename: no journal needed, speed matters.
    const char* fast_writes = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;";
    if (auto status = ExecuteCatalogStatement(database, fast_writes); !status) return status;
    if (auto status = ExecuteCatalogStatement(database, kSchema); !status) return status;
    if (auto status = ExecuteCatalogStatement(database, "BEGIN"); !status) return status;

    auto meta = PrepareCatalogQuery(database, "INSERT INTO meta(key, value) VALUES(?, ?)");
    if (!meta) return meta.error();
    const auto& manifest = bundle.manifest;
    const auto& commune = manifest.commune;
    std::string vote_reasons;
    for (const auto& reason : manifest.vote_reasons) vote_reasons += reason + "\n";
    const std::pair<const char*, std::string> meta_rows[] = {
        {"catalog_format", std::to_string(kCatalogFormatVersion)},
        {"content_key", input.content_key},
        {"content_stamp", input.content_stamp},
        {"schema_version", std::to_string(manifest.schema_version)},
        {"content_id", manifest.content_id},
        {"version", std::to_string(manifest.version)},
        {"created", manifest.created},
        {"demo", manifest.demo ? "1" : "0"},
        {"source", manifest.source},
        {"commune.name", commune.name},
        {"commune.province", commune.province},
        {"commune.hotline", commune.hotline},
        {"commune.address", commune.address},
        {"commune.opening_hours", commune.opening_hours},
        {"commune.portal_province_code", commune.portal_province_code},
        {"commune.portal_ward_code", commune.portal_ward_code},
        {"vote_reasons", vote_reasons},
        // The slots are small and read only when their screen opens: kept as JSON.
        {"guides", content::DumpLine(content::GuidesToJson(bundle.guides))},
        {"contacts", content::DumpLine(content::ContactsToJson(bundle.contacts))},
        {"posters", content::DumpLine(content::PostersToJson(bundle.posters))},
        {"results", content::DumpLine(content::ResultsToJson(bundle.results))},
    };
    for (const auto& [key, value] : meta_rows) {
        if (!meta->Bind(1, key).Bind(2, value).Run()) return Fail(database, "meta");
    }

    auto field = PrepareCatalogQuery(database, "INSERT INTO fields(id, name, display_order) VALUES(?, ?, ?)");
    if (!field) return field.error();
    for (const auto& item : bundle.fields) {
        if (!field->Bind(1, item.id).Bind(2, item.name).Bind(3, std::int64_t{item.display_order}).Run())
            return Fail(database, "fields");
    }

    auto procedure = PrepareCatalogQuery(
        database,
        "INSERT INTO procedures(position, code, name, sort_key, field_id, commune_level, online_level, has_online_channel,"
        " glance_time, glance_fee, effective_from, effective_until, detail_digest, detail, subjects, pin_rank,"
        " short_name) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!procedure) return procedure.error();
    std::int64_t position = 0;
    for (const auto& item : bundle.procedures) {
        std::string detail = content::DumpLine(content::ProcedureToJson(item));
        procedure->Bind(1, position++)
            .Bind(2, item.code)
            .Bind(3, item.name)
            .Bind(4, text::Fold(item.name))  // "Đăng ký" sorts with "Dân cư", not after "Z"
            .Bind(5, item.field_id)
            .Bind(6, std::int64_t{item.commune_level})
            .Bind(7, content::OnlineLevelCode(item.online_level))
            .Bind(8, std::int64_t{item.HasOnlineChannel()})
            .Bind(9, content::GlanceTime(item))
            .Bind(10, content::GlanceFee(item))
            .Bind(11, item.effective_from)
            .Bind(12, item.effective_until)
            .Bind(13, DetailDigest(detail))
            .Bind(14, detail)
            .Bind(15, item.subjects)  // the search ranks procedures for people first
            .Bind(16, std::int64_t{item.commune.pin_rank})
            .Bind(17, item.commune.short_name);
        if (!procedure->Run()) return Fail(database, "procedure " + item.code);
    }

    auto synonym = PrepareCatalogQuery(database, "INSERT INTO synonyms(position, phrase, meaning) VALUES(?, ?, ?)");
    if (!synonym) return synonym.error();
    std::int64_t synonym_position = 0;
    for (const auto& item : bundle.synonyms)
        for (const auto& meaning : item.means) {
            if (!synonym->Bind(1, synonym_position++).Bind(2, item.phrase).Bind(3, meaning).Run())
                return Fail(database, "synonyms");
        }
    // Last: the digest of what was written, read back the way Catalog::Open will read it.
    auto digest = CatalogRowsDigest(database);
    if (!digest) return Error{"cannot build the catalog: " + digest.error().message, "Không tạo được danh mục thủ tục."};
    if (!meta->Bind(1, "rows_digest").Bind(2, *digest).Run()) return Fail(database, "meta");
    if (auto status = ExecuteCatalogStatement(database, "COMMIT"); !status) return status;
    return Success();
}

}  // namespace

Status BuildCatalog(const CatalogBuildInput& input, const std::filesystem::path& catalog_file) {
    std::error_code error;
    if (catalog_file.has_parent_path()) {
        std::filesystem::create_directories(catalog_file.parent_path(), error);
        if (error)
            return Error{"cannot create the catalog directory " + catalog_file.parent_path().string() + ": " +
                             error.message(),
                         "Không tạo được danh mục thủ tục."};
    }
    auto temporary = catalog_file;
    temporary += ".building-" + std::to_string(getpid());
    std::filesystem::remove(temporary, error);
    // A build that fails part way leaves nothing behind; the catalog in place is untouched.
    auto written = [&]() -> Status {
        auto opened = OpenCatalogDatabase(temporary, SqliteDatabase::Mode::Create);
        if (!opened) return opened.error();
        return WriteCatalog(input, **opened);
    }();
    if (!written) {
        std::filesystem::remove(temporary, error);
        return written;
    }
    std::filesystem::rename(temporary, catalog_file, error);
    if (error) {
        std::string why = error.message();
        std::filesystem::remove(temporary, error);
        return Error{"cannot move the new catalog into place at " + catalog_file.string() + ": " + why,
                     "Không tạo được danh mục thủ tục."};
    }
    return Success();
}

Result<std::unique_ptr<SqliteDatabase>> BuildCatalogInMemory(const CatalogBuildInput& input) {
    auto opened = OpenCatalogDatabase(":memory:", SqliteDatabase::Mode::Create);
    if (!opened) return opened.error();
    if (auto written = WriteCatalog(input, **opened); !written) return written.error();
    return std::move(*opened);
}

}  // namespace kiosk::catalog
