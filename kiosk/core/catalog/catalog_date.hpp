#pragma once
// CatalogDate: where the catalog learns "today" (YYYY-MM-DD, local time), asked again at
// every query. A kiosk left on past midnight — or for months — must show the procedures in
// force on the day a citizen reads them, not on the day the catalog was opened. Tests give a
// fixed date, or a function they move forward.
#include <functional>
#include <string>
#include <utility>

#include "kiosk/core/content/display_text.hpp"

namespace kiosk::catalog {

class CatalogDate {
public:
    // The system's local date, read at each query.
    CatalogDate() = default;
    // A fixed date; empty text means the system's date.
    CatalogDate(std::string fixed) {
        if (!fixed.empty()) source_ = [fixed = std::move(fixed)] { return fixed; };
    }
    CatalogDate(const char* fixed) : CatalogDate(std::string(fixed ? fixed : "")) {}
    // Any source of dates (a test's clock).
    static CatalogDate From(std::function<std::string()> source) {
        CatalogDate date;
        date.source_ = std::move(source);
        return date;
    }

    std::string Today() const { return source_ ? source_() : content::TodayIsoDate(); }

private:
    std::function<std::string()> source_;
};

}  // namespace kiosk::catalog
