#pragma once
// Filler words: what citizens add around the words that matter ("làm giấy khai sinh cho
// con" → "khai sinh"). Folded, whole words or phrases. Chosen so that none of them is the
// only distinctive word of a commune procedure name: "căn" (căn cước) folds to "can",
// so "cần" is NOT here; "cho" alone is not either ("cho thuê").
#include <string>
#include <vector>

namespace kiosk::search {

// Each phrase as folded words, longest first.
const std::vector<std::vector<std::string>>& FillerPhrases();

// Removes filler phrases from folded words; returns the positions kept. When only filler
// is left, keeps everything (a citizen typing "giấy" alone still gets results).
std::vector<size_t> KeptWordPositions(const std::vector<std::string>& folded_words);

}  // namespace kiosk::search
