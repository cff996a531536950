#pragma once
// The frame of every staff screen: a top bar in the staff colour with "CHẾ ĐỘ CÁN BỘ", the
// commune and the time; a border round the whole glass in the same colour; a bottom bar
// with "Quay lại" (to the staff screen before) and "Về màn hình người dân". No language or
// text-size buttons: staff screens are Vietnamese, at the citizens' sizes.
#include <string>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

PageArea DrawStaffPageFrame(const std::string& commune_name);

}  // namespace kiosk::ui
