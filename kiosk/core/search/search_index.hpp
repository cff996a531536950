#pragma once
// SearchIndex: finds procedures the way citizens type. In memory, built once per catalog.
//
// A query is NFC-normalised, lower-cased and folded (no diacritics, đ → d); filler words
// are dropped ("làm", "xin", "cho con", "thủ tục", …); synonyms from the content add
// alternative readings ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất"). Each query word
// matches a name word exactly, as the start of the word being typed (the last word), or —
// when it is no word of any name — with one typo (words of 4+ letters). Words are weighted
// by rarity, so "khai sinh" counts more than "đăng ký"; a word no name contains still
// weighs (it is usually what the query is about: "vé", "taxi"). Vietnamese words are mostly
// two syllables, so a typed syllable that matches away from its neighbours ("khám … bệnh")
// counts less than one that matches beside them ("khám bệnh"). That share of the query a
// name explains is the hit's confidence; below kWeakBelow a hit is weak and not shown.
// Ranking then prefers exact-diacritic matches, whole words, words in the typed order,
// commune-level procedures, procedures for people rather than organisations, and shorter
// names.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/core/content/synonym.hpp"
#include "kiosk/core/search/search_entry.hpp"
#include "kiosk/core/search/search_hit.hpp"

namespace kiosk::search {

class SearchIndex {
public:
    SearchIndex() = default;
    static SearchIndex Build(std::vector<SearchEntry> entries, const std::vector<content::Synonym>& synonyms);

    // A hit whose confidence is below this is weak: the name explains less than this share
    // of what was typed. Measured on the query sets in tests/data (docs/benchmarks.md,
    // "Search quality"): see kWeakBelow's definition in search_index.cpp for the figures.
    static const double kWeakBelow;

    // Best first; at most `limit` hits, none weak. Empty when nothing fits: the kiosk then
    // says so instead of showing unrelated procedures. An empty or all-punctuation query
    // gives nothing.
    std::vector<SearchHit> Search(std::string_view query, size_t limit) const;
    // The same ranking with the weak hits kept (for staff reviewing the synonym table and
    // for measuring the threshold).
    std::vector<SearchHit> SearchIncludingWeak(std::string_view query, size_t limit) const;

    size_t size() const { return entries_.size(); }
    const SearchEntry& entry(size_t index) const { return entries_[index]; }

private:
    struct Posting {
        uint32_t entry;
        uint16_t position;
    };
    struct Document {
        std::vector<std::string> lower_words;  // with diacritics, same positions as the folded words
        uint16_t word_count = 0;               // not counting a leading "Thủ tục"
    };
    struct QueryWord {
        std::string folded;
        std::string lower;  // with diacritics; empty when typed without any
        bool last = false;  // the word being typed: may be a prefix
    };
    struct SynonymRule {
        std::vector<std::string> phrase;                 // folded words
        std::vector<std::vector<std::string>> meanings;  // folded words each
    };

    std::vector<std::vector<QueryWord>> Readings(std::string_view query) const;
    struct Best {
        double score = 0;
        double confidence = 0;
    };
    void ScoreReading(const std::vector<QueryWord>& words, double factor, std::vector<Best>& best) const;
    std::vector<SearchHit> Ranked(std::string_view query, size_t limit, double minimum_confidence) const;

    std::vector<SearchEntry> entries_;
    std::vector<Document> documents_;
    std::vector<std::string> vocabulary_;                 // folded words, sorted
    std::vector<std::vector<Posting>> postings_;          // per vocabulary word
    std::vector<double> rarity_;                          // per vocabulary word: idf
    double unknown_word_rarity_ = 0;                      // a word no name contains weighs this
    std::unordered_map<std::string, uint32_t> word_ids_;  // folded word → vocabulary index
    std::vector<std::vector<uint32_t>> words_by_length_;  // vocabulary ids grouped by byte length
    std::unordered_map<std::string, uint32_t> codes_;     // procedure code → entry
    std::vector<SynonymRule> synonyms_;
};

}  // namespace kiosk::search
