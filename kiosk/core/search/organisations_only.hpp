#pragma once
// Whether a procedure is for organisations only, read from the portal's "đối tượng thực
// hiện" ("Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp" vs "Công dân Việt Nam").
// The portal often lists the same procedure twice, once per audience ("… lần đầu đối với tổ
// chức đang sử dụng đất" and "… đối với hộ gia đình, cá nhân"); a kiosk serves people.
#include <string_view>

namespace kiosk::search {

// True when the subjects text (NFC, as the content loader keeps it) is not empty and names no
// person: no "công dân", "người", "cá nhân", "hộ gia đình", "cán bộ", with or without a
// capital. Empty (unknown) is not organisations only.
bool OrganisationsOnly(std::string_view subjects);

}  // namespace kiosk::search
