// synonyms.json: groups of synonyms, one per field, each saying why (docs/content-format.md).
// A person maintains this file, so every mistake a person makes is refused with a sentence:
// a phrase that folds to nothing, a repeated phrase (only one of them could ever apply),
// a group for a field fields.json does not have.
#include <map>

#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::content {
namespace {

std::string FoldedWords(const std::string& phrase) {
    std::string joined;
    for (const auto& word : text::SplitWords(text::Fold(phrase))) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

void ReadSynonymList(const JsonFieldReader& group, const char* key, const std::string& field,
                     std::map<std::string, std::string>& seen, std::vector<Synonym>& out) {
    for (const auto& item : group.RequiredObjectList(key)) {
        Synonym synonym{item.RequiredText("phrase"), item.OptionalTextList("means"), field};
        std::string folded = FoldedWords(synonym.phrase);
        if (folded.empty()) item.Fail("phrase", "has no letters or digits to match");
        if (synonym.means.empty()) item.Fail("means", "must list at least one phrase");
        for (const auto& meaning : synonym.means)
            if (FoldedWords(meaning).empty()) item.Fail("means", "has a phrase with no letters or digits to match");
        auto [earlier, inserted] = seen.emplace(folded, item.Qualified("phrase"));
        if (!inserted) item.Fail("phrase", "repeats \"" + folded + "\", already at " + earlier->second);
        out.push_back(std::move(synonym));
    }
}

}  // namespace

std::vector<Synonym> SynonymsFromJson(const JsonFieldReader& reader, const std::set<std::string>& field_ids) {
    std::vector<Synonym> synonyms;
    std::map<std::string, std::string> seen;  // folded phrase → where it was first given
    // The first kiosks wrote one flat list; it still loads, as words used across fields.
    if (reader.Has("synonyms")) ReadSynonymList(reader, "synonyms", "", seen, synonyms);
    if (!reader.Has("groups") && !reader.Has("synonyms")) reader.Fail("groups", "is missing (required list)");
    for (const auto& group : reader.OptionalObjectList("groups")) {
        std::string field = group.OptionalText("field");
        if (!field.empty() && field_ids.count(field) == 0)
            group.Fail("field", "names \"" + field + "\", which is not a field id in fields.json");
        if (FoldedWords(group.RequiredText("why")).empty()) group.Fail("why", "must say in words why these synonyms hold");
        group.OptionalTextList("official_terms");  // for the reviewer; checked for type only
        ReadSynonymList(group, "synonyms", field, seen, synonyms);
    }
    return synonyms;
}

}  // namespace kiosk::content
