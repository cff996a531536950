#pragma once
// BundleFile: one file a bundle index lists — its path inside the content directory, its
// size and its SHA-256. A zip entry is accepted only when it matches one exactly.
#include <cstdint>
#include <string>

namespace kiosk::bundle {

struct BundleFile {
    std::string path;    // "procedures.jsonl", "media/vneid-buoc-1.png"
    std::uint64_t size = 0;
    std::string sha256;  // 64 lower-case hex digits
};

}  // namespace kiosk::bundle
