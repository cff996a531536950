#pragma once
// The address behind a procedure's QR code: the national portal's procedure search scoped
// to this commune and procedure, or the procedure's own page when the commune's portal
// codes are unknown.
#include <string>

#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/procedure.hpp"

namespace kiosk::content {

inline constexpr const char* kPortalSearchUrl = "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh";

// With province and ward codes: kPortalSearchUrl?keyword=<code>&tinh=<province>&xa=<ward>.
// The parameter names are our reading of the portal's search form and are not confirmed
// by a published API (see docs/content-format.md); they live only here.
// Without codes: the procedure's portal_url; with neither: the search for the code alone.
std::string BuildPortalQrUrl(const Commune& commune, const Procedure& procedure);

// Percent-encodes everything except unreserved characters (RFC 3986).
std::string PercentEncode(std::string_view text);

}  // namespace kiosk::content
