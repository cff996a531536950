// overrides.json: the commune's corrections to the portal, by procedure code
// (docs/content-format.md). A desk officer writes this file by hand, so every mistake is
// refused with a sentence naming the file, the procedure and the JSON path — including a
// misspelt key, which a loader that ignores unknown keys would silently drop.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::content {
namespace {

const std::vector<std::string> kFileKeys{"about", "pinned", "procedures"};
const std::vector<std::string> kEntryKeys{"code",    "short_name",  "time",       "fee",        "where", "opening_hours",
                                          "papers",  "summary",     "verified_on", "verified_by"};
const std::vector<std::string> kTimeKeys{"value", "unit", "text"};
const std::vector<std::string> kFeeKeys{"kind", "amount_dong", "text", "description"};
const std::vector<std::string> kPaperKeys{"kind", "group", "name", "condition", "details", "form", "originals", "copies", "quantity_text"};

constexpr int kFewestSummarySentences = 2;
constexpr int kMostSummarySentences = 4;
// A shortcut button holds two lines of large text; a longer name belongs in the list.
constexpr size_t kLongestShortName = 40;

void RequireReadable(const JsonFieldReader& reader, const char* key, const std::string& value) {
    if (!text::IsValidUtf8(value)) reader.Fail(key, "is not valid UTF-8");
    if (!text::IsNfc(value)) reader.Fail(key, "is not in Unicode NFC (decomposed marks draw as \"?\" on the kiosk)");
}

std::string ReadableText(const JsonFieldReader& reader, const char* key) {
    std::string value = reader.RequiredText(key);
    if (text::SplitWords(text::Fold(value)).empty()) reader.Fail(key, "has no words");
    RequireReadable(reader, key, value);
    return value;
}

// Sentences end with ".", "!", "?" or "…" before a space or the end; "50.000" and
// "01/2025/TT-BTP" do not end one. A last sentence without its full stop still counts.
int CountSentences(const std::string& value) {
    int sentences = 0;
    bool words_since_end = false;
    for (size_t index = 0; index < value.size(); ++index) {
        unsigned char character = static_cast<unsigned char>(value[index]);
        bool ellipsis = value.compare(index, 3, "\xE2\x80\xA6") == 0;
        bool stop = character == '.' || character == '!' || character == '?' || ellipsis;
        size_t after = index + (ellipsis ? 3 : 1);
        if (stop && words_since_end && (after >= value.size() || value[after] == ' ' || value[after] == '\n')) {
            ++sentences;
            words_since_end = false;
        } else if (std::isalnum(character) || character >= 0x80) {
            words_since_end = true;
        }
        if (ellipsis) index += 2;
    }
    return sentences + (words_since_end ? 1 : 0);
}

// The commune's time: a figure with its unit ({"value": "3", "unit": "ngay_lam_viec"}), the
// same day ({"unit": "trong_ngay"}), or its own words alone ({"text": "1 ngày làm việc; 3 ngày
// nếu cần xác minh"}). A number without its unit is what the portal gets wrong; the
// commune's must not.
ProcessingTime ReadTime(const JsonFieldReader& parent) {
    JsonFieldReader reader = parent.RequiredObject("time");
    reader.RefuseUnknownKeys(kTimeKeys);
    if (!reader.Has("unit")) {
        if (reader.Has("value")) reader.Fail("unit", "is missing: a time needs its unit (\"ngay_lam_viec\", \"gio\", …)");
        if (!reader.Has("text")) reader.Fail("text", "is missing: give \"value\" with \"unit\", or the time in words as \"text\"");
        return {"", TimeUnit::AsWritten, ReadableText(reader, "text")};
    }
    ProcessingTime time = TimeFromJson(reader);
    if (time.unit == TimeUnit::Unknown)
        reader.Fail("unit", "must say the unit, not \"unknown\" (or leave \"unit\" out and give the time in words as \"text\")");
    if (!time.value.empty()) {
        bool number = time.value.find_first_not_of("0123456789.,") == std::string::npos &&
                      time.value.find_first_of("0123456789") != std::string::npos;
        if (!number) reader.Fail("value", "must be a number such as \"3\" or \"0.5\", found \"" + time.value + "\"");
    }
    return time;
}

Fee ReadFee(const JsonFieldReader& parent) {
    JsonFieldReader reader = parent.RequiredObject("fee");
    reader.RefuseUnknownKeys(kFeeKeys);
    Fee fee = FeeFromJson(reader);
    RequireReadable(reader, "text", fee.text);
    if (fee.kind == FeeKind::Unknown)
        reader.Fail("kind", "must say what the desk charges (\"free\", \"amount\", \"province_set\" or \"other\"), not \"unknown\"");
    if (fee.kind == FeeKind::Other && fee.text.empty()) reader.Fail("text", "is missing (required when kind is \"other\")");
    if (fee.kind == FeeKind::Free && fee.amount_dong && *fee.amount_dong != 0)
        reader.Fail("amount_dong", "must be 0 or absent when kind is \"free\"");
    return fee;
}

std::vector<Document> ReadPapers(const JsonFieldReader& parent) {
    auto items = parent.RequiredObjectList("papers");
    if (items.empty()) parent.Fail("papers", "must list at least one paper (leave \"papers\" out to keep the portal's)");
    std::vector<Document> papers;
    for (const auto& item : items) {
        item.RefuseUnknownKeys(kPaperKeys);
        Document paper = DocumentFromJson(item);
        RequireReadable(item, "name", paper.name);
        RequireReadable(item, "group", paper.group);
        RequireReadable(item, "quantity_text", paper.quantity_text);
        papers.push_back(std::move(paper));
    }
    return papers;
}

ProcedureOverride ReadEntry(const JsonFieldReader& unlabelled, const std::set<std::string>& codes) {
    ProcedureOverride entry;
    entry.code = unlabelled.RequiredText("code");
    JsonFieldReader reader = unlabelled.Relabelled(unlabelled.file() + " (" + entry.code + ")");
    if (!codes.contains(entry.code))
        reader.Fail("code", "names a procedure " + std::string(kProceduresFile) + " does not list (remove or correct the entry)");
    reader.RefuseUnknownKeys(kEntryKeys);
    if (reader.Has("short_name")) {
        entry.short_name = ReadableText(reader, "short_name");
        if (text::DecodeUtf8(entry.short_name).size() > kLongestShortName)
            reader.Fail("short_name", "must be at most " + std::to_string(kLongestShortName) + " letters, found " +
                                          std::to_string(text::DecodeUtf8(entry.short_name).size()));
    }
    if (reader.Has("time")) entry.time = ReadTime(reader);
    if (reader.Has("fee")) entry.fee = ReadFee(reader);
    if (reader.Has("where")) entry.where = ReadableText(reader, "where");
    if (reader.Has("opening_hours")) entry.opening_hours = ReadableText(reader, "opening_hours");
    if (reader.Has("papers")) entry.papers = ReadPapers(reader);
    if (reader.Has("summary")) {
        entry.summary = ReadableText(reader, "summary");
        int sentences = CountSentences(entry.summary);
        if (sentences < kFewestSummarySentences || sentences > kMostSummarySentences)
            reader.Fail("summary", "must be 2 to 4 plain sentences, found " + std::to_string(sentences));
    }
    if (reader.Has("verified_on")) {
        entry.verified_on = reader.RequiredText("verified_on");
        if (!IsCalendarDate(entry.verified_on))
            reader.Fail("verified_on", "must be a real date YYYY-MM-DD, found \"" + entry.verified_on + "\"");
    }
    if (reader.Has("verified_by")) {
        entry.verified_by = ReadableText(reader, "verified_by");
        if (entry.verified_on.empty()) reader.Fail("verified_on", "is missing: \"verified_by\" needs the date it was checked");
    }
    bool changes_something = !entry.short_name.empty() || entry.time || entry.fee || entry.where || entry.opening_hours || entry.papers ||
                             !entry.summary.empty() || !entry.verified_on.empty();
    if (!changes_something) reader.Fail("code", "has an entry that changes nothing");
    return entry;
}

// The in-person channel is the desk the kiosk stands at; the portal sometimes lists none.
Channel& DeskChannel(Procedure& procedure) {
    for (auto& channel : procedure.channels)
        if (channel.kind == ChannelKind::InPerson) return channel;
    Channel desk;
    desk.kind = ChannelKind::InPerson;
    desk.name = "Trực tiếp";
    procedure.channels.insert(procedure.channels.begin(), std::move(desk));
    return procedure.channels.front();
}

}  // namespace

bool CommuneNotes::Replaced(const std::string& part) const {
    return std::find(replaced.begin(), replaced.end(), part) != replaced.end();
}

CommuneOverrides OverridesFromJson(const JsonFieldReader& reader, const std::vector<Procedure>& procedures) {
    reader.RefuseUnknownKeys(kFileKeys);
    reader.OptionalText("about");
    std::set<std::string> codes;
    for (const auto& procedure : procedures) codes.insert(procedure.code);

    CommuneOverrides overrides;
    std::map<std::string, std::string> seen;  // code → where it was first given
    for (const auto& item : reader.OptionalObjectList("procedures")) {
        ProcedureOverride entry = ReadEntry(item, codes);
        auto [earlier, inserted] = seen.emplace(entry.code, item.Qualified("code"));
        if (!inserted)
            throw ContentProblem{reader.file() + " (" + entry.code + ")", item.Qualified("code"),
                                 "repeats the code already given at " + earlier->second};
        overrides.procedures.push_back(std::move(entry));
    }
    auto pinned = reader.OptionalTextList("pinned");
    for (size_t index = 0; index < pinned.size(); ++index) {
        const std::string& code = pinned[index];
        std::string path = "pinned[" + std::to_string(index) + "]";
        std::string label = reader.file() + " (" + code + ")";
        if (!codes.contains(code))
            throw ContentProblem{label, path, std::string("names a procedure ") + kProceduresFile + " does not list"};
        auto first = std::find(pinned.begin(), pinned.end(), code);
        if (first != pinned.begin() + static_cast<std::ptrdiff_t>(index))
            throw ContentProblem{label, path, "repeats the code already at pinned[" + std::to_string(first - pinned.begin()) + "]"};
    }
    overrides.pinned = std::move(pinned);
    return overrides;
}

OrderedJson ProcedureOverrideToJson(const ProcedureOverride& entry) {
    OrderedJson out;
    out["code"] = entry.code;
    if (!entry.short_name.empty()) out["short_name"] = entry.short_name;
    if (!entry.summary.empty()) out["summary"] = entry.summary;
    if (entry.time) out["time"] = {{"value", entry.time->value}, {"unit", TimeUnitCode(entry.time->unit)}, {"text", entry.time->text}};
    if (entry.fee) out["fee"] = FeeToJson(*entry.fee);
    if (entry.where) out["where"] = *entry.where;
    if (entry.opening_hours) out["opening_hours"] = *entry.opening_hours;
    if (entry.papers) {
        out["papers"] = OrderedJson::array();
        for (const auto& paper : *entry.papers) out["papers"].push_back(DocumentToJson(paper));
    }
    if (!entry.verified_on.empty()) out["verified_on"] = entry.verified_on;
    if (!entry.verified_by.empty()) out["verified_by"] = entry.verified_by;
    return out;
}

void ApplyOverrides(const CommuneOverrides& overrides, std::vector<Procedure>& procedures) {
    auto find = [&](const std::string& code) -> Procedure* {
        auto found = std::lower_bound(procedures.begin(), procedures.end(), code,
                                      [](const Procedure& procedure, const std::string& key) { return procedure.code < key; });
        return found != procedures.end() && found->code == code ? &*found : nullptr;
    };
    for (const auto& entry : overrides.procedures) {
        Procedure* procedure = find(entry.code);
        if (!procedure) continue;  // OverridesFromJson refused it already
        CommuneNotes& notes = procedure->commune;
        if (!entry.short_name.empty()) {
            notes.short_name = entry.short_name;
            notes.replaced.push_back("short_name");
        }
        if (entry.time) {
            DeskChannel(*procedure).time = *entry.time;
            notes.replaced.push_back("time");
        }
        if (entry.fee) {
            DeskChannel(*procedure).fee = *entry.fee;
            notes.replaced.push_back("fee");
        }
        if (entry.where) {
            procedure->reception_address = *entry.where;
            notes.replaced.push_back("where");
        }
        if (entry.opening_hours) {
            notes.opening_hours = *entry.opening_hours;
            notes.replaced.push_back("opening_hours");
        }
        if (entry.papers) {
            procedure->documents = *entry.papers;
            notes.replaced.push_back("papers");
        }
        if (!entry.summary.empty()) {
            notes.summary = entry.summary;
            notes.replaced.push_back("summary");
        }
        notes.verified_on = entry.verified_on;
        notes.verified_by = entry.verified_by;
    }
    for (size_t index = 0; index < overrides.pinned.size(); ++index)
        if (Procedure* procedure = find(overrides.pinned[index])) procedure->commune.pin_rank = static_cast<int>(index + 1);
}

}  // namespace kiosk::content
