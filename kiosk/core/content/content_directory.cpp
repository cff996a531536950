#include "kiosk/core/content/content_directory.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/file_reading.hpp"
#include "kiosk/core/strict_json.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::content {
namespace {

using nlohmann::json;

Error Refusal(const ContentProblem& problem) {
    std::string where = problem.file + (problem.field.empty() ? std::string() : ", field \"" + problem.field + "\"");
    std::string noi = problem.file + (problem.field.empty() ? std::string() : ", mục \"" + problem.field + "\"");
    return Error{"content refused: " + where + " " + problem.what + ".",
                 "Nội dung bị từ chối: " + noi + " bị thiếu hoặc sai. Kiosk vẫn giữ nội dung cũ."};
}

// The file's bytes; a file that is there but cannot be read says so, with the cause.
std::string ReadContentFile(const std::filesystem::path& directory, const char* name) {
    FileReadFailure failure;
    auto text = ReadWholeFile(directory / name, &failure);
    if (text) return std::move(*text);
    if (failure.absent) throw ContentProblem{name, "", "is missing from " + directory.string()};
    throw ContentProblem{name, "", failure.cause};
}

json ParseDocument(const std::string& text, const std::string& file_label) {
    auto document = ParseStrictJson(text);
    if (!document) throw ContentProblem{file_label, "", document.error().message};
    return std::move(*document);
}

// Reads an optional JSON file; nullopt when absent.
std::optional<json> ReadOptionalDocument(const std::filesystem::path& directory, const char* name) {
    auto file = directory / name;
    std::error_code error;
    if (!std::filesystem::exists(file, error)) {
        if (error) throw ContentProblem{name, "", "cannot be reached: " + error.message()};
        return std::nullopt;
    }
    return ParseDocument(ReadContentFile(directory, name), name);
}

json ReadRequiredDocument(const std::filesystem::path& directory, const char* name) {
    auto document = ReadOptionalDocument(directory, name);
    if (!document) throw ContentProblem{name, "", "is missing from " + directory.string()};
    return *document;
}

std::vector<Procedure> ReadProcedures(const std::filesystem::path& directory, const std::set<std::string>& field_ids) {
    auto text = ReadContentFile(directory, kProceduresFile);
    std::vector<Procedure> procedures;
    std::set<std::string> codes;
    std::istringstream lines(text);
    std::string line;
    int line_number = 0;
    while (std::getline(lines, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string label = std::string(kProceduresFile) + " line " + std::to_string(line_number);
        json document = ParseDocument(line, label);
        // Name the procedure in later messages when its code is readable.
        if (document.is_object() && document.contains("code") && document["code"].is_string())
            label += " (" + document["code"].get<std::string>() + ")";
        JsonFieldReader reader(document, label, "");
        Procedure procedure = ProcedureFromJson(reader);
        if (!field_ids.contains(procedure.field_id))
            reader.Fail("field", "names \"" + procedure.field_id + "\", which is not in " + kFieldsFile);
        if (!codes.insert(procedure.code).second) reader.Fail("code", "repeats a code already listed earlier in the file");
        procedures.push_back(std::move(procedure));
        if (procedures.size() > kMaxProcedures)
            throw ContentProblem{kProceduresFile, "", "lists more than " + std::to_string(kMaxProcedures) +
                                                          " procedures, more than the kiosk holds"};
    }
    if (procedures.empty()) throw ContentProblem{kProceduresFile, "", "lists no procedures"};
    std::sort(procedures.begin(), procedures.end(),
              [](const Procedure& left, const Procedure& right) { return left.code < right.code; });
    return procedures;
}

}  // namespace

const std::vector<std::string>& ContentFileNames() {
    static const std::vector<std::string> names{kManifestFile, kFieldsFile,   kProceduresFile, kSynonymsFile,
                                                kGuidesFile,   kContactsFile, kPostersFile,    kResultsFile};
    return names;
}

bool IsRequiredContentFile(const std::string& name) {
    return name == kManifestFile || name == kFieldsFile || name == kProceduresFile;
}

Result<ContentBundle> LoadContentDirectory(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        // "No such file" is the usual case; name any other cause (permission, a name too long).
        bool absent = !error || error == std::errc::no_such_file_or_directory;
        return Error{"content directory " + directory.string() + (absent ? " does not exist" : " cannot be reached: " + error.message()),
                     "Không tìm thấy thư mục nội dung " + directory.string() + "."};
    }
    ContentBundle bundle;
    try {
        json manifest = ReadRequiredDocument(directory, kManifestFile);
        bundle.manifest = ManifestFromJson(JsonFieldReader(manifest, kManifestFile, ""));

        json fields = ReadRequiredDocument(directory, kFieldsFile);
        JsonFieldReader fields_reader(fields, kFieldsFile, "");
        bundle.fields = FieldsFromJson(fields_reader);
        std::set<std::string> field_ids;
        for (size_t index = 0; index < bundle.fields.size(); ++index)
            if (!field_ids.insert(bundle.fields[index].id).second)
                throw ContentProblem{kFieldsFile, "fields[" + std::to_string(index) + "].id",
                                     "repeats the id \"" + bundle.fields[index].id + "\""};

        bundle.procedures = ReadProcedures(directory, field_ids);

        if (auto synonyms = ReadOptionalDocument(directory, kSynonymsFile))
            bundle.synonyms = SynonymsFromJson(JsonFieldReader(*synonyms, kSynonymsFile, ""), field_ids);
        if (auto guides = ReadOptionalDocument(directory, kGuidesFile))
            bundle.guides = GuidesFromJson(JsonFieldReader(*guides, kGuidesFile, ""));
        if (auto contacts = ReadOptionalDocument(directory, kContactsFile))
            bundle.contacts = ContactsFromJson(JsonFieldReader(*contacts, kContactsFile, ""));
        if (auto posters = ReadOptionalDocument(directory, kPostersFile))
            bundle.posters = PostersFromJson(JsonFieldReader(*posters, kPostersFile, ""));
        if (auto results = ReadOptionalDocument(directory, kResultsFile))
            bundle.results = ResultsFromJson(JsonFieldReader(*results, kResultsFile, ""));
    } catch (const ContentProblem& problem) {
        return Refusal(problem);
    } catch (const std::exception& error) {
        // nlohmann or the standard library refused something we did not foresee.
        return Error{std::string("content refused: ") + error.what(), "Nội dung bị từ chối: tệp nội dung bị lỗi."};
    }
    // The commune's contacts default to the manifest's, so contacts.json may stay short.
    auto& contacts = bundle.contacts;
    if (contacts.hotline.empty()) contacts.hotline = bundle.manifest.commune.hotline;
    if (contacts.address.empty()) contacts.address = bundle.manifest.commune.address;
    if (contacts.opening_hours.empty()) contacts.opening_hours = bundle.manifest.commune.opening_hours;
    return bundle;
}

Status WriteTextFile(const std::filesystem::path& file, const std::string& contents) {
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    auto temporary = file;
    temporary += ".tmp";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        if (!stream) return Error{"cannot write " + temporary.string(), "Không ghi được tệp " + file.filename().string() + "."};
        stream << contents;
        if (!stream.flush()) return Error{"cannot write " + temporary.string(), "Không ghi được tệp " + file.filename().string() + "."};
    }
    std::filesystem::rename(temporary, file, error);
    if (error) return Error{"cannot replace " + file.string() + ": " + error.message(), "Không ghi được tệp " + file.filename().string() + "."};
    return Success();
}

}  // namespace kiosk::content
