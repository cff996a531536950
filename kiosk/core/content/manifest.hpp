#pragma once
// Manifest: what a content directory is (id, version, date) and whose it is (the commune,
// its portal codes for QR links, its hotline), plus the reasons offered after a negative vote.
#include <string>
#include <vector>

namespace kiosk::content {

inline constexpr int kSchemaVersion = 1;

struct Commune {
    std::string name;           // "Xã Minh Khai (demo)"
    std::string province;       // "Tỉnh …"
    std::string hotline;        // the commune's own "đường dây nóng"
    std::string address;
    std::string opening_hours;  // free text, e.g. "Thứ Hai–Thứ Sáu: 7:30–11:30, 13:30–17:00"
    std::string portal_province_code;  // province code on dichvucong.gov.vn; empty: unknown
    std::string portal_ward_code;      // commune/ward code on dichvucong.gov.vn; empty: unknown
};

struct Manifest {
    int schema_version = kSchemaVersion;
    std::string content_id;  // e.g. "demo-xa-minh-khai"
    long long version = 0;   // integer, increases with every release of this content
    std::string created;     // YYYY-MM-DD
    bool demo = false;       // true: commune values are made up for the demo
    Commune commune;
    std::string source;      // where the procedures come from, for staff
    std::vector<std::string> vote_reasons;  // offered after a negative vote; "Khác" last
};

}  // namespace kiosk::content
