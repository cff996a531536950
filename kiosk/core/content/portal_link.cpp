#include "kiosk/core/content/portal_link.hpp"

namespace kiosk::content {

std::string PercentEncode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char character : text) {
        bool unreserved = (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
                          (character >= '0' && character <= '9') || character == '-' || character == '.' ||
                          character == '_' || character == '~';
        if (unreserved) {
            out += static_cast<char>(character);
        } else {
            out += '%';
            out += hex[character >> 4];
            out += hex[character & 15];
        }
    }
    return out;
}

std::string BuildPortalQrUrl(const Commune& commune, const Procedure& procedure) {
    // The procedure's own page is the one sure address; a search is only our guess at the
    // portal's form, for content that lacks the page.
    if (!procedure.portal_url.empty()) return procedure.portal_url;
    bool scoped = !commune.portal_province_code.empty() && !commune.portal_ward_code.empty();
    if (scoped)
        return std::string(kPortalSearchUrl) + "?keyword=" + PercentEncode(procedure.code) +
               "&tinh=" + PercentEncode(commune.portal_province_code) + "&xa=" + PercentEncode(commune.portal_ward_code);
    return std::string(kPortalSearchUrl) + "?keyword=" + PercentEncode(procedure.code);
}

}  // namespace kiosk::content
