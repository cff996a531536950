#pragma once
// One-typo tolerance: is `typed` within one edit (insert, delete, substitute, or swap two
// neighbours) of `word`? Compares bytes of folded text, which is ASCII for Vietnamese.
#include <string_view>

namespace kiosk::search {

bool WithinOneEdit(std::string_view typed, std::string_view word);

}  // namespace kiosk::search
