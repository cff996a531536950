#include "kiosk/core/catalog/catalog.hpp"

#include "kiosk/core/catalog/catalog_builder.hpp"
#include "kiosk/core/catalog/catalog_database.hpp"
#include "kiosk/core/catalog/catalog_integrity.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/search/organisations_only.hpp"
#include "kiosk/core/search/search_index.hpp"

namespace kiosk::catalog {
namespace {

// The same rule as Procedure::InForceOn, in SQL; ?1 is today.
constexpr const char* kInForce = "(effective_from = '' OR effective_from <= ?1) AND (effective_until = '' OR effective_until > ?1)";

constexpr const char* kSummaryColumns =
    "code, name, field_id, online_level, has_online_channel, glance_time, glance_fee, commune_level";

ProcedureSummary ReadSummary(const SqliteStatement& row) {
    ProcedureSummary summary;
    summary.code = row.Text(0);
    summary.name = row.Text(1);
    summary.field_id = row.Text(2);
    summary.online_level = content::OnlineLevelFromCode(row.Text(3)).value_or(content::OnlineLevel::Unknown);
    summary.has_online_channel = row.Integer(4) != 0;
    summary.glance_time = row.Text(5);
    summary.glance_fee = row.Text(6);
    summary.commune_level = row.Integer(7) != 0;
    return summary;
}

template <typename Value, typename Reader>
Value ReadSlot(const std::string& text, const char* label, Reader read) {
    // Slots were validated when the catalog was built; a failure here means a damaged
    // file, and an empty slot is the kindest thing to show.
    try {
        auto document = nlohmann::json::parse(text);
        return read(content::JsonFieldReader(document, label, ""));
    } catch (...) {
        return Value{};
    }
}

}  // namespace

Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() = default;

Result<Catalog> Catalog::Open(const std::filesystem::path& catalog_file, CatalogDate date) {
    std::error_code error;
    if (!std::filesystem::exists(catalog_file, error))
        return Error{"catalog " + catalog_file.string() + (error ? " cannot be reached: " + error.message() : " does not exist"),
                     "Chưa có danh mục thủ tục."};
    auto database = OpenCatalogDatabase(catalog_file, SqliteDatabase::Mode::ReadOnly);
    if (!database) return database.error();
    return FromDatabase(std::move(*database), catalog_file.string(), std::move(date));
}

Result<Catalog> Catalog::FromDatabase(std::unique_ptr<SqliteDatabase> database, std::string label, CatalogDate date) {
    Catalog catalog;
    catalog.database_ = std::move(database);
    catalog.date_ = std::move(date);
    const Error damaged_words{"", "Danh mục thủ tục bị hỏng và cần được tạo lại."};

    auto rows = catalog.Query("SELECT key, value FROM meta");
    if (!rows) return Error{"catalog " + label + " cannot be read: " + rows.error().message, damaged_words.message_vietnamese};
    std::string format, recorded_digest;
    auto& manifest = catalog.manifest_;
    while (true) {
        auto row = rows->Step();
        if (!row) return Error{"catalog " + label + " is damaged: " + row.error().message, damaged_words.message_vietnamese};
        if (!*row) break;
        std::string key = rows->Text(0), value = rows->Text(1);
        if (key == "catalog_format") format = value;
        else if (key == "rows_digest") recorded_digest = value;
        else if (key == "content_key") catalog.content_key_ = value;
        else if (key == "content_stamp") catalog.content_stamp_ = value;
        else if (key == "schema_version") manifest.schema_version = std::atoi(value.c_str());
        else if (key == "content_id") manifest.content_id = value;
        else if (key == "version") manifest.version = std::atoll(value.c_str());
        else if (key == "created") manifest.created = value;
        else if (key == "demo") manifest.demo = value == "1";
        else if (key == "source") manifest.source = value;
        else if (key == "commune.name") manifest.commune.name = value;
        else if (key == "commune.province") manifest.commune.province = value;
        else if (key == "commune.hotline") manifest.commune.hotline = value;
        else if (key == "commune.address") manifest.commune.address = value;
        else if (key == "commune.opening_hours") manifest.commune.opening_hours = value;
        else if (key == "commune.portal_province_code") manifest.commune.portal_province_code = value;
        else if (key == "commune.portal_ward_code") manifest.commune.portal_ward_code = value;
        else if (key == "vote_reasons") {
            size_t start = 0;
            for (size_t end = value.find('\n'); end != std::string::npos; start = end + 1, end = value.find('\n', start))
                manifest.vote_reasons.push_back(value.substr(start, end - start));
        }
    }
    if (format != std::to_string(kCatalogFormatVersion))
        return Error{"catalog " + label + " has format \"" + format + "\", expected " +
                         std::to_string(kCatalogFormatVersion) + " (rebuild it from the content)",
                     "Danh mục thủ tục cần được tạo lại."};
    // The header and the meta table can be intact over damaged pages: read every row the
    // lists and the search will read, and compare with what the build wrote.
    auto digest = CatalogRowsDigest(*catalog.database_);
    if (!digest) return Error{"catalog " + label + ": " + digest.error().message, damaged_words.message_vietnamese};
    if (*digest != recorded_digest)
        return Error{"catalog " + label + " is damaged: its rows do not match the digest recorded when it was built",
                     damaged_words.message_vietnamese};
    return catalog;
}

Result<SqliteStatement> Catalog::Query(std::string_view sql) const { return PrepareCatalogQuery(*database_, sql); }

bool Catalog::Next(SqliteStatement& rows) const {
    auto row = rows.Step();
    if (!row) {
        // A failed step ends the rows as SQLITE_DONE does (a short list rather than a stop),
        // and tells the owner to rebuild.
        if (rows.last_code() == SQLITE_CORRUPT || rows.last_code() == SQLITE_NOTADB || rows.last_code() == SQLITE_IOERR)
            damaged_->store(true);
        return false;
    }
    return *row;
}

std::string Catalog::MetaValue(const char* key) const {
    auto row = Query("SELECT value FROM meta WHERE key = ?");
    if (!row) return {};
    row->Bind(1, key);
    return Next(*row) ? row->Text(0) : std::string();
}

std::optional<int> Catalog::ContentAgeDays() const { return content::DaysBetween(manifest_.created, today()); }

std::vector<FieldSummary> Catalog::Fields() const {
    std::vector<FieldSummary> fields;
    auto rows = Query(std::string("SELECT f.id, f.name, f.display_order, COUNT(p.code) FROM fields f "
                                  "JOIN procedures p ON p.field_id = f.id AND ") +
                      kInForce + " GROUP BY f.id ORDER BY f.display_order, f.name");
    if (!rows) return fields;
    rows->Bind(1, today());
    while (Next(*rows))
        fields.push_back({rows->Text(0), rows->Text(1), static_cast<int>(rows->Integer(2)), static_cast<int>(rows->Integer(3))});
    return fields;
}

std::vector<ProcedureSummary> Catalog::ProceduresInField(std::string_view field_id) const {
    std::vector<ProcedureSummary> procedures;
    auto rows = Query(std::string("SELECT ") + kSummaryColumns + " FROM procedures WHERE field_id = ?2 AND " +
                      kInForce + " ORDER BY commune_level DESC, sort_key, code");
    if (!rows) return procedures;
    rows->Bind(1, today()).Bind(2, field_id);
    while (Next(*rows)) procedures.push_back(ReadSummary(*rows));
    return procedures;
}

Result<SqliteStatement>& Catalog::SummaryStatement() const {
    if (!summary_statement_)
        summary_statement_ = std::make_unique<Result<SqliteStatement>>(
            Query(std::string("SELECT ") + kSummaryColumns + " FROM procedures WHERE code = ?2 AND " + kInForce));
    return *summary_statement_;
}

std::optional<ProcedureSummary> Catalog::FindSummary(std::string_view code) const {
    auto& row = SummaryStatement();
    if (!row) return std::nullopt;
    row->Reset();
    row->Bind(1, today()).Bind(2, code);
    if (!Next(*row)) return std::nullopt;
    return ReadSummary(*row);
}

Result<content::Procedure> Catalog::FindProcedure(std::string_view code) const {
    auto row = Query(std::string("SELECT detail, detail_digest FROM procedures WHERE code = ?2 AND ") + kInForce);
    if (!row) return row.error();
    row->Bind(1, today()).Bind(2, code);
    if (!Next(*row))
        return Error{"no procedure with code " + std::string(code) + " is in force in this catalog",
                     "Không tìm thấy thủ tục " + std::string(code) + "."};
    std::string detail = row->Text(0);
    if (DetailDigest(detail) != row->TextView(1)) {
        damaged_->store(true);
        return Error{"catalog entry " + std::string(code) + " is damaged: its detail does not match its digest",
                     "Danh mục thủ tục bị lỗi."};
    }
    try {
        auto document = nlohmann::json::parse(detail);
        return content::ProcedureFromJson(content::JsonFieldReader(document, "catalog", ""));
    } catch (const content::ContentProblem& problem) {
        return Error{"catalog entry " + std::string(code) + " is damaged: " + problem.field + " " + problem.what,
                     "Danh mục thủ tục bị lỗi."};
    } catch (const std::exception& error) {
        return Error{"catalog entry " + std::string(code) + " is damaged: " + error.what(), "Danh mục thủ tục bị lỗi."};
    }
}

int Catalog::ProcedureCount() const {
    auto row = Query(std::string("SELECT COUNT(*) FROM procedures WHERE ") + kInForce);
    if (!row) return 0;
    row->Bind(1, today());
    return Next(*row) ? static_cast<int>(row->Integer(0)) : 0;
}

std::vector<std::string> Catalog::CodesInForce() const {
    std::vector<std::string> codes;
    auto rows = Query(std::string("SELECT code FROM procedures WHERE ") + kInForce + " ORDER BY position");
    if (!rows) return codes;
    rows->Bind(1, today());
    while (Next(*rows)) codes.push_back(rows->Text(0));
    return codes;
}

namespace {

struct SearchRows {
    std::vector<search::SearchEntry> entries;
    std::vector<content::Synonym> synonyms;
};

}  // namespace

void Catalog::StartPreparingSearch() const {
    std::string today = this->today();
    if (search_index_ && search_index_date_ == today) return;
    if (search_index_building_.valid() && search_index_building_date_ == today) return;
    SearchRows rows;
    // The audience (đối tượng thực hiện) has its own column: reading it out of the stored
    // JSON would read every procedure's whole detail (17 MB for 2,642) at each index build.
    if (auto procedures = Query(std::string("SELECT code, name, commune_level, subjects FROM procedures WHERE ") +
                                kInForce + " ORDER BY position")) {
        procedures->Bind(1, today);
        while (Next(*procedures))
            rows.entries.push_back({procedures->Text(0), procedures->Text(1), procedures->Integer(2) != 0,
                                    search::OrganisationsOnly(procedures->Text(3))});
    }
    if (auto synonyms = Query("SELECT phrase, meaning FROM synonyms ORDER BY position")) {
        while (Next(*synonyms)) {
            std::string phrase = synonyms->Text(0);
            if (rows.synonyms.empty() || rows.synonyms.back().phrase != phrase) rows.synonyms.push_back({phrase, {}});
            rows.synonyms.back().means.push_back(synonyms->Text(1));
        }
    }
    // Folding and indexing the names is the slow part (tens of ms at 2,642 procedures); the
    // worker owns the rows it was given and touches nothing of the catalog's.
    search_index_building_ = std::async(std::launch::async, [rows = std::move(rows)]() mutable {
        return std::make_unique<search::SearchIndex>(search::SearchIndex::Build(std::move(rows.entries), rows.synonyms));
    });
    search_index_building_date_ = today;
}

void Catalog::PrepareSearch() const {
    // The index holds the procedures in force on the day it was built: a new day builds it again.
    std::string today = this->today();
    if (search_index_ && search_index_date_ == today) return;
    StartPreparingSearch();
    search_index_ = search_index_building_.get();
    search_index_date_ = search_index_building_date_;
}

std::vector<search::SearchHit> Catalog::Search(std::string_view query, size_t limit) const {
    PrepareSearch();
    return search_index_->Search(query, limit);
}

std::vector<search::SearchHit> Catalog::SearchIncludingWeak(std::string_view query, size_t limit) const {
    PrepareSearch();
    return search_index_->SearchIncludingWeak(query, limit);
}

std::vector<content::Guide> Catalog::Guides() const {
    return ReadSlot<std::vector<content::Guide>>(MetaValue("guides"), "guides", content::GuidesFromJson);
}

content::Contacts Catalog::Contacts() const {
    return ReadSlot<content::Contacts>(MetaValue("contacts"), "contacts", content::ContactsFromJson);
}

std::vector<content::Poster> Catalog::Posters() const {
    return ReadSlot<std::vector<content::Poster>>(MetaValue("posters"), "posters", content::PostersFromJson);
}

content::PublishedResults Catalog::Results() const {
    return ReadSlot<content::PublishedResults>(MetaValue("results"), "results", content::ResultsFromJson);
}

}  // namespace kiosk::catalog
