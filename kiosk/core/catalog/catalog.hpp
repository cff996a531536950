#pragma once
// Catalog: the installed content, opened read-only from its SQLite file. Opening reads the
// manifest and checks the rows the lists read against the digest the build recorded
// (catalog_integrity.hpp); lists come from indexed queries when a screen asks; a full
// procedure is parsed only when its detail screen opens; the search index is built on a
// worker right after opening (StartPreparingSearch), or else on the first search. "Today",
// which decides the procedures in force, is asked again at every query (CatalogDate). Use
// it from one thread at a time: a worker may open it and hand it to the UI thread (the
// index's worker touches only its own copy of the rows).
#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/catalog/catalog_date.hpp"
#include "kiosk/core/catalog/procedure_summary.hpp"
#include "kiosk/core/content/contacts.hpp"
#include "kiosk/core/content/guide.hpp"
#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/poster.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/content/published_results.hpp"
#include "kiosk/core/result.hpp"
#include "kiosk/core/search/search_hit.hpp"
#include "kiosk/core/sqlite/sqlite_database.hpp"

namespace kiosk::search {
class SearchIndex;
}

namespace kiosk::catalog {

class Catalog {
public:
    // `date` decides which procedures are in force (default: the system's date, per query).
    // Refuses a file that is not a catalog of this format, and one whose rows do not match
    // the digest its build recorded (damaged pages, changed bytes).
    static Result<Catalog> Open(const std::filesystem::path& catalog_file, CatalogDate date = {});
    // The same for a catalog already open (one built in memory).
    static Result<Catalog> FromDatabase(std::unique_ptr<SqliteDatabase> database, std::string label,
                                        CatalogDate date = {});

    Catalog(Catalog&&) noexcept;
    Catalog& operator=(Catalog&&) noexcept;
    ~Catalog();

    const content::Manifest& manifest() const { return manifest_; }
    const std::string& content_key() const { return content_key_; }
    const std::string& content_stamp() const { return content_stamp_; }
    // The date the next query uses.
    std::string today() const { return date_.Today(); }
    // Set when a read found damage the check at open could not see (a procedure's detail);
    // the owner rebuilds the catalog from the content.
    bool damaged() const { return damaged_->load(); }
    // Days since the manifest's created date; nullopt if unreadable.
    std::optional<int> ContentAgeDays() const;

    // Fields with at least one procedure in force, in display order, with counts.
    std::vector<FieldSummary> Fields() const;
    // The procedures of one field in force today: commune-level first, then by name
    // (alphabetical on folded text, so Đ sorts with D).
    std::vector<ProcedureSummary> ProceduresInField(std::string_view field_id) const;
    std::optional<ProcedureSummary> FindSummary(std::string_view code) const;
    // The full procedure; an error when the code is unknown or not in force.
    Result<content::Procedure> FindProcedure(std::string_view code) const;
    int ProcedureCount() const;
    // Every procedure in force today, in the content's order (procedures.jsonl).
    std::vector<std::string> CodesInForce() const;

    // Ranked procedures for what a citizen typed, in force today, best first; empty when
    // nothing fits (no hit is weak: search::SearchIndex::kWeakBelow).
    std::vector<search::SearchHit> Search(std::string_view query, size_t limit) const;
    // The same with the weak hits kept (staff reviewing synonyms, measuring the threshold).
    std::vector<search::SearchHit> SearchIncludingWeak(std::string_view query, size_t limit) const;
    // Builds the search index now instead of on first use.
    void PrepareSearch() const;
    // Reads the rows the index needs (a few ms) and builds the index on a worker thread, so
    // that it is ready before a citizen's first key; the first search waits for it if not.
    void StartPreparingSearch() const;

    std::vector<content::Guide> Guides() const;
    content::Contacts Contacts() const;
    std::vector<content::Poster> Posters() const;
    content::PublishedResults Results() const;
    const std::vector<std::string>& VoteReasons() const { return manifest_.vote_reasons; }

private:
    Catalog() = default;
    // Prepares with the catalog's words on failure (catalog_database.hpp).
    Result<SqliteStatement> Query(std::string_view sql) const;
    // NextRow that remembers a failed step as damage.
    bool Next(SqliteStatement& rows) const;
    std::string MetaValue(const char* key) const;

    std::unique_ptr<SqliteDatabase> database_;
    content::Manifest manifest_;
    std::string content_key_;
    std::string content_stamp_;
    CatalogDate date_;
    std::unique_ptr<std::atomic<bool>> damaged_ = std::make_unique<std::atomic<bool>>(false);
    // Statements every search hit runs, prepared once (preparing cost more than the search).
    Result<SqliteStatement>& SummaryStatement() const;

    mutable std::unique_ptr<search::SearchIndex> search_index_;
    mutable std::string search_index_date_;  // the day the index was built for
    mutable std::future<std::unique_ptr<search::SearchIndex>> search_index_building_;
    mutable std::string search_index_building_date_;
    mutable std::unique_ptr<Result<SqliteStatement>> summary_statement_;
};

}  // namespace kiosk::catalog
