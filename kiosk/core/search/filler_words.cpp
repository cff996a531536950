#include "kiosk/core/search/filler_words.hpp"

#include <algorithm>

#include "kiosk/core/text.hpp"

namespace kiosk::search {

const std::vector<std::vector<std::string>>& FillerPhrases() {
    static const std::vector<std::vector<std::string>> phrases = [] {
        // Written with diacritics for the reader; folded below.
        const char* written[] = {
            "như thế nào", "thế nào", "ở đâu", "bao lâu", "bao nhiêu", "cần những gì", "những gì", "cần gì",
            "cho con", "cho cháu", "cho tôi", "cho em", "cho bố", "cho mẹ", "thủ tục", "giấy tờ", "hồ sơ",
            "làm", "xin", "muốn", "tôi", "em", "giấy", "gì", "ạ", "ơi", "nhé", "với", "thì", "phải",
            // Who it is for and where they live: the procedure is the same ("khai tử cho ông
            // nội", "nhập khẩu về nhà chồng"). Single words only where no name has their
            // folded form ("bố" folds like "bổ sung", "chồng" like "phòng chống").
            "ông nội", "bà nội", "ông ngoại", "bà ngoại", "ông bà", "bố mẹ", "cho anh", "cho chị", "cho chồng",
            "nhà chồng", "nhà vợ", "ông", "bà", "vợ", "cháu", "quê", "về",
            // Conversation around the request.
            "cho hỏi", "muốn hỏi", "được không", "giúp", "bị", "rồi", "luôn", "nữa",
        };
        std::vector<std::vector<std::string>> folded;
        for (const char* phrase : written) folded.push_back(text::SplitWords(text::Fold(phrase)));
        std::stable_sort(folded.begin(), folded.end(),
                         [](const auto& left, const auto& right) { return left.size() > right.size(); });
        return folded;
    }();
    return phrases;
}

std::vector<size_t> KeptWordPositions(const std::vector<std::string>& folded_words) {
    std::vector<size_t> kept;
    size_t position = 0;
    while (position < folded_words.size()) {
        size_t matched = 0;
        for (const auto& phrase : FillerPhrases()) {
            if (position + phrase.size() > folded_words.size()) continue;
            if (std::equal(phrase.begin(), phrase.end(), folded_words.begin() + static_cast<long>(position))) {
                matched = phrase.size();
                break;
            }
        }
        if (matched > 0) {
            position += matched;
        } else {
            kept.push_back(position++);
        }
    }
    if (kept.empty())
        for (size_t index = 0; index < folded_words.size(); ++index) kept.push_back(index);
    return kept;
}

}  // namespace kiosk::search
