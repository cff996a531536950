#pragma once
// ImportReport: what an import read, wrote, and every kind of problem it met, with counts;
// and, per kind of defect of the portal's text the importer repairs, how many it found in
// the source, how many it fixed, and which procedures still have one (`--report FILE.json`).
#include <map>
#include <set>
#include <string>

namespace kiosk::dvcqg {

// The defects of docs/content-format.md's before/after table, by their report names.
inline constexpr const char* kNoteRows = "note_rows";                    // notes in the papers table
inline constexpr const char* kZeroQuantityRows = "zero_quantity_rows";   // "0 bản chính" rows
inline constexpr const char* kConditionalRows = "conditional_rows";      // "Trường hợp … thì phải có …"
inline constexpr const char* kTimesWithoutUnit = "times_without_unit";   // a figure and no unit cell
inline constexpr const char* kContradictedFees = "fees_contradicted_by_their_text";  // "Miễn phí" + a fee note
inline constexpr const char* kGluedTitles = "glued_legal_titles";        // "…Bộ Tư phápThông tư số"
inline constexpr const char* kScrapedNumbers = "legal_numbers_cut_wrongly";  // "166/2016/NĐ-CPLU", "QĐ-T"
inline constexpr const char* kBullets = "portal_bullets";                // "- ", "+ ", "(i)" opening a row or step
inline constexpr const char* kDuplicateRows = "duplicate_rows";          // a paper or note listed twice
inline constexpr const char* kEmptyRows = "empty_rows";                  // a row with no text
inline constexpr const char* kNfdText = "nfd_text";                      // decomposed Unicode values

struct DefectCount {
    int found = 0;  // in the source
    int fixed = 0;  // repaired by the importer
    std::set<std::string> procedures_still;  // codes still having one after the import
};

struct ImportReport {
    int records_read = 0;      // JSONL lines read
    int raw_files_read = 0;    // raw per-procedure JSON files read
    int records_selected = 0;  // after --commune-only
    int procedures_written = 0;
    int fields_written = 0;
    std::map<std::string, int> problems;  // "time given without a unit (channel rows)" → 357
    std::map<std::string, DefectCount> defects;

    void Count(const std::string& problem, int times = 1) {
        if (times > 0) problems[problem] += times;
    }
    // `found` in procedure `code`, of which `fixed` were repaired; the rest still there.
    void Defect(const char* kind, const std::string& code, int found, int fixed) {
        auto& defect = defects[kind];
        defect.found += found;
        defect.fixed += fixed;
        if (found > fixed) defect.procedures_still.insert(code);
    }
    // A readable multi-line report for the command line.
    std::string Describe() const;
    // The defect report as JSON text (`kiosk content import-dvcqg … --report FILE.json`).
    std::string DefectReportJson(const std::string& source, bool commune_only) const;
};

}  // namespace kiosk::dvcqg
