#pragma once
// Loading and writing a content directory (docs/content-format.md). Loading is all or
// nothing: the first broken file or field refuses the whole directory with a sentence
// naming the file and the field, so the kiosk never runs on half a catalog.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/content/commune_override.hpp"  // kOverridesFile
#include "kiosk/core/content/content_bundle.hpp"
#include "kiosk/core/result.hpp"

namespace kiosk::content {

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kFieldsFile = "fields.json";
inline constexpr const char* kProceduresFile = "procedures.jsonl";
inline constexpr const char* kSynonymsFile = "synonyms.json";
inline constexpr const char* kGuidesFile = "guides.json";
inline constexpr const char* kContactsFile = "contacts.json";
inline constexpr const char* kPostersFile = "posters.json";
inline constexpr const char* kResultsFile = "results.json";

// Every file of the format, required ones first. Optional files may be absent.
const std::vector<std::string>& ContentFileNames();
bool IsRequiredContentFile(const std::string& name);

Result<ContentBundle> LoadContentDirectory(const std::filesystem::path& directory);

// Writes one file atomically enough for a tool (write to .tmp, then rename).
Status WriteTextFile(const std::filesystem::path& file, const std::string& contents);

}  // namespace kiosk::content
