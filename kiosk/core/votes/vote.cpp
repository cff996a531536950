#include "kiosk/core/votes/vote.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <mutex>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "kiosk/core/i18n/strings.hpp"

namespace kiosk {
namespace {

using nlohmann::json;

void EnsureSodium() {
    static std::once_flag once;
    // sodium_init picks the best randomness source once; randombytes works without it,
    // but calling it keeps libsodium from lazily initialising on two threads at once.
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            // randombytes_buf still falls back to the kernel's getrandom(); nothing to do.
        }
    });
}

bool IsHexDigit(char character) {
    return (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f');
}

Error FieldError(std::string_view field, std::string_view problem) {
    return Error{"vote field \"" + std::string(field) + "\" " + std::string(problem), ""};
}

}  // namespace

bool IsSatisfied(int rating, int scale) { return rating >= scale - 1 && rating <= scale; }

std::string RatingLabelKey(int rating, int scale) {
    return "vote.label." + std::to_string(scale) + "." + std::to_string(rating);
}

std::string_view RatingLabelVietnamese(int rating, int scale) {
    if (scale < kMinimumVoteScale || scale > kMaximumVoteScale || rating < 1 || rating > scale) return {};
    return i18n::Get(Language::Vietnamese, RatingLabelKey(rating, scale));
}

std::string NewVoteUuid() {
    EnsureSodium();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t index = 0; index < bytes.size(); ++index) {
        if (index == 4 || index == 6 || index == 8 || index == 10) text += '-';
        text += digits[bytes[index] >> 4];
        text += digits[bytes[index] & 0x0F];
    }
    return text;
}

bool IsVoteUuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        bool dash_position = index == 8 || index == 13 || index == 18 || index == 23;
        if (dash_position ? text[index] != '-' : !IsHexDigit(text[index])) return false;
    }
    return true;
}

bool IsVoteCode(std::string_view text) {
    if (text.empty() || text.size() > kMaximumVoteCodeLength) return false;
    for (char character : text) {
        bool allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                       (character >= '0' && character <= '9') || character == '.' || character == '_' ||
                       character == '-' || character == '/';
        if (!allowed) return false;
    }
    return true;
}

std::string_view SuppressionName(Suppression suppression) {
    switch (suppression) {
        case Suppression::Cooldown: return "cooldown";
        case Suppression::DossierAlreadyRated: return "dossier_already_rated";
        case Suppression::StaffTest: return "staff_test";
        case Suppression::None: break;
    }
    return "";
}

std::optional<Suppression> ParseSuppression(std::string_view name) {
    if (name.empty()) return Suppression::None;
    if (name == "cooldown") return Suppression::Cooldown;
    if (name == "dossier_already_rated") return Suppression::DossierAlreadyRated;
    if (name == "staff_test") return Suppression::StaffTest;
    return std::nullopt;
}

std::string FormatUtcTimestamp(std::int64_t unix_ms) {
    std::int64_t seconds = unix_ms >= 0 ? unix_ms / 1000 : (unix_ms - 999) / 1000;
    int milliseconds = static_cast<int>(unix_ms - seconds * 1000);
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, milliseconds);
    return buffer;
}

std::optional<std::int64_t> ParseUtcTimestamp(std::string_view text) {
    // Exactly YYYY-MM-DDTHH:MM:SS[.fff]Z: one spelling on the wire keeps other
    // implementations honest and the parser small.
    auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        if (at + length > text.size()) return std::nullopt;
        int value = 0;
        for (std::size_t index = at; index < at + length; ++index) {
            if (text[index] < '0' || text[index] > '9') return std::nullopt;
            value = value * 10 + (text[index] - '0');
        }
        return value;
    };
    if (text.size() != 20 && text.size() != 24) return std::nullopt;
    if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text.back() != 'Z')
        return std::nullopt;
    auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
    auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    int milliseconds = 0;
    if (text.size() == 24) {
        if (text[19] != '.') return std::nullopt;
        auto fraction = number(20, 3);
        if (!fraction) return std::nullopt;
        milliseconds = *fraction;
    }
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60)
        return std::nullopt;
    std::tm parts{};
    parts.tm_year = *year - 1900;
    parts.tm_mon = *month - 1;
    parts.tm_mday = *day;
    parts.tm_hour = *hour;
    parts.tm_min = *minute;
    parts.tm_sec = *second;
    std::time_t seconds = timegm(&parts);
    if (parts.tm_mday != *day) return std::nullopt;  // 31 February rolled over: not a date
    return static_cast<std::int64_t>(seconds) * 1000 + milliseconds;
}

Status ValidateVote(const Vote& vote) {
    if (!IsVoteUuid(vote.uuid)) return FieldError("uuid", "must be a lower-case UUID (8-4-4-4-12 hex digits)");
    if (!IsVoteCode(vote.kiosk_id)) return FieldError("kiosk_id", "must be 1-64 of A-Z a-z 0-9 . _ - /");
    if (!IsVoteCode(vote.desk_id)) return FieldError("desk_id", "must be 1-64 of A-Z a-z 0-9 . _ - /");
    if (vote.scale < kMinimumVoteScale || vote.scale > kMaximumVoteScale)
        return FieldError("scale", "must be 3, 4 or 5");
    if (vote.rating < 1 || vote.rating > vote.scale)
        return FieldError("rating", "must be between 1 and the scale (" + std::to_string(vote.scale) + ")");
    for (auto [name, value] : {std::pair<std::string_view, const std::string*>{"procedure_code", &vote.procedure_code},
                               {"field_id", &vote.field_id},
                               {"dossier_code", &vote.dossier_code},
                               {"reason_code", &vote.reason_code}})
        if (!value->empty() && !IsVoteCode(*value))
            return FieldError(name, "must be absent or 1-64 of A-Z a-z 0-9 . _ - /");
    if (vote.sequence < 1) return FieldError("sequence", "must be a whole number from 1");
    if (vote.recorded_at_ms < 0) return FieldError("recorded_at", "must not be before 1970");
    return Success();
}

json VoteToJson(const Vote& vote) {
    auto optional_text = [](const std::string& value) { return value.empty() ? json(nullptr) : json(value); };
    return json{
        {"uuid", vote.uuid},
        {"kiosk_id", vote.kiosk_id},
        {"desk_id", vote.desk_id},
        {"rating", vote.rating},
        {"scale", vote.scale},
        {"procedure_code", optional_text(vote.procedure_code)},
        {"field_id", optional_text(vote.field_id)},
        {"dossier_code", optional_text(vote.dossier_code)},
        {"reason_code", optional_text(vote.reason_code)},
        {"recorded_at", FormatUtcTimestamp(vote.recorded_at_ms)},
        {"clock_synchronised", vote.clock_synchronised},
        {"sequence", vote.sequence},
        {"suppressed", vote.suppressed()},
        {"suppression", vote.suppressed() ? json(std::string(SuppressionName(vote.suppression))) : json(nullptr)},
    };
}

Result<Vote> VoteFromJson(const json& object) {
    if (!object.is_object()) return Error{"a vote must be a JSON object", ""};
    Vote vote;
    auto text = [&](const char* key, std::string& out, bool required) -> std::optional<Error> {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) return FieldError(key, "is missing");
            return std::nullopt;
        }
        if (!it->is_string()) return FieldError(key, "must be text");
        out = it->get<std::string>();
        return std::nullopt;
    };
    auto integer = [&](const char* key, std::int64_t& out) -> std::optional<Error> {
        auto it = object.find(key);
        if (it == object.end()) return FieldError(key, "is missing");
        if (!it->is_number_integer()) return FieldError(key, "must be a whole number");
        if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
            return FieldError(key, "is too large");
        out = it->get<std::int64_t>();
        return std::nullopt;
    };
    auto boolean = [&](const char* key, bool& out) -> std::optional<Error> {
        auto it = object.find(key);
        if (it == object.end()) return FieldError(key, "is missing");
        if (!it->is_boolean()) return FieldError(key, "must be true or false");
        out = it->get<bool>();
        return std::nullopt;
    };
    std::int64_t rating = 0, scale = 0;
    std::string recorded_at, suppression;
    bool suppressed = false;
    for (auto problem : {text("uuid", vote.uuid, true), text("kiosk_id", vote.kiosk_id, true),
                         text("desk_id", vote.desk_id, true), integer("rating", rating), integer("scale", scale),
                         text("procedure_code", vote.procedure_code, false), text("field_id", vote.field_id, false),
                         text("dossier_code", vote.dossier_code, false),
                         text("reason_code", vote.reason_code, false), text("recorded_at", recorded_at, true),
                         boolean("clock_synchronised", vote.clock_synchronised),
                         integer("sequence", vote.sequence), boolean("suppressed", suppressed),
                         text("suppression", suppression, false)})
        if (problem) return *problem;
    if (scale < kMinimumVoteScale || scale > kMaximumVoteScale) return FieldError("scale", "must be 3, 4 or 5");
    if (rating < 1 || rating > scale) return FieldError("rating", "must be between 1 and the scale");
    vote.rating = static_cast<int>(rating);
    vote.scale = static_cast<int>(scale);
    auto recorded = ParseUtcTimestamp(recorded_at);
    if (!recorded) return FieldError("recorded_at", "must look like 2026-11-23T09:22:13.123Z");
    vote.recorded_at_ms = *recorded;
    auto parsed_suppression = ParseSuppression(suppression);
    if (!parsed_suppression) return FieldError("suppression", "must be null, \"cooldown\", \"dossier_already_rated\" or \"staff_test\"");
    if (suppressed != (*parsed_suppression != Suppression::None))
        return FieldError("suppressed", "must be true exactly when \"suppression\" names a reason");
    vote.suppression = *parsed_suppression;
    if (auto valid = ValidateVote(vote); !valid) return valid.error();
    return vote;
}

}  // namespace kiosk
