// libFuzzer target: every content file's reader (kiosk/core/content/) on any bytes. The input
// is parsed as kiosk/core/strict_json.hpp does for a content file, then given to each reader
// in turn (a procedures.jsonl line, manifest, fields, guides, contacts, posters, results,
// synonyms). A reader may only return a value or throw ContentProblem with a sentence.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/strict_json.hpp"

namespace {

template <typename Read>
void Try(const nlohmann::json& document, Read read) {
    try {
        kiosk::content::JsonFieldReader reader(document, "fuzz", "");
        read(reader);
    } catch (const kiosk::content::ContentProblem& problem) {
        if (problem.what.empty()) __builtin_trap();  // a refusal without its sentence
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::content;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)IsCalendarDate(text);
    auto document = kiosk::ParseStrictJson(text);
    if (!document) {
        if (document.error().message.empty()) __builtin_trap();
        return 0;
    }
    Try(*document, [](const JsonFieldReader& reader) {
        auto procedure = ProcedureFromJson(reader);
        (void)DumpLine(ProcedureToJson(procedure));  // what the importer writes back
        (void)FormatFee(procedure.channels.empty() ? Fee{} : procedure.channels.front().fee);
        (void)GlanceTime(procedure);
    });
    Try(*document, [](const JsonFieldReader& reader) { (void)DumpDocument(ManifestToJson(ManifestFromJson(reader))); });
    Try(*document, [](const JsonFieldReader& reader) { (void)FieldsFromJson(reader); });
    Try(*document, [](const JsonFieldReader& reader) { (void)GuidesToJson(GuidesFromJson(reader)); });
    Try(*document, [](const JsonFieldReader& reader) { (void)ContactsToJson(ContactsFromJson(reader)); });
    Try(*document, [](const JsonFieldReader& reader) { (void)PostersToJson(PostersFromJson(reader)); });
    Try(*document, [](const JsonFieldReader& reader) { (void)ResultsToJson(ResultsFromJson(reader)); });
    Try(*document, [](const JsonFieldReader& reader) { (void)SynonymsFromJson(reader, {"ho-tich", "dat-dai"}); });
    return 0;
}
