#pragma once
// Reform results: how satisfied people were with the service, counted from the votes this
// kiosk recorded (this month, this year, % satisfied, a bar per answer), then the indices
// the commune publishes (PAR Index, SIPAS, PAPI, DGI …) as bars, and exemplary people and
// units. Charts are drawn with ImDrawList: plain bars with the number written beside them.
#include <optional>
#include <string>

#include "kiosk/core/votes/vote_summary.hpp"
#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct ResultsScreen {
    void Draw(const PageArea& area);

    // The counts are read from the outbox when the screen opens and every few seconds
    // after, not every frame.
    std::optional<VoteSummary> summary;  // nothing: the outbox could not be read
    double read_at = -1e9;
    int drawn_frame = -10;  // ImGui's frame count when last drawn: a gap means the screen was reopened
};

// "92,4" in Vietnamese, "92.4" in English, with at most `decimals` digits after the mark.
std::string FormatDecimal(double value, int decimals, bool vietnamese);

}  // namespace kiosk::ui
