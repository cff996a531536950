#pragma once
// The staff PIN pad: large keys, dots for the digits typed, and a sentence for every
// outcome. The PIN is checked on a worker thread (Argon2id takes a tenth of a second and
// 64 MiB), against the lockout first: while it is locked even the right PIN is refused.
#include <future>
#include <string>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct StaffPinScreen {
    std::string digits;         // typed so far; cleared as soon as it is handed to the check
    std::future<bool> check;    // the running check, when valid()
    std::string message;        // the last outcome, in Vietnamese
    bool message_is_warning = false;
    bool showing_lock = false;

    void Draw(const PageArea& area);
    bool Checking() const { return check.valid(); }

private:
    void Submit();
    void TakeResult();
};

}  // namespace kiosk::ui
