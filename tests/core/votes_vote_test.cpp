#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_clock.hpp"

using namespace kiosk;

namespace {

Vote SampleVote() {
    Vote vote;
    vote.uuid = NewVoteUuid();
    vote.kiosk_id = "xa-tan-lap-01";
    vote.desk_id = "quay-2";
    vote.rating = 1;
    vote.scale = 3;
    vote.procedure_code = "1.000894";
    vote.dossier_code = "000.00.12.H19-231123-0001";
    vote.reason_code = "cho-lau";
    vote.recorded_at_ms = 1'763'880'000'123;
    vote.clock_synchronised = true;
    vote.sequence = 7;
    vote.suppression = Suppression::Cooldown;
    return vote;
}

}  // namespace

TEST_CASE("votes: UUIDs are version 4, lower case, and do not repeat") {
    std::set<std::string> seen;
    for (int index = 0; index < 1000; ++index) {
        std::string uuid = NewVoteUuid();
        CHECK(IsVoteUuid(uuid));
        CHECK(uuid[14] == '4');
        CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
        seen.insert(uuid);
    }
    CHECK(seen.size() == 1000);
    CHECK_FALSE(IsVoteUuid("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    CHECK_FALSE(IsVoteUuid("not-a-uuid"));
}

TEST_CASE("votes: satisfied means Hài lòng or better on every scale") {
    CHECK(IsSatisfied(3, 3));
    CHECK(IsSatisfied(2, 3));
    CHECK_FALSE(IsSatisfied(1, 3));
    CHECK(IsSatisfied(4, 5));
    CHECK_FALSE(IsSatisfied(3, 5));
    CHECK_FALSE(IsSatisfied(2, 4));
    CHECK(RatingLabelVietnamese(2, 3) == "Hài lòng");
    CHECK(RatingLabelVietnamese(3, 3) == "Rất hài lòng");
    CHECK(RatingLabelVietnamese(1, 3) == "Không hài lòng");
    CHECK(RatingLabelVietnamese(4, 5) == "Hài lòng");
    CHECK(RatingLabelVietnamese(3, 4) == "Hài lòng");
    CHECK(RatingLabelVietnamese(4, 3).empty());
}

TEST_CASE("votes: timestamps round-trip and impossible dates are refused") {
    CHECK(FormatUtcTimestamp(0) == "1970-01-01T00:00:00.000Z");
    CHECK(FormatUtcTimestamp(1'763'880'000'123) == "2025-11-23T06:40:00.123Z");
    CHECK(ParseUtcTimestamp("2025-11-23T06:40:00.123Z") == 1'763'880'000'123);
    CHECK(ParseUtcTimestamp("2025-11-23T06:40:00Z") == 1'763'880'000'000);
    CHECK_FALSE(ParseUtcTimestamp("2025-02-31T00:00:00Z"));
    CHECK_FALSE(ParseUtcTimestamp("2025-11-23 06:40:00Z"));
    CHECK_FALSE(ParseUtcTimestamp("2025-11-23T06:40:00+07:00"));
    CHECK_FALSE(ParseUtcTimestamp(""));
}

TEST_CASE("votes: JSON round-trip keeps every field") {
    Vote vote = SampleVote();
    auto read = VoteFromJson(VoteToJson(vote));
    REQUIRE(read.ok());
    CHECK(read->uuid == vote.uuid);
    CHECK(read->kiosk_id == vote.kiosk_id);
    CHECK(read->desk_id == vote.desk_id);
    CHECK(read->rating == 1);
    CHECK(read->scale == 3);
    CHECK(read->procedure_code == vote.procedure_code);
    CHECK(read->field_id.empty());
    CHECK(read->dossier_code == vote.dossier_code);
    CHECK(read->reason_code == "cho-lau");
    CHECK(read->recorded_at_ms == vote.recorded_at_ms);
    CHECK(read->clock_synchronised);
    CHECK(read->sequence == 7);
    CHECK(read->suppression == Suppression::Cooldown);
    CHECK(VoteToJson(vote)["field_id"].is_null());
}

TEST_CASE("votes: the wire format refuses wrong types and values, naming the field") {
    auto with = [](const char* key, nlohmann::json value) {
        auto object = VoteToJson(SampleVote());
        object[key] = std::move(value);
        return VoteFromJson(object);
    };
    auto refused = [](const Result<Vote>& result, const char* field) {
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message.find(field) != std::string::npos);
    };
    refused(with("rating", 4), "rating");
    refused(with("rating", 0), "rating");
    refused(with("rating", "3"), "rating");
    refused(with("rating", 2.5), "rating");
    refused(with("scale", 7), "scale");
    refused(with("uuid", "abc"), "uuid");
    refused(with("uuid", 12), "uuid");
    refused(with("kiosk_id", ""), "kiosk_id");
    refused(with("desk_id", "quầy 1"), "desk_id");
    refused(with("recorded_at", "yesterday"), "recorded_at");
    refused(with("sequence", 0), "sequence");
    refused(with("sequence", 18446744073709551615ull), "sequence");
    refused(with("suppressed", "no"), "suppressed");
    refused(with("suppression", "because"), "suppression");
    refused(with("suppressed", false), "suppressed");  // says cooldown but claims not suppressed
    refused(with("reason_code", std::string(65, 'a')), "reason_code");
    auto object = VoteToJson(SampleVote());
    object.erase("clock_synchronised");
    refused(VoteFromJson(object), "clock_synchronised");
    CHECK_FALSE(VoteFromJson(nlohmann::json::array()).ok());
    auto extra = VoteToJson(SampleVote());
    extra["from_the_future"] = true;
    CHECK(VoteFromJson(extra).ok());
}

TEST_CASE("votes: the system clock gives a boot id and a monotonic reading that does not go back") {
    const auto& clock = SystemVoteClock::Instance();
    auto first = clock.MonotonicNow();
    auto second = clock.MonotonicNow();
    CHECK_FALSE(first.boot_id.empty());
    CHECK(first.boot_id == second.boot_id);
    CHECK(second.milliseconds >= first.milliseconds);
    CHECK(clock.WallNowMilliseconds() > 1'600'000'000'000);
    (void)clock.IsWallClockSynchronised();  // either answer is right; it must not crash unprivileged
}
