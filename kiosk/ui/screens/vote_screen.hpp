#pragma once
// The vote: large faces for the official scale (Rất hài lòng / Hài lòng / Không hài lòng by
// default; 4 or 5 levels by configuration). One tap records one durable vote: the vote
// counts when the finger lifts on the face it touched, and the thank-you appears only
// after the outbox committed it.
#include <string>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct VoteScreen {
    void Draw(const PageArea& area);

    std::string failure;  // a sentence for the citizen when the vote could not be stored
};

// The face's mood for a rating, -1 (unhappy) … +1 (very happy).
float MoodOf(int rating, int scale);

}  // namespace kiosk::ui
