#include "kiosk/core/catalog/catalog.hpp"

#include "kiosk/core/catalog/catalog_builder.hpp"
#include "kiosk/core/catalog/catalog_database.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
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

Result<Catalog> Catalog::Open(const std::filesystem::path& catalog_file, std::string today) {
    if (!std::filesystem::exists(catalog_file))
        return Error{"catalog " + catalog_file.string() + " does not exist", "Chưa có danh mục thủ tục."};
    auto database = OpenCatalogDatabase(catalog_file, SqliteDatabase::Mode::ReadOnly);
    if (!database) return database.error();
    Catalog catalog;
    catalog.database_ = std::move(*database);
    catalog.today_ = today.empty() ? content::TodayIsoDate() : std::move(today);

    auto rows = catalog.Query("SELECT key, value FROM meta");
    if (!rows) return rows.error();
    std::string format;
    auto& manifest = catalog.manifest_;
    while (NextRow(*rows)) {
        std::string key = rows->Text(0), value = rows->Text(1);
        if (key == "catalog_format") format = value;
        else if (key == "content_key") catalog.content_key_ = value;
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
        return Error{"catalog " + catalog_file.string() + " has format \"" + format + "\", expected " +
                         std::to_string(kCatalogFormatVersion) + " (rebuild it from the content)",
                     "Danh mục thủ tục cần được tạo lại."};
    return catalog;
}

Result<SqliteStatement> Catalog::Query(std::string_view sql) const { return PrepareCatalogQuery(*database_, sql); }

std::string Catalog::MetaValue(const char* key) const {
    auto row = Query("SELECT value FROM meta WHERE key = ?");
    if (!row) return {};
    row->Bind(1, key);
    return NextRow(*row) ? row->Text(0) : std::string();
}

std::optional<int> Catalog::ContentAgeDays() const { return content::DaysBetween(manifest_.created, today_); }

std::vector<FieldSummary> Catalog::Fields() const {
    std::vector<FieldSummary> fields;
    auto rows = Query(std::string("SELECT f.id, f.name, f.display_order, COUNT(p.code) FROM fields f "
                                  "JOIN procedures p ON p.field_id = f.id AND ") +
                      kInForce + " GROUP BY f.id ORDER BY f.display_order, f.name");
    if (!rows) return fields;
    rows->Bind(1, today_);
    while (NextRow(*rows))
        fields.push_back({rows->Text(0), rows->Text(1), static_cast<int>(rows->Integer(2)), static_cast<int>(rows->Integer(3))});
    return fields;
}

std::vector<ProcedureSummary> Catalog::ProceduresInField(std::string_view field_id) const {
    std::vector<ProcedureSummary> procedures;
    auto rows = Query(std::string("SELECT ") + kSummaryColumns + " FROM procedures WHERE field_id = ?2 AND " +
                      kInForce + " ORDER BY commune_level DESC, sort_key, code");
    if (!rows) return procedures;
    rows->Bind(1, today_).Bind(2, field_id);
    while (NextRow(*rows)) procedures.push_back(ReadSummary(*rows));
    return procedures;
}

std::optional<ProcedureSummary> Catalog::FindSummary(std::string_view code) const {
    auto row = Query(std::string("SELECT ") + kSummaryColumns + " FROM procedures WHERE code = ?2 AND " + kInForce);
    if (!row) return std::nullopt;
    row->Bind(1, today_).Bind(2, code);
    if (!NextRow(*row)) return std::nullopt;
    return ReadSummary(*row);
}

Result<content::Procedure> Catalog::FindProcedure(std::string_view code) const {
    auto row = Query(std::string("SELECT detail FROM procedures WHERE code = ?2 AND ") + kInForce);
    if (!row) return row.error();
    row->Bind(1, today_).Bind(2, code);
    if (!NextRow(*row))
        return Error{"no procedure with code " + std::string(code) + " is in force in this catalog",
                     "Không tìm thấy thủ tục " + std::string(code) + "."};
    try {
        auto document = nlohmann::json::parse(row->Text(0));
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
    row->Bind(1, today_);
    return NextRow(*row) ? static_cast<int>(row->Integer(0)) : 0;
}

void Catalog::PrepareSearch() const {
    if (search_index_) return;
    std::vector<search::SearchEntry> entries;
    if (auto rows = Query(std::string("SELECT code, name, commune_level FROM procedures WHERE ") + kInForce +
                          " ORDER BY position")) {
        rows->Bind(1, today_);
        while (NextRow(*rows)) entries.push_back({rows->Text(0), rows->Text(1), rows->Integer(2) != 0});
    }
    std::vector<content::Synonym> synonyms;
    if (auto rows = Query("SELECT phrase, meaning FROM synonyms ORDER BY position")) {
        while (NextRow(*rows)) {
            std::string phrase = rows->Text(0);
            if (synonyms.empty() || synonyms.back().phrase != phrase) synonyms.push_back({phrase, {}});
            synonyms.back().means.push_back(rows->Text(1));
        }
    }
    search_index_ = std::make_unique<search::SearchIndex>(search::SearchIndex::Build(std::move(entries), synonyms));
}

std::vector<search::SearchHit> Catalog::Search(std::string_view query, size_t limit) const {
    PrepareSearch();
    return search_index_->Search(query, limit);
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
