#pragma once
// JsonFieldReader: reads one JSON object of a content file and turns every missing key or
// wrong type into a ContentProblem naming the file and the field ("channels[1].fee.text"),
// so broken content is refused with a sentence a person can act on, never a crash.
//
// Every text read here is normalized to Unicode NFC (ImGui does no shaping: decomposed marks
// would draw displaced), held to a length (content_limits.hpp), and a required text must
// have something besides spaces in it.
#include "kiosk/core/content/content_limits.hpp"
#include "kiosk/core/json_type_name.hpp"
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

// Thrown inside the loaders only; LoadContentDirectory turns it into a kiosk::Error.
struct ContentProblem {
    std::string file;   // e.g. "procedures.jsonl line 12 (1.000894)"
    std::string field;  // e.g. "channels[1].fee.text"
    std::string what;   // e.g. "must be text, found a whole number"
};

class JsonFieldReader {
public:
    JsonFieldReader(const nlohmann::json& object, std::string file, std::string path);

    std::string RequiredText(const char* key, std::size_t max_bytes = kMaxTextBytes) const;
    std::string OptionalText(const char* key, std::size_t max_bytes = kMaxTextBytes) const;
    long long RequiredInteger(const char* key) const;
    long long OptionalInteger(const char* key, long long fallback) const;
    bool OptionalBoolean(const char* key, bool fallback) const;
    double RequiredNumber(const char* key) const;
    std::optional<double> OptionalNumber(const char* key) const;
    std::vector<std::string> OptionalTextList(const char* key) const;
    // The list under key (absent: empty); each element must be an object.
    std::vector<JsonFieldReader> OptionalObjectList(const char* key) const;
    std::vector<JsonFieldReader> RequiredObjectList(const char* key) const;
    JsonFieldReader RequiredObject(const char* key) const;
    bool Has(const char* key) const;

    [[noreturn]] void Fail(const char* key, const std::string& what) const;
    std::string Qualified(const char* key) const;
    const std::string& file() const { return file_; }

private:
    const nlohmann::json* Find(const char* key) const;
    // The text of a string value, NFC, within max_bytes; `where` names it in the sentence.
    std::string Text(const nlohmann::json& value, const std::string& where, std::size_t max_bytes) const;
    void CheckListSize(const char* key, const nlohmann::json& list) const;
    std::vector<JsonFieldReader> ObjectList(const char* key, bool required) const;

    const nlohmann::json* object_;
    std::string file_;
    std::string path_;
};

// "text", "a whole number", … for error sentences.
using kiosk::JsonTypeName;  // kiosk/core/json_type_name.hpp

}  // namespace kiosk::content
