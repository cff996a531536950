#pragma once
// The commune's corrections to the portal (overrides.json, docs/content-format.md): what
// one procedure's override says, and what the loader keeps on the procedure once it has
// applied it. Overrides are applied when a content directory loads, so the catalog, the
// search, the screens and every command see the same, corrected procedure.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/document.hpp"
#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::content {

inline constexpr const char* kOverridesFile = "overrides.json";

// One entry of overrides.json: each part present replaces the imported one.
struct ProcedureOverride {
    std::string code;
    std::string short_name;                   // for shortcuts ("Khai sinh"), empty: the full name
    std::optional<ProcessingTime> time;       // at the desk: the in-person channel's time
    std::optional<Fee> fee;                   // at the desk: the in-person channel's fee
    std::optional<std::string> where;         // where to file (replaces reception_address)
    std::optional<std::string> opening_hours;  // when this procedure is received
    std::optional<std::vector<Document>> papers;  // the commune's own checklist
    std::string summary;      // 2–4 plain sentences, empty: none
    std::string verified_on;  // YYYY-MM-DD, empty: not stamped
    std::string verified_by;  // who checked it ("Công chức tư pháp – hộ tịch"), may be empty
};

struct CommuneOverrides {
    std::vector<ProcedureOverride> procedures;  // in file order
    std::vector<std::string> pinned;            // codes the desk handles most, most asked first
};

// What stays on a Procedure after its override is applied (the replaced values themselves
// are in the procedure's usual fields): what only the commune says, and which parts it
// replaced, so a page can tell the commune's words from the portal's.
struct CommuneNotes {
    std::string short_name;
    std::string summary;
    std::string opening_hours;
    std::string verified_on;
    std::string verified_by;
    std::vector<std::string> replaced;  // "time", "fee", "where", "opening_hours", "papers", "summary", "short_name"
    int pin_rank = 0;                   // 1 = first in overrides.json "pinned"; 0 = not pinned

    bool empty() const {
        return short_name.empty() && summary.empty() && opening_hours.empty() && verified_on.empty() && verified_by.empty() &&
               replaced.empty() && pin_rank == 0;
    }
    bool Replaced(const std::string& part) const;
};

}  // namespace kiosk::content
