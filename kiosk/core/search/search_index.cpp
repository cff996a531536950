#include "kiosk/core/search/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kiosk/core/search/edit_distance.hpp"
#include "kiosk/core/search/filler_words.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::search {
namespace {

// How much each kind of word match is worth (the query word's rarity is multiplied in).
constexpr double kWholeWord = 1.0;
constexpr double kPrefixOfTypedWord = 0.8;  // the citizen is still typing it
constexpr double kOneTypo = 0.7;
constexpr double kExactDiacritics = 0.15;   // typed "sổ đỏ" and the name says "sổ đỏ"
// A procedure shows only when this share of the query's weight matched.
constexpr double kMinimumCoverage = 0.5;
constexpr double kAllWordsBonus = 0.1;
constexpr double kInOrderBonus = 0.08;
constexpr double kWholePhraseBonus = 0.03;  // every word, side by side, in the typed order
constexpr double kCommuneBonus = 0.05;
constexpr double kPerWordOfLength = 0.0025;  // shorter names first, other things equal
// Past this many words a name is simply long: very long official names (chứng thực bản
// sao …, 60 words) must not sink below short, less fitting ones.
constexpr double kLongestCountedName = 25;
// When a synonym matched, the citizen meant the idiom ("sổ đỏ"), not its words taken
// literally ("sổ" + "đỏ"): the literal reading counts a little less.
constexpr double kLiteralReadingWhenSynonym = 0.92;
constexpr double kCodeMatch = 2.0;
constexpr size_t kMinimumTypoLength = 4;
constexpr size_t kMinimumPrefixLength = 2;

bool StartsWith(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

SearchIndex SearchIndex::Build(std::vector<SearchEntry> entries, const std::vector<content::Synonym>& synonyms) {
    SearchIndex index;
    index.entries_ = std::move(entries);
    index.documents_.resize(index.entries_.size());
    std::map<std::string, std::vector<Posting>> postings;  // sorted, so the vocabulary comes out sorted
    for (uint32_t entry = 0; entry < index.entries_.size(); ++entry) {
        const std::string& name = index.entries_[entry].name;
        auto folded_words = text::SplitWords(text::Fold(name));
        auto& document = index.documents_[entry];
        document.lower_words = text::SplitWords(text::LowerCase(name));
        if (document.lower_words.size() != folded_words.size()) document.lower_words.clear();
        size_t length = folded_words.size();
        if (length >= 2 && folded_words[0] == "thu" && folded_words[1] == "tuc") length -= 2;
        document.word_count = static_cast<uint16_t>(std::min<size_t>(length, 60000));
        for (size_t position = 0; position < folded_words.size() && position < 60000; ++position)
            postings[folded_words[position]].push_back({entry, static_cast<uint16_t>(position)});
        index.codes_.emplace(index.entries_[entry].code, entry);
    }
    const double total = static_cast<double>(std::max<size_t>(index.entries_.size(), 1));
    for (auto& [word, list] : postings) {
        uint32_t id = static_cast<uint32_t>(index.vocabulary_.size());
        size_t distinct = 0;
        for (size_t at = 0; at < list.size(); ++at)
            if (at == 0 || list[at].entry != list[at - 1].entry) ++distinct;
        index.rarity_.push_back(std::log(1.0 + total / static_cast<double>(distinct)));
        index.word_ids_.emplace(word, id);
        if (index.words_by_length_.size() <= word.size()) index.words_by_length_.resize(word.size() + 1);
        index.words_by_length_[word.size()].push_back(id);
        index.vocabulary_.push_back(word);
        index.postings_.push_back(std::move(list));
    }
    for (const auto& synonym : synonyms) {
        SynonymRule rule;
        rule.phrase = text::SplitWords(text::Fold(synonym.phrase));
        for (const auto& meaning : synonym.means) rule.meanings.push_back(text::SplitWords(text::Fold(meaning)));
        if (!rule.phrase.empty()) index.synonyms_.push_back(std::move(rule));
    }
    // Longer phrases first, so "giấy khai sinh cho con" wins over "khai sinh".
    std::stable_sort(index.synonyms_.begin(), index.synonyms_.end(),
                     [](const SynonymRule& left, const SynonymRule& right) { return left.phrase.size() > right.phrase.size(); });
    return index;
}

std::vector<std::vector<SearchIndex::QueryWord>> SearchIndex::Readings(std::string_view query) const {
    std::string normalized = text::NormalizeNfc(query);
    auto folded = text::SplitWords(text::Fold(normalized));
    auto lower = text::SplitWords(text::LowerCase(normalized));
    if (lower.size() != folded.size()) lower.assign(folded.size(), std::string());
    bool still_typing = !normalized.empty() && normalized.back() != ' ';

    // A reading is a list of words, each either the citizen's (with its diacritics) or a
    // synonym's. Filler is dropped afterwards, so synonyms can contain filler words.
    struct Word {
        std::string folded, lower;
        bool typed_last;
    };
    std::vector<Word> original;
    for (size_t position = 0; position < folded.size(); ++position) {
        bool has_marks = lower[position] != folded[position];
        original.push_back({folded[position], has_marks ? lower[position] : std::string(),
                            still_typing && position + 1 == folded.size()});
    }
    std::vector<std::vector<Word>> readings{original};

    struct Match {
        size_t start, length;
        const SynonymRule* rule;
    };
    std::vector<Match> matches;
    std::vector<bool> covered(folded.size(), false);
    for (const auto& rule : synonyms_) {
        for (size_t start = 0; start + rule.phrase.size() <= folded.size(); ++start) {
            bool free = std::none_of(covered.begin() + static_cast<long>(start),
                                     covered.begin() + static_cast<long>(start + rule.phrase.size()), [](bool c) { return c; });
            if (free && std::equal(rule.phrase.begin(), rule.phrase.end(), folded.begin() + static_cast<long>(start))) {
                matches.push_back({start, rule.phrase.size(), &rule});
                std::fill(covered.begin() + static_cast<long>(start),
                          covered.begin() + static_cast<long>(start + rule.phrase.size()), true);
            }
        }
    }
    std::sort(matches.begin(), matches.end(), [](const Match& left, const Match& right) { return left.start < right.start; });
    auto replaced = [&](const std::vector<std::pair<const Match*, const std::vector<std::string>*>>& choices) {
        std::vector<Word> reading;
        size_t position = 0;
        for (const auto& [match, meaning] : choices) {
            for (; position < match->start; ++position) reading.push_back(original[position]);
            for (const auto& word : *meaning) reading.push_back({word, std::string(), false});
            position = match->start + match->length;
        }
        for (; position < original.size(); ++position) reading.push_back(original[position]);
        return reading;
    };
    // Each synonym alone, with each of its meanings; then all of them at once.
    for (const auto& match : matches)
        for (const auto& meaning : match.rule->meanings) readings.push_back(replaced({{&match, &meaning}}));
    if (matches.size() > 1) {
        std::vector<std::pair<const Match*, const std::vector<std::string>*>> all;
        for (const auto& match : matches) all.push_back({&match, &match.rule->meanings.front()});
        readings.push_back(replaced(all));
    }

    std::vector<std::vector<QueryWord>> out;
    for (const auto& reading : readings) {
        std::vector<std::string> reading_folded;
        for (const auto& word : reading) reading_folded.push_back(word.folded);
        std::vector<QueryWord> words;
        for (size_t position : KeptWordPositions(reading_folded))
            words.push_back({reading[position].folded, reading[position].lower, reading[position].typed_last});
        if (!words.empty()) out.push_back(std::move(words));
    }
    return out;
}

void SearchIndex::ScoreReading(const std::vector<QueryWord>& words, double factor, std::vector<double>& best) const {
    const size_t count = words.size();
    const size_t entries = entries_.size();
    std::vector<float> quality(entries * count, 0.0f);
    std::vector<int32_t> position_of(entries * count, -1);
    std::vector<double> weight(count, 0.0);
    std::vector<bool> known(count, false);

    for (size_t word_index = 0; word_index < count; ++word_index) {
        const QueryWord& word = words[word_index];
        std::vector<std::pair<uint32_t, double>> candidates;
        auto exact = word_ids_.find(word.folded);
        if (exact != word_ids_.end()) candidates.push_back({exact->second, kWholeWord});
        if (word.last && word.folded.size() >= kMinimumPrefixLength) {
            auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), word.folded);
            for (; it != vocabulary_.end() && StartsWith(*it, word.folded); ++it)
                if (*it != word.folded) candidates.push_back({static_cast<uint32_t>(it - vocabulary_.begin()), kPrefixOfTypedWord});
        }
        if (word.folded.size() >= kMinimumTypoLength) {
            for (size_t length = word.folded.size() - 1; length <= word.folded.size() + 1; ++length) {
                if (length >= words_by_length_.size() || length < kMinimumTypoLength) continue;
                for (uint32_t id : words_by_length_[length])
                    if (vocabulary_[id] != word.folded && WithinOneEdit(word.folded, vocabulary_[id]))
                        candidates.push_back({id, kOneTypo});
            }
        }
        for (const auto& [id, match_quality] : candidates) {
            weight[word_index] = std::max(weight[word_index], match_quality == kWholeWord ? rarity_[id] : 0.0);
            known[word_index] = true;
            for (const Posting& posting : postings_[id]) {
                double value = match_quality;
                if (!word.lower.empty()) {
                    const auto& lower_words = documents_[posting.entry].lower_words;
                    if (!lower_words.empty() && (match_quality == kWholeWord ? lower_words[posting.position] == word.lower
                                                                            : StartsWith(lower_words[posting.position], word.lower)))
                        value += kExactDiacritics;
                }
                size_t slot = posting.entry * count + word_index;
                // Among equal matches, take the occurrence right after the previous word's,
                // so "… Giấy chứng nhận quyền sử dụng đất …" counts as the typed phrase even
                // when "đất" also appears earlier in the name.
                bool follows_previous = word_index > 0 && position_of[slot - 1] >= 0 &&
                                        posting.position == position_of[slot - 1] + 1;
                if (value > quality[slot] || (value == quality[slot] && follows_previous)) {
                    quality[slot] = static_cast<float>(value);
                    position_of[slot] = posting.position;
                }
            }
        }
        // A word found only by typo or prefix weighs as its rarest candidate would.
        if (known[word_index] && weight[word_index] == 0.0)
            for (const auto& [id, match_quality] : candidates) weight[word_index] = std::max(weight[word_index], rarity_[id]);
    }
    double known_weight = 0;
    size_t known_count = 0;
    for (size_t word_index = 0; word_index < count; ++word_index)
        if (known[word_index]) {
            known_weight += weight[word_index];
            ++known_count;
        }
    if (known_count == 0) return;
    // A word no procedure name contains (a stray word, a typo too far) lowers every
    // score a little, the same for all, instead of hiding everything.
    double total_weight = known_weight + 0.5 * (known_weight / static_cast<double>(known_count)) *
                                             static_cast<double>(count - known_count);

    for (size_t entry = 0; entry < entries; ++entry) {
        const float* row = &quality[entry * count];
        double sum = 0;
        size_t matched = 0;
        for (size_t word_index = 0; word_index < count; ++word_index)
            if (row[word_index] > 0) {
                sum += weight[word_index] * row[word_index];
                ++matched;
            }
        if (matched == 0) continue;
        double coverage = sum / total_weight;
        if (coverage < kMinimumCoverage) continue;
        double score = coverage;
        if (matched == known_count) score += kAllWordsBonus;
        if (count > 1) {
            const int32_t* positions = &position_of[entry * count];
            size_t in_order = 0;
            for (size_t word_index = 0; word_index + 1 < count; ++word_index)
                if (positions[word_index] >= 0 && positions[word_index + 1] == positions[word_index] + 1) ++in_order;
            score += kInOrderBonus * static_cast<double>(in_order) / static_cast<double>(count - 1);
            if (in_order == count - 1) score += kWholePhraseBonus;
        }
        if (entries_[entry].commune_level) score += kCommuneBonus;
        score -= kPerWordOfLength * std::min<double>(documents_[entry].word_count, kLongestCountedName);
        score *= factor;
        if (score > best[entry]) best[entry] = score;
    }
}

std::vector<SearchHit> SearchIndex::Search(std::string_view query, size_t limit) const {
    std::vector<SearchHit> hits;
    if (entries_.empty() || limit == 0) return hits;
    std::vector<double> best(entries_.size(), 0.0);

    std::string trimmed = text::CollapseWhitespace(query);
    if (auto code = codes_.find(trimmed); code != codes_.end()) best[code->second] = kCodeMatch;

    auto readings = Readings(query);
    for (size_t reading = 0; reading < readings.size(); ++reading)
        ScoreReading(readings[reading], reading == 0 && readings.size() > 1 ? kLiteralReadingWhenSynonym : 1.0, best);

    for (size_t entry = 0; entry < best.size(); ++entry)
        if (best[entry] > 0) hits.push_back({entries_[entry].code, entries_[entry].name, best[entry], entry});
    auto better = [&](const SearchHit& left, const SearchHit& right) {
        if (left.score != right.score) return left.score > right.score;
        if (left.name.size() != right.name.size()) return left.name.size() < right.name.size();
        return left.code < right.code;
    };
    if (hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(limit), hits.end(), better);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), better);
    }
    return hits;
}

}  // namespace kiosk::search
