#pragma once
// The address behind a procedure's QR code: the procedure's own page on the national portal
// (portal_url), or, for content without it, the portal's search for its code.
#include <string>

#include "kiosk/core/content/manifest.hpp"
#include "kiosk/core/content/procedure.hpp"

namespace kiosk::content {

inline constexpr const char* kPortalSearchUrl = "https://dichvucong.gov.vn/tim-kiem-thu-tuc-hanh-chinh";

// The procedure's portal_url when it has one. Else the search: with the commune's province
// and ward codes kPortalSearchUrl?keyword=<code>&tinh=<province>&xa=<ward>, without them
// ?keyword=<code> alone. The parameter names are our reading of the portal's search form
// and are not confirmed by a published API (see docs/content-format.md); they live only here.
std::string BuildPortalQrUrl(const Commune& commune, const Procedure& procedure);

// Percent-encodes everything except unreserved characters (RFC 3986).
std::string PercentEncode(std::string_view text);

}  // namespace kiosk::content
