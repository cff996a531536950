#pragma once
// StaffScreens: the state of the PIN pad and every staff screen, apart from the citizens'
// Screens. It is reset when the PIN pad opens and when staff mode ends, so nothing a
// desk officer saw or typed is still there for the next person.
#include "kiosk/ui/screens/staff_pin_screen.hpp"
#include "kiosk/ui/screens/staff_rollback_screen.hpp"
#include "kiosk/ui/screens/staff_screen_test_screen.hpp"
#include "kiosk/ui/screens/staff_server_screen.hpp"
#include "kiosk/ui/screens/staff_status_screen.hpp"
#include "kiosk/ui/screens/staff_usb_screen.hpp"

namespace kiosk::ui {

struct StaffScreens {
    StaffPinScreen pin;
    StaffStatusScreen status;
    StaffScreenTestScreen screen_test;
    StaffUsbScreen usb;
    StaffServerScreen server;
    StaffRollbackScreen rollback;
};

}  // namespace kiosk::ui
