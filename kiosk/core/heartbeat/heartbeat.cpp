#include "kiosk/core/heartbeat/heartbeat.hpp"

#include "kiosk/core/votes/vote.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

json OptionalInteger(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

Error FieldError(const std::string& field, const std::string& problem) {
    return Error{"heartbeat field \"" + field + "\" " + problem, ""};
}

// A short single-line text: versions and errors are shown in a table cell.
bool IsShortText(const std::string& text, std::size_t maximum) {
    if (text.size() > maximum) return false;
    for (unsigned char character : text)
        if (character < 0x20 || character == 0x7f) return false;
    return true;
}

}  // namespace

std::string_view ScreenStateName(ScreenState screen) { return screen == ScreenState::On ? "on" : "off"; }

json HeartbeatToJson(const Heartbeat& heartbeat) {
    json actions = json::array();
    for (const auto& action : heartbeat.staff_actions)
        actions.push_back({{"sequence", action.sequence},
                           {"at", FormatUtcTimestamp(action.at_ms)},
                           {"action", action.action},
                           {"result", action.result},
                           {"detail", action.detail},
                           {"version_before", action.version_before},
                           {"version_after", action.version_after}});
    return json{{"kiosk_id", heartbeat.kiosk_id},
                {"staff_actions", actions},
                {"sent_at", FormatUtcTimestamp(heartbeat.sent_at_ms)},
                {"clock_synchronised", heartbeat.clock_synchronised},
                {"software_version", heartbeat.software_version},
                {"content_version", heartbeat.content_version},
                {"uptime_s", heartbeat.uptime_s},
                {"votes_pending", OptionalInteger(heartbeat.votes_pending)},
                {"last_error", heartbeat.last_error.empty() ? json(nullptr) : json(heartbeat.last_error)},
                {"last_error_at", heartbeat.last_error_at_ms ? json(FormatUtcTimestamp(*heartbeat.last_error_at_ms))
                                                             : json(nullptr)},
                {"free_disk_bytes", OptionalInteger(heartbeat.free_disk_bytes)},
                {"screen", std::string(ScreenStateName(heartbeat.screen))}};
}

Result<Heartbeat> HeartbeatFromJson(const json& object) {
    if (!object.is_object()) return Error{"the heartbeat must be a JSON object", ""};
    Heartbeat heartbeat;
    auto text = [&](const char* field, std::string& out, std::size_t maximum, bool nullable) -> std::optional<Error> {
        auto found = object.find(field);
        if (found == object.end()) return FieldError(field, "is missing");
        if (nullable && found->is_null()) return std::nullopt;
        if (!found->is_string()) return FieldError(field, nullable ? "must be a string or null" : "must be a string");
        out = found->get<std::string>();
        if (!IsShortText(out, maximum))
            return FieldError(field, "must be one line of at most " + std::to_string(maximum) + " bytes");
        return std::nullopt;
    };
    auto count = [&](const char* field, std::optional<std::int64_t>& out, bool nullable) -> std::optional<Error> {
        auto found = object.find(field);
        if (found == object.end()) return FieldError(field, "is missing");
        if (nullable && found->is_null()) return std::nullopt;
        if (!found->is_number_integer() || found->get<std::int64_t>() < 0)
            return FieldError(field, nullable ? "must be a whole number ≥ 0 or null" : "must be a whole number ≥ 0");
        out = found->get<std::int64_t>();
        return std::nullopt;
    };
    auto time = [&](const char* field, std::optional<std::int64_t>& out, bool nullable) -> std::optional<Error> {
        auto found = object.find(field);
        if (found == object.end()) return FieldError(field, "is missing");
        if (nullable && found->is_null()) return std::nullopt;
        auto parsed = found->is_string() ? ParseUtcTimestamp(found->get<std::string>()) : std::nullopt;
        if (!parsed) return FieldError(field, "must be a UTC time YYYY-MM-DDTHH:MM:SS(.sss)Z");
        out = *parsed;
        return std::nullopt;
    };
    std::optional<std::int64_t> sent_at, uptime;
    std::string screen;
    for (auto problem : {text("kiosk_id", heartbeat.kiosk_id, 64, false), time("sent_at", sent_at, false),
                         text("software_version", heartbeat.software_version, 64, false),
                         text("content_version", heartbeat.content_version, 200, false),
                         count("uptime_s", uptime, false), count("votes_pending", heartbeat.votes_pending, true),
                         text("last_error", heartbeat.last_error, kHeartbeatMaximumTextBytes, true),
                         time("last_error_at", heartbeat.last_error_at_ms, true),
                         count("free_disk_bytes", heartbeat.free_disk_bytes, true),
                         text("screen", screen, 3, false)})
        if (problem) return *problem;
    if (!IsVoteCode(heartbeat.kiosk_id)) return FieldError("kiosk_id", "must be 1-64 of A-Z a-z 0-9 . _ - /");
    auto synchronised = object.find("clock_synchronised");
    if (synchronised == object.end() || !synchronised->is_boolean())
        return FieldError("clock_synchronised", "must be true or false");
    heartbeat.clock_synchronised = synchronised->get<bool>();
    if (screen != "on" && screen != "off") return FieldError("screen", "must be \"on\" or \"off\"");
    heartbeat.screen = screen == "on" ? ScreenState::On : ScreenState::Off;
    heartbeat.sent_at_ms = *sent_at;
    heartbeat.uptime_s = *uptime;
    if (auto actions = object.find("staff_actions"); actions != object.end()) {
        if (!actions->is_array() || actions->size() > kHeartbeatMaximumStaffActions)
            return FieldError("staff_actions", "must be a list of at most " + std::to_string(kHeartbeatMaximumStaffActions) +
                                                   " staff actions");
        for (const auto& item : *actions) {
            if (!item.is_object()) return FieldError("staff_actions", "must hold objects");
            StaffActionReport action;
            auto number = [&](const char* field, std::int64_t& out) {
                auto found = item.find(field);
                if (found == item.end() || !found->is_number_integer() || found->get<std::int64_t>() < 0) return false;
                out = found->get<std::int64_t>();
                return true;
            };
            auto words = [&](const char* field, std::string& out, std::size_t maximum) {
                auto found = item.find(field);
                if (found == item.end() || !found->is_string()) return false;
                out = found->get<std::string>();
                return IsShortText(out, maximum);
            };
            auto at = item.find("at");
            auto parsed_at = at != item.end() && at->is_string() ? ParseUtcTimestamp(at->get<std::string>()) : std::nullopt;
            if (!parsed_at || !number("sequence", action.sequence) || !number("version_before", action.version_before) ||
                !number("version_after", action.version_after) || !words("action", action.action, 64) ||
                !words("result", action.result, 32) || !words("detail", action.detail, kHeartbeatMaximumTextBytes))
                return FieldError("staff_actions", "entry " + std::to_string(heartbeat.staff_actions.size()) +
                                                       " must have sequence, at, action, result, detail, version_before "
                                                       "and version_after");
            action.at_ms = *parsed_at;
            heartbeat.staff_actions.push_back(std::move(action));
        }
    }
    return heartbeat;
}

}  // namespace kiosk
