#pragma once
// Vote: one citizen's rating of the service at the desk, exactly as it travels from the
// kiosk's outbox to the commune server. It carries no personal data: no citizen ID, no
// name, no IP. The same definition and the same validation serve the kiosk and the
// reference server, so both sides refuse the same things.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "kiosk/core/result.hpp"

namespace kiosk {

inline constexpr int kMinimumVoteScale = 3;
inline constexpr int kMaximumVoteScale = 5;
inline constexpr std::size_t kMaximumVoteCodeLength = 64;

// Why a vote is kept but not counted. It still reaches the server, marked, and is
// reported apart: anti-abuse must never silently drop a citizen's tap.
enum class Suppression {
    None,
    Cooldown,             // within votes.cooldown_s of the previous counted vote
    DossierAlreadyRated,  // a counted vote for the same dossier code exists
    StaffTest,            // made by staff on "Thử màn hình" to check the path to the server
};

struct Vote {
    std::string uuid;      // UUID v4, lower case; the key for deduplication everywhere
    std::string kiosk_id;
    std::string desk_id;
    int rating = 0;        // fixed numeric code 1..scale, higher is better; labels are display only
    int scale = 3;         // how many faces the kiosk showed (3, 4 or 5)
    std::string procedure_code;  // mã thủ tục, empty when the citizen did not come from one
    std::string field_id;        // lĩnh vực, empty when unknown
    std::string dossier_code;    // mã hồ sơ, empty when not given; one counted vote per dossier
    std::string reason_code;     // reason for a negative vote, empty when none
    std::int64_t recorded_at_ms = 0;  // wall clock, milliseconds since 1970 UTC (may be wrong: see below)
    bool clock_synchronised = false;  // the kernel said the wall clock was NTP-synchronised
    std::int64_t sequence = 0;        // monotonic per outbox; orders votes when the wall clock lies
    Suppression suppression = Suppression::None;

    bool suppressed() const { return suppression != Suppression::None; }
};

// Ratings at or above "Hài lòng" (the second-best face on every scale) count as satisfied.
bool IsSatisfied(int rating, int scale);

// "vote.label.3.2": the key of a rating's label in the interface strings (kiosk/core/i18n),
// the one place the labels are written, so the vote and results screens cannot disagree.
std::string RatingLabelKey(int rating, int scale);
// The official Vietnamese label of a rating on a scale ("Rất hài lòng", "Hài lòng", ...),
// read from those strings. Display only: votes carry the number. Empty outside the scale.
std::string_view RatingLabelVietnamese(int rating, int scale);

std::string NewVoteUuid();
bool IsVoteUuid(std::string_view text);
// Codes (desk, procedure, field, dossier, reason, kiosk): 1..64 of A-Z a-z 0-9 . _ - /
bool IsVoteCode(std::string_view text);

std::string_view SuppressionName(Suppression suppression);  // "", "cooldown", "dossier_already_rated", "staff_test"
std::optional<Suppression> ParseSuppression(std::string_view name);

// "2026-11-23T09:22:13.123Z" and back; the wire format of recorded_at.
std::string FormatUtcTimestamp(std::int64_t unix_ms);
std::optional<std::int64_t> ParseUtcTimestamp(std::string_view text);

// Checks every field; the message names the first field that is wrong.
Status ValidateVote(const Vote& vote);

nlohmann::json VoteToJson(const Vote& vote);
// Reads and validates one vote object from the wire. Unknown keys are ignored so a newer
// kiosk can talk to an older server.
Result<Vote> VoteFromJson(const nlohmann::json& object);

}  // namespace kiosk
