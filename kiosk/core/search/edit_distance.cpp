#include "kiosk/core/search/edit_distance.hpp"

namespace kiosk::search {

bool WithinOneEdit(std::string_view typed, std::string_view word) {
    size_t typed_size = typed.size(), word_size = word.size();
    if (typed_size > word_size + 1 || word_size > typed_size + 1) return false;
    size_t prefix = 0;
    while (prefix < typed_size && prefix < word_size && typed[prefix] == word[prefix]) ++prefix;
    if (prefix == typed_size && prefix == word_size) return true;  // identical
    auto rest_equal = [](std::string_view left, std::string_view right) { return left == right; };
    if (typed_size == word_size) {
        // substitution, or two neighbours swapped
        if (rest_equal(typed.substr(prefix + 1), word.substr(prefix + 1))) return true;
        return prefix + 1 < typed_size && typed[prefix] == word[prefix + 1] && typed[prefix + 1] == word[prefix] &&
               rest_equal(typed.substr(prefix + 2), word.substr(prefix + 2));
    }
    if (typed_size + 1 == word_size) return rest_equal(typed.substr(prefix), word.substr(prefix + 1));  // a letter left out
    return rest_equal(typed.substr(prefix + 1), word.substr(prefix));                                  // a letter too many
}

}  // namespace kiosk::search
