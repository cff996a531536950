#pragma once
// SearchHit: one ranked result; higher score is better (about 0–1.3).
#include <cstddef>
#include <string>

namespace kiosk::search {

struct SearchHit {
    std::string code;
    std::string name;
    double score = 0;       // ranks the hits
    double confidence = 0;  // 0–1: how much of what was typed this name explains (SearchIndex::kWeakBelow)
    size_t entry_index = 0;  // position in the entries the index was built from
};

}  // namespace kiosk::search
