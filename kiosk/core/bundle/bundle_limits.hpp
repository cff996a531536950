#pragma once
// BundleLimits: how big a bundle may be before it is refused unread. A real commune's
// content is ~30 MB for 2,642 procedures (~110 MB for 10,000); these leave room for that
// and for pictures, and stop a zip bomb or a stick of junk from filling the kiosk's disk.
#include <cstddef>
#include <cstdint>

namespace kiosk::bundle {

struct BundleLimits {
    std::uint64_t max_file_bytes = 256ull << 20;    // one file, unpacked
    std::uint64_t max_total_bytes = 1ull << 30;     // all files, unpacked
    std::uint64_t max_index_bytes = 16ull << 20;    // bundle-index.json
    std::size_t max_files = 20000;
    // Deflated JSON shrinks ~10:1; a zip bomb shrinks 1000:1. Files smaller than
    // ratio_checked_from_bytes are let through whatever their ratio (a 4 kB file of spaces
    // is harmless, and counts toward the totals anyway).
    std::uint64_t max_compression_ratio = 100;
    std::uint64_t ratio_checked_from_bytes = 1ull << 20;
    // Installing never leaves less than this free on the data directory's disk (votes
    // still need room): the unpacked files plus the catalog must fit above it.
    std::uint64_t keep_free_bytes = 64ull << 20;
};

}  // namespace kiosk::bundle
