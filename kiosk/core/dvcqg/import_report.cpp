#include "kiosk/core/dvcqg/import_report.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::dvcqg {

std::string ImportReport::DefectReportJson(const std::string& source, bool commune_only) const {
    nlohmann::ordered_json out;
    out["source"] = source;
    out["commune_only"] = commune_only;
    out["records_read"] = records_read;
    out["records_selected"] = records_selected;
    out["procedures_written"] = procedures_written;
    out["defects"] = nlohmann::ordered_json::object();
    for (const char* kind : {kNoteRows, kZeroQuantityRows, kConditionalRows, kTimesWithoutUnit, kContradictedFees, kGluedTitles, kScrapedNumbers,
                             kBullets, kDuplicateRows, kEmptyRows, kNfdText}) {
        auto it = defects.find(kind);
        DefectCount count = it == defects.end() ? DefectCount{} : it->second;
        out["defects"][kind] = {{"found_in_source", count.found},
                                {"fixed", count.fixed},
                                {"procedures_still_having_one", count.procedures_still.size()},
                                {"codes", count.procedures_still}};
    }
    out["problems"] = problems;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace kiosk::dvcqg
