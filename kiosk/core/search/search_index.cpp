#include "kiosk/core/search/search_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "kiosk/core/search/edit_distance.hpp"
#include "kiosk/core/search/filler_words.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::search {

// Measured on the tuning half (tests/data/search_queries_tuning.tsv) against the shipped
// content; search_quality_test prints these figures, docs/benchmarks.md "Search quality" keeps
// them. The expected procedure's confidence: min 0.584, 5th percentile 0.717, median 0.947 (1
// of 144 below 0.61). Not-commune queries' best hit: max 0.600, median 0.417 (none at 0.61 or
// above). 0.600 is no accident: it is the confidence of a name holding every typed syllable but
// none beside its typed neighbour (kApartFromNeighbours), which is what unrelated names look
// like ("đóng tiền nước" in "… tiết kiệm nước"); the line sits just above it.
const double SearchIndex::kWeakBelow = 0.61;

namespace {

// How much each kind of word match is worth (the query word's rarity is multiplied in).
constexpr double kWholeWord = 1.0;
constexpr double kPrefixOfTypedWord = 0.8;  // the citizen is still typing it
constexpr double kOneTypo = 0.7;
constexpr double kExactDiacritics = 0.15;   // typed "sổ đỏ" and the name says "sổ đỏ"
// Below this share of the query's weight a name is not even a weak hit (kept low so the weak
// hits staff can list show what almost matched).
constexpr double kMinimumCoverage = 0.25;
constexpr double kAllWordsBonus = 0.1;
constexpr double kInOrderBonus = 0.08;
constexpr double kWholePhraseBonus = 0.03;  // every word, side by side, in the typed order
constexpr double kCommuneBonus = 0.05;
constexpr double kOrganisationsOnlyPenalty = 0.05;  // the same size as the commune bonus
constexpr double kPerWordOfLength = 0.0025;  // shorter names first, other things equal
// Past this many words a name is simply long: very long official names (chứng thực bản
// sao …, 60 words) must not sink below short, less fitting ones.
constexpr double kLongestCountedName = 25;
// When a synonym matched, the citizen meant the idiom ("sổ đỏ"), not its words taken
// literally ("sổ" + "đỏ"): the literal reading counts a little less.
constexpr double kLiteralReadingWhenSynonym = 0.92;
constexpr double kCodeMatch = 2.0;
// A syllable that matches with neither typed neighbour beside it in the name ("khám" and
// "bệnh" in "khám, chữa bệnh") explains this share of what a matched compound would.
constexpr double kApartFromNeighbours = 0.6;
// A word no name contains weighs as much as this share of the rarest word: it is usually
// the subject of the query ("tàu", "taxi", "visa"), though sometimes only a detail.
constexpr double kUnknownWordShareOfRarest = 0.6;
// In the confidence, a typed word the name does not contain counts this much against it:
// citizens add context ("… để mua nhà", "… đi làm xa"), so a name that explains the rest
// well is not weak for it; a syllable matched apart from its neighbours still counts fully
// against (that is what unrelated names look like).
constexpr double kUnmatchedWordShare = 0.5;
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
    index.unknown_word_rarity_ = kUnknownWordShareOfRarest * std::log(1.0 + total);
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

void SearchIndex::ScoreReading(const std::vector<QueryWord>& words, double factor, std::vector<Best>& best) const {
    const size_t count = words.size();
    const size_t entries = entries_.size();
    std::vector<float> quality(entries * count, 0.0f);
    std::vector<int32_t> position_of(entries * count, -1);
    std::vector<double> weight(count, 0.0);
    std::vector<bool> known(count, false);

    for (size_t word_index = 0; word_index < count; ++word_index) {
        const QueryWord& word = words[word_index];
        // One letter being typed means nothing yet, even where a name has it as a word
        // ("điểm a, b, c và d"): it is left out until the next letter comes.
        bool too_short_yet = word.last && word.folded.size() < kMinimumPrefixLength;
        if (too_short_yet) continue;
        std::vector<std::pair<uint32_t, double>> candidates;
        auto exact = word_ids_.find(word.folded);
        if (exact != word_ids_.end()) candidates.push_back({exact->second, kWholeWord});
        if (word.last && word.folded.size() >= kMinimumPrefixLength) {
            auto it = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), word.folded);
            for (; it != vocabulary_.end() && StartsWith(*it, word.folded); ++it)
                if (*it != word.folded) candidates.push_back({static_cast<uint32_t>(it - vocabulary_.begin()), kPrefixOfTypedWord});
        }
        // Only a word that is no word of any name is read as a typo: "khau" is a word
        // (khẩu), so it must not also match "khác".
        if (exact == word_ids_.end() && word.folded.size() >= kMinimumTypoLength) {
            for (size_t length = word.folded.size() - 1; length <= word.folded.size() + 1; ++length) {
                if (length >= words_by_length_.size() || length < kMinimumTypoLength) continue;
                for (uint32_t id : words_by_length_[length])
                    if (WithinOneEdit(word.folded, vocabulary_[id])) candidates.push_back({id, kOneTypo});
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
                // Compared as stored (float): 1.15 as a double is more than 1.15f, which made
                // every later occurrence win and broke the typed-phrase positions.
                float stored = static_cast<float>(value);
                if (stored > quality[slot] || (stored == quality[slot] && follows_previous)) {
                    quality[slot] = stored;
                    position_of[slot] = posting.position;
                }
            }
        }
        // A word found only by typo or prefix weighs as its rarest candidate would.
        if (known[word_index] && weight[word_index] == 0.0)
            for (const auto& [id, match_quality] : candidates) weight[word_index] = std::max(weight[word_index], rarity_[id]);
        // A word no name contains weighs against every procedure alike, except a bare number
        // ("cấp 4", "6 tuổi": a detail the names write their own way).
        bool number = std::all_of(word.folded.begin(), word.folded.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!known[word_index] && !number) weight[word_index] = unknown_word_rarity_;
    }
    size_t known_count = 0, weighed_count = 0;
    double total_weight = 0;
    for (size_t word_index = 0; word_index < count; ++word_index) {
        total_weight += weight[word_index];
        if (known[word_index]) ++known_count;
        if (weight[word_index] > 0) ++weighed_count;
    }
    if (known_count == 0 || total_weight <= 0) return;

    for (size_t entry = 0; entry < entries; ++entry) {
        const float* row = &quality[entry * count];
        const int32_t* positions = &position_of[entry * count];
        double sum = 0, explained = 0, matched_weight = 0;
        size_t matched = 0;
        for (size_t word_index = 0; word_index < count; ++word_index) {
            if (row[word_index] <= 0) continue;
            ++matched;
            bool beside_previous = word_index > 0 && positions[word_index - 1] >= 0 &&
                                   positions[word_index] == positions[word_index - 1] + 1;
            bool beside_next = word_index + 1 < count && positions[word_index + 1] >= 0 &&
                               positions[word_index + 1] == positions[word_index] + 1;
            double apart = weighed_count > 1 && !beside_previous && !beside_next ? kApartFromNeighbours : 1.0;
            sum += weight[word_index] * row[word_index] * apart;
            explained += weight[word_index] * std::min<double>(row[word_index], kWholeWord) * apart;
            matched_weight += weight[word_index];
        }
        if (matched == 0) continue;
        double coverage = sum / total_weight;
        if (coverage < kMinimumCoverage) continue;
        double score = coverage;
        if (matched == known_count) score += kAllWordsBonus;
        if (count > 1) {
            size_t in_order = 0;
            for (size_t word_index = 0; word_index + 1 < count; ++word_index)
                if (positions[word_index] >= 0 && positions[word_index + 1] == positions[word_index] + 1) ++in_order;
            score += kInOrderBonus * static_cast<double>(in_order) / static_cast<double>(count - 1);
            if (in_order == count - 1) score += kWholePhraseBonus;
        }
        if (entries_[entry].commune_level) score += kCommuneBonus;
        if (entries_[entry].organisations_only) score -= kOrganisationsOnlyPenalty;
        score -= kPerWordOfLength * std::min<double>(documents_[entry].word_count, kLongestCountedName);
        score *= factor;
        Best& slot = best[entry];
        slot.score = std::max(slot.score, score);
        double against = (matched_weight - explained) + kUnmatchedWordShare * (total_weight - matched_weight);
        slot.confidence = std::max(slot.confidence, explained / (explained + against));
    }
}

std::vector<SearchHit> SearchIndex::Ranked(std::string_view query, size_t limit, double minimum_confidence) const {
    std::vector<SearchHit> hits;
    if (entries_.empty() || limit == 0) return hits;
    std::vector<Best> best(entries_.size());

    std::string trimmed = text::CollapseWhitespace(query);
    if (auto code = codes_.find(trimmed); code != codes_.end()) best[code->second] = {kCodeMatch, 1.0};

    auto readings = Readings(query);
    for (size_t reading = 0; reading < readings.size(); ++reading)
        ScoreReading(readings[reading], reading == 0 && readings.size() > 1 ? kLiteralReadingWhenSynonym : 1.0, best);

    for (size_t entry = 0; entry < best.size(); ++entry)
        if (best[entry].score > 0 && best[entry].confidence >= minimum_confidence)
            hits.push_back({entries_[entry].code, entries_[entry].name, best[entry].score, best[entry].confidence, entry});
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

std::vector<SearchHit> SearchIndex::Search(std::string_view query, size_t limit) const {
    return Ranked(query, limit, kWeakBelow);
}

std::vector<SearchHit> SearchIndex::SearchIncludingWeak(std::string_view query, size_t limit) const {
    return Ranked(query, limit, 0.0);
}

}  // namespace kiosk::search
