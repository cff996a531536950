#pragma once
// Navigator: which screen is showing, the back stack, and the idle timer that sends the
// kiosk home when a citizen walks away. Plain data and rules, no drawing.
#include <string>
#include <vector>

namespace kiosk::ui {

// Every screen a route can lead to. The switch in kiosk_ui.cpp draws the current one and has
// no `default:`, so the compiler names a screen that was added without its case. (The
// posters are not a route: the idle timer shows them over whatever screen is current.)
enum class ScreenId {
    Home,
    Fields,            // lĩnh vực tiles
    FieldProcedures,   // the procedures of one field (argument: field id)
    ProcedureDetail,   // one procedure (argument: procedure code)
    Search,            // on-screen keyboard and results
    OnlineServices,    // the list of online-service guides
    Guide,             // one guide, step by step (argument: guide id)
    Hotline,           // hotline and feedback channels
    Vote,              // satisfaction faces
    VoteReason,        // why not satisfied (after a negative vote)
    VoteThanks,        // thank-you, returns by itself
    Results,           // reform results and satisfaction figures
    // Staff mode (kiosk/ui/staff_mode.hpp): the PIN pad, then the staff screens behind it.
    StaffPin,          // the PIN pad the hidden gesture opens
    StaffStatus,       // the staff's home: health, content, votes, errors, audit
    StaffScreenTest,   // touch test, brightness / rotation check, a test vote
    StaffUsb,          // "Cập nhật từ USB": sticks, their bundles, a preview, install
    StaffServer,       // "Cập nhật từ máy chủ": what the server offers, check now, install
    StaffRollback,     // "Quay lại phiên bản trước", with a confirmation
};

// The PIN pad and every screen behind it. They have their own frame and their own idle
// rule (the navigator's, below): the citizens' countdown never shows on them.
bool IsStaffScreen(ScreenId screen);

struct Route {
    ScreenId screen = ScreenId::Home;
    std::string argument;  // a field id, a procedure code, a guide id …
    bool operator==(const Route&) const = default;
};

// What the idle timer says now.
enum class IdleState {
    Active,     // someone is using the kiosk
    Countdown,  // "are you still there?" with a "Tiếp tục" button
    Attract,    // nobody for a long time: posters
};

class Navigator {
public:
    explicit Navigator(Route home = {ScreenId::Home, {}});

    const Route& Current() const { return stack_.back(); }
    const std::vector<Route>& Stack() const { return stack_; }  // oldest first
    const Route& HomeRoute() const { return home_; }
    bool CanGoBack() const { return stack_.size() > 1; }
    size_t Depth() const { return stack_.size(); }

    void Push(Route route);
    void Replace(Route route);  // swap the current screen (the back stack is unchanged)
    void Back();
    void Home();

    // Idle timing, in seconds of a monotonic clock.
    void SetIdleTimes(double countdown_after_s, double countdown_length_s, double attract_after_s);
    // On a staff screen there is no countdown and no poster: after this long without a touch
    // the kiosk goes home (staff mode ends, and the session with it).
    void SetStaffIdleTime(double staff_idle_s) { staff_idle_s_ = staff_idle_s; }
    void NoteInput(double now);                 // any touch or key
    IdleState Update(double now);               // returns home itself when the countdown runs out
    IdleState State() const { return idle_state_; }
    double CountdownRemaining(double now) const;
    double SecondsUntilNextIdleChange(double now) const;  // for sleeping until something changes
    // Set each time the idle timer sent the kiosk home: the UI forgets the last citizen.
    bool TakeSessionEnded();

private:
    std::vector<Route> stack_;
    Route home_;
    double last_input_ = 0;
    double countdown_after_s_ = 90;
    double countdown_length_s_ = 10;
    double attract_after_s_ = 300;
    double staff_idle_s_ = 120;
    IdleState idle_state_ = IdleState::Active;
    bool session_ended_ = false;
    bool session_cleared_ = true;  // the kiosk starts clean
};

}  // namespace kiosk::ui
