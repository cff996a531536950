#pragma once
// The importer of the National Public Service Portal data (../shared/data/dvcqg): reads the
// parsed JSONL and the raw per-procedure JSON files, picks the better source per field
// (docs/content-format.md, "Importing portal data"), and writes a content directory.
// Deterministic: the same input always gives byte-identical files.
#include <filesystem>
#include <string>

#include "kiosk/core/dvcqg/import_report.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::dvcqg {

struct ImportOptions {
    std::filesystem::path source;  // holds procedures_all.jsonl (or procedures_commune.jsonl) and raw/
    std::filesystem::path out;     // the content directory to write
    bool commune_only = false;     // only what a commune People's Committee or commune police handles
};

// Writes manifest.json, fields.json and procedures.jsonl into options.out; leaves every
// other file there alone (synonyms, guides, contacts, posters, results are written by
// people). Refuses a source it cannot read with a sentence naming the file.
Result<ImportReport> ImportDvcqg(const ImportOptions& options);

}  // namespace kiosk::dvcqg
