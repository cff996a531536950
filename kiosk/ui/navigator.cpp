#include "kiosk/ui/navigator.hpp"

#include <algorithm>
#include <limits>

namespace kiosk::ui {

bool IsStaffScreen(ScreenId screen) {
    switch (screen) {
        case ScreenId::StaffPin:
        case ScreenId::StaffStatus:
        case ScreenId::StaffScreenTest:
        case ScreenId::StaffUsb:
        case ScreenId::StaffServer:
        case ScreenId::StaffRollback: return true;
        case ScreenId::Home:
        case ScreenId::Fields:
        case ScreenId::FieldProcedures:
        case ScreenId::ProcedureDetail:
        case ScreenId::Search:
        case ScreenId::OnlineServices:
        case ScreenId::Guide:
        case ScreenId::Hotline:
        case ScreenId::Vote:
        case ScreenId::VoteReason:
        case ScreenId::VoteThanks:
        case ScreenId::Results: return false;
    }
    return false;
}

Navigator::Navigator(Route home) : stack_{home}, home_(std::move(home)) {}

void Navigator::Push(Route route) {
    if (route == Current()) return;  // a double tap does not stack the same screen twice
    stack_.push_back(std::move(route));
}

void Navigator::Replace(Route route) { stack_.back() = std::move(route); }

void Navigator::Back() {
    if (CanGoBack()) stack_.pop_back();
}

void Navigator::Home() { stack_.assign(1, home_); }

void Navigator::SetIdleTimes(double countdown_after_s, double countdown_length_s, double attract_after_s) {
    countdown_after_s_ = countdown_after_s;
    countdown_length_s_ = countdown_length_s;
    attract_after_s_ = std::max(attract_after_s, countdown_after_s + countdown_length_s);
}

void Navigator::NoteInput(double now) {
    last_input_ = now;
    session_cleared_ = false;
    idle_state_ = IdleState::Active;
}

IdleState Navigator::Update(double now) {
    double idle = now - last_input_;
    if (IsStaffScreen(Current().screen)) {
        // Staff mode has one rule: two minutes untouched and it is gone. Going home also
        // ends the session, so whatever a citizen left behind is forgotten too.
        if (idle >= staff_idle_s_) {
            Home();
            session_ended_ = true;
            session_cleared_ = true;
        }
        idle_state_ = IdleState::Active;
        if (IsStaffScreen(Current().screen)) return idle_state_;
    }
    if (idle >= countdown_after_s_ + countdown_length_s_ && !session_cleared_) {
        // The countdown ran out: go home and let the UI forget the last citizen.
        Home();
        session_ended_ = true;
        session_cleared_ = true;
    }
    bool at_home = stack_.size() == 1 && Current() == home_;
    if (idle >= attract_after_s_)
        idle_state_ = IdleState::Attract;
    else if (idle >= countdown_after_s_ && !session_cleared_ && !at_home)
        idle_state_ = IdleState::Countdown;  // nothing to count down on the home screen
    else
        idle_state_ = IdleState::Active;
    return idle_state_;
}

double Navigator::CountdownRemaining(double now) const {
    return std::max(0.0, countdown_after_s_ + countdown_length_s_ - (now - last_input_));
}

double Navigator::SecondsUntilNextIdleChange(double now) const {
    double idle = now - last_input_;
    if (IsStaffScreen(Current().screen)) return std::max(0.0, staff_idle_s_ - idle);
    double next = std::numeric_limits<double>::infinity();
    for (double edge : {countdown_after_s_, countdown_after_s_ + countdown_length_s_, attract_after_s_})
        if (edge > idle) next = std::min(next, edge - idle);
    return next;
}

bool Navigator::TakeSessionEnded() {
    bool ended = session_ended_;
    session_ended_ = false;
    return ended;
}

}  // namespace kiosk::ui
