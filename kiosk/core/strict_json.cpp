#include "kiosk/core/strict_json.hpp"

#include <set>
#include <vector>

namespace kiosk {

using nlohmann::json;

Result<json> ParseStrictJson(std::string_view text, bool allow_comments) {
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        return Error{"contains a NUL byte at byte " + std::to_string(nul) + " (the file is damaged)"};
    // Each open object's keys so far, and the path to it for the sentence.
    struct OpenObject {
        std::set<std::string> keys;
        std::string last_key;
    };
    std::vector<OpenObject> objects;
    std::string repeated;
    auto watch = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start: objects.emplace_back(); break;
            case json::parse_event_t::object_end:
                if (!objects.empty()) objects.pop_back();
                break;
            case json::parse_event_t::key: {
                auto key = parsed.get<std::string>();
                if (!objects.back().keys.insert(key).second && repeated.empty()) {
                    std::string where;
                    for (std::size_t index = 0; index + 1 < objects.size(); ++index)
                        where += (where.empty() ? "" : ".") + objects[index].last_key;
                    repeated = "repeats the key \"" + key + "\" in one object" +
                               (where.empty() ? std::string(" (at the top level)") : " (in " + where + ")");
                }
                objects.back().last_key = std::move(key);
                break;
            }
            default: break;
        }
        return true;
    };
    try {
        json document = json::parse(text.begin(), text.end(), watch, /*allow_exceptions=*/true, allow_comments);
        if (!repeated.empty()) return Error{repeated};
        return document;
    } catch (const json::parse_error& error) {
        return Error{"is not valid JSON (near byte " + std::to_string(error.byte) + ")"};
    } catch (const json::exception& error) {
        return Error{std::string("is not valid JSON (") + error.what() + ")"};
    }
}

}  // namespace kiosk
