#pragma once
// KioskUi: the whole kiosk interface for one ImGui context. Call PrepareFrame before
// ImGui::NewFrame (it may rebuild the font atlas) and Draw between NewFrame and Render.
// It decides what to show: the current screen in its frame, the idle countdown on top,
// or the posters when nobody has been there for a while.
#include <ctime>
#include <memory>

#include "kiosk/core/config.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screens/attract_screen.hpp"
#include "kiosk/ui/screens/screens.hpp"
#include "kiosk/ui/screens/staff_screens.hpp"

namespace kiosk::ui {

class KioskUi {
public:
    KioskUi(Config config, Fonts& fonts, Services* services);

    // Rebuilds fonts and style when the window or text size changed. Returns true when the
    // font texture must be (re)uploaded by the renderer.
    bool PrepareFrame(ImVec2 display_size);
    void Draw(double now, std::time_t wall_time);

    void NoteInput(double now);
    bool WantsAnotherFrame() const { return context_.animating; }
    // How long the platform may sleep before something on screen changes by itself.
    double SecondsUntilWake(double now) const;

    Context& context() { return context_; }
    Navigator& navigator() { return context_.navigator; }
    Screens& screens() { return screens_; }  // scenes and tests type into search, turn a guide's steps …
    const AttractScreen& attract_screen() const { return attract_; }
    StaffScreens& staff_screens() { return staff_screens_; }

private:
    void DrawScreen(const PageArea& area);
    void DrawIdleCountdown();
    void DrainUplinkEvents();
    void SwitchContentAtHome();
    void ForgetCitizen();  // after idle: the session and every screen's state back to defaults
    void NoteStaffModeEnd(bool by_idle);  // staff mode was open and the kiosk left its screens

    Context context_;
    Screens screens_;
    StaffScreens staff_screens_;
    AttractScreen attract_;
    Route last_route_;
    struct Layout {
        Route route;
        Language language = Language::Vietnamese;
        TextSize text_size = TextSize::Normal;
        bool operator==(const Layout&) const = default;
    };
    Layout settled_layout_;
    int frames_to_settle_ = 0;
    TextSize applied_text_size_ = TextSize::Normal;
    Theme applied_theme_ = Theme::Standard;
    bool applied_staff_palette_ = false;
    ImVec2 applied_display_size_{0, 0};
};

}  // namespace kiosk::ui
