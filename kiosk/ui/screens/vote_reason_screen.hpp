#pragma once
// After a negative vote: why? A few reasons from the content plus "Khác", one tap each,
// and a way to skip. The vote is already stored; the reason is attached to it before it
// is sent (if the citizen walks away, the vote goes without one).
#include <string>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct VoteReasonScreen {
    void Draw(const PageArea& area, const std::string& vote_uuid);
};

// The code a reason travels under: "Chờ lâu" → "cho-lau" (letters, digits, '-'; ≤ 64).
std::string ReasonCode(std::string_view reason);

}  // namespace kiosk::ui
