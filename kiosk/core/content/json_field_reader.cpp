#include "kiosk/core/content/json_field_reader.hpp"

#include "kiosk/core/text.hpp"

namespace kiosk::content {
namespace {

// Only spaces of any kind (tabs, no-break spaces, ideographic spaces).
bool IsBlank(const std::string& text) {
    for (unsigned char byte : text)
        if (byte > ' ' && byte < 0x80) return false;  // a visible ASCII character: the usual case, decided at once
    return text::CollapseWhitespace(text).empty();
}

}  // namespace

using nlohmann::json;

JsonFieldReader::JsonFieldReader(const json& object, std::string file, std::string path)
    : object_(&object), file_(std::move(file)), path_(std::move(path)) {
    if (!object_->is_object())
        throw ContentProblem{file_, path_.empty() ? "(top level)" : path_,
                             std::string("must be an object {...}, found ") + JsonTypeName(*object_)};
}

std::string JsonFieldReader::Qualified(const char* key) const {
    return path_.empty() ? std::string(key) : path_ + "." + key;
}

void JsonFieldReader::Fail(const char* key, const std::string& what) const {
    throw ContentProblem{file_, Qualified(key), what};
}

const json* JsonFieldReader::Find(const char* key) const {
    auto it = object_->find(key);
    if (it == object_->end() || it->is_null()) return nullptr;
    return &*it;
}

bool JsonFieldReader::Has(const char* key) const { return Find(key) != nullptr; }

std::string JsonFieldReader::Text(const json& value, const std::string& where, std::size_t max_bytes) const {
    if (!value.is_string()) throw ContentProblem{file_, where, std::string("must be text, found ") + JsonTypeName(value)};
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > max_bytes)
        throw ContentProblem{file_, where,
                             "is " + std::to_string(text.size()) + " bytes long, more than the " + std::to_string(max_bytes) +
                                 " this kind of text may have"};
    // The JSON parser has already refused invalid UTF-8; only the form can be wrong.
    return text::IsNfc(text) ? text : text::NormalizeNfc(text);
}

void JsonFieldReader::CheckListSize(const char* key, const json& list) const {
    if (list.size() > kMaxListItems)
        Fail(key, "lists " + std::to_string(list.size()) + " items, more than the " + std::to_string(kMaxListItems) +
                      " a list may have");
}

std::string JsonFieldReader::RequiredText(const char* key, std::size_t max_bytes) const {
    const json* value = Find(key);
    if (value == nullptr) Fail(key, "is missing (required text)");
    auto text = Text(*value, Qualified(key), max_bytes);
    if (text.empty()) Fail(key, "must not be empty");
    if (IsBlank(text)) Fail(key, "must not be blank (it holds only spaces)");
    return text;
}

std::string JsonFieldReader::OptionalText(const char* key, std::size_t max_bytes) const {
    const json* value = Find(key);
    if (value == nullptr) return {};
    return Text(*value, Qualified(key), max_bytes);
}

long long JsonFieldReader::RequiredInteger(const char* key) const {
    const json* value = Find(key);
    if (value == nullptr) Fail(key, "is missing (required whole number)");
    if (!value->is_number_integer()) Fail(key, std::string("must be a whole number, found ") + JsonTypeName(*value));
    return value->get<long long>();
}

long long JsonFieldReader::OptionalInteger(const char* key, long long fallback) const {
    const json* value = Find(key);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer()) Fail(key, std::string("must be a whole number, found ") + JsonTypeName(*value));
    return value->get<long long>();
}

bool JsonFieldReader::OptionalBoolean(const char* key, bool fallback) const {
    const json* value = Find(key);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) Fail(key, std::string("must be true or false, found ") + JsonTypeName(*value));
    return value->get<bool>();
}

double JsonFieldReader::RequiredNumber(const char* key) const {
    const json* value = Find(key);
    if (value == nullptr) Fail(key, "is missing (required number)");
    if (!value->is_number()) Fail(key, std::string("must be a number, found ") + JsonTypeName(*value));
    return value->get<double>();
}

std::optional<double> JsonFieldReader::OptionalNumber(const char* key) const {
    if (Find(key) == nullptr) return std::nullopt;
    return RequiredNumber(key);
}

std::vector<std::string> JsonFieldReader::OptionalTextList(const char* key) const {
    std::vector<std::string> out;
    const json* value = Find(key);
    if (value == nullptr) return out;
    if (!value->is_array()) Fail(key, std::string("must be a list of text, found ") + JsonTypeName(*value));
    CheckListSize(key, *value);
    for (size_t index = 0; index < value->size(); ++index)
        out.push_back(Text((*value)[index], Qualified(key) + "[" + std::to_string(index) + "]", kMaxTextBytes));
    return out;
}

std::vector<JsonFieldReader> JsonFieldReader::ObjectList(const char* key, bool required) const {
    std::vector<JsonFieldReader> out;
    const json* value = Find(key);
    if (value == nullptr) {
        if (required) Fail(key, "is missing (required list)");
        return out;
    }
    if (!value->is_array()) Fail(key, std::string("must be a list [...], found ") + JsonTypeName(*value));
    CheckListSize(key, *value);
    out.reserve(value->size());
    for (size_t index = 0; index < value->size(); ++index)
        out.emplace_back((*value)[index], file_, Qualified(key) + "[" + std::to_string(index) + "]");
    return out;
}

std::vector<JsonFieldReader> JsonFieldReader::OptionalObjectList(const char* key) const { return ObjectList(key, false); }
std::vector<JsonFieldReader> JsonFieldReader::RequiredObjectList(const char* key) const { return ObjectList(key, true); }

JsonFieldReader JsonFieldReader::RequiredObject(const char* key) const {
    const json* value = Find(key);
    if (value == nullptr) Fail(key, "is missing (required object)");
    return JsonFieldReader(*value, file_, Qualified(key));
}

}  // namespace kiosk::content
