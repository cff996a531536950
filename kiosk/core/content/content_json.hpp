#pragma once
// The JSON form of every content type (docs/content-format.md, schema version 1).
// Writers produce ordered keys so the same data always gives the same bytes; readers throw
// ContentProblem (caught by LoadContentDirectory) naming the file and the field.
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "kiosk/core/content/content_bundle.hpp"
#include "kiosk/core/content/json_field_reader.hpp"

namespace kiosk::content {

using OrderedJson = nlohmann::ordered_json;

OrderedJson ProcedureToJson(const Procedure& procedure);
Procedure ProcedureFromJson(const JsonFieldReader& reader);
// The parts of a procedure overrides.json reuses, read by the same rules.
OrderedJson FeeToJson(const Fee& fee);
Fee FeeFromJson(const JsonFieldReader& reader);
ProcessingTime TimeFromJson(const JsonFieldReader& reader);
OrderedJson DocumentToJson(const Document& document);
Document DocumentFromJson(const JsonFieldReader& reader);

// overrides.json (overrides_json.cpp): written by the commune, never by the importer; every
// code must be one of `procedures` (sorted by code). ApplyOverrides merges it into them.
CommuneOverrides OverridesFromJson(const JsonFieldReader& reader, const std::vector<Procedure>& procedures);
void ApplyOverrides(const CommuneOverrides& overrides, std::vector<Procedure>& procedures);
// One entry as overrides.json writes it (only the keys it has), to compare two releases.
OrderedJson ProcedureOverrideToJson(const ProcedureOverride& entry);

OrderedJson ManifestToJson(const Manifest& manifest);
Manifest ManifestFromJson(const JsonFieldReader& reader);

OrderedJson FieldsToJson(const std::vector<Field>& fields);
std::vector<Field> FieldsFromJson(const JsonFieldReader& reader);

// synonyms.json (synonyms_json.cpp): written by people, never by the importer; a group's
// field must be one of field_ids.
std::vector<Synonym> SynonymsFromJson(const JsonFieldReader& reader, const std::set<std::string>& field_ids);

std::vector<Guide> GuidesFromJson(const JsonFieldReader& reader);
OrderedJson GuidesToJson(const std::vector<Guide>& guides);
Contacts ContactsFromJson(const JsonFieldReader& reader);
OrderedJson ContactsToJson(const Contacts& contacts);
std::vector<Poster> PostersFromJson(const JsonFieldReader& reader);
OrderedJson PostersToJson(const std::vector<Poster>& posters);
PublishedResults ResultsFromJson(const JsonFieldReader& reader);
OrderedJson ResultsToJson(const PublishedResults& results);

// One JSON document as text: two-space indent, UTF-8 kept as is, trailing newline.
std::string DumpDocument(const OrderedJson& document);
// One JSON value on one line (for .jsonl files), no trailing newline.
std::string DumpLine(const OrderedJson& document);

}  // namespace kiosk::content
