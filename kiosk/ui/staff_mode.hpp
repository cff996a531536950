#pragma once
// Staff mode: the desk officer's way behind the citizen screens. A finger held still on
// the commune's name in the top bar for staff.hold_s seconds opens the PIN pad (nothing on
// a citizen screen hints at it); the right PIN opens the staff screens. Staff mode ends on
// "Về màn hình người dân", after kStaffIdleSeconds without a touch (the navigator's rule)
// and at every restart (nothing of it is kept). Every step goes to the audit log.
#include <imgui.h>

#include <string>
#include <string_view>

#include "kiosk/ui/navigator.hpp"

namespace kiosk::ui {

inline constexpr double kStaffIdleSeconds = 120;

// A PIN is configured. Without one the gesture does nothing (Services logs it once).
bool StaffModeAvailable();

// Watches the press on the commune's name (the box min..max of the top bar) and opens the
// PIN pad once the finger has rested there, still, for staff.hold_s. Call where the name
// is drawn; it draws nothing and records no tappable item.
void WatchStaffGesture(ImVec2 min, ImVec2 max);

// The right PIN: the PIN pad gives way to the staff status screen.
void OpenStaffMode();
// "Về màn hình người dân": home, as a citizen would find it.
void CloseStaffMode();

// One line in the audit log (time, action, result, a sentence, content versions); a
// failure to write it goes to the kiosk's log. Never pass a PIN.
void RecordStaffAction(std::string_view action, std::string_view result, std::string_view detail,
                       long long version_before = 0, long long version_after = 0);

// The version of the content the kiosk shows now (0 when none), for audit entries.
long long ShownContentVersion();

}  // namespace kiosk::ui
