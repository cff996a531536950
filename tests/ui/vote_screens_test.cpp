#include <doctest/doctest.h>

#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/core/votes/vote.hpp"
#include "kiosk/ui/screens/vote_reason_screen.hpp"
#include "kiosk/ui/screens/vote_screen.hpp"
#include "kiosk/ui/services.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::MakeHeadlessKiosk;

namespace {

Config VoteConfig(const kiosk::testing::TemporaryDirectory& data) {
    Config config = kiosk::testing::DemoConfig(data);
    config.votes.cooldown_s = 0;  // these tests vote several times in a row on purpose
    return config;
}

std::vector<Vote> AllVotes(platform::HeadlessKiosk& kiosk) {
    auto votes = kiosk.services().vote_outbox()->ReadAll();
    REQUIRE(votes.ok());
    return votes.value();
}

}  // namespace

TEST_CASE("ui: one tap on a face stores one vote before the thank-you, which returns home by itself") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(VoteConfig(data));
    REQUIRE(kiosk->TapLabel("Đánh giá mức độ hài lòng"));
    REQUIRE(kiosk->ui().navigator().Current().screen == ScreenId::Vote);
    REQUIRE(kiosk->TapLabel("Rất hài lòng"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::VoteThanks);
    auto votes = AllVotes(*kiosk);
    REQUIRE(votes.size() == 1);
    CHECK(votes[0].rating == 3);
    CHECK(votes[0].scale == 3);
    CHECK(kiosk::testing::HasText(*kiosk, "Cảm ơn bạn đã đánh giá!"));
    kiosk->Wait(kThanksSeconds + 1);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    CHECK(AllVotes(*kiosk).size() == 1);
}

TEST_CASE("ui: a finger that slides from one face to another votes nothing") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(VoteConfig(data));
    kiosk->ui().navigator().Push({ScreenId::Vote, {}});
    kiosk->Settle();
    ImVec2 best, worst;
    for (const auto& item : kiosk->record().tappables) {
        if (item.label == "Rất hài lòng") best = item.Center();
        if (item.label == "Không hài lòng") worst = item.Center();
    }
    kiosk->Drag(best, worst);
    kiosk->Settle();
    CHECK(AllVotes(*kiosk).empty());
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Vote);
}

TEST_CASE("ui: a negative vote asks why — the reason travels with that same vote") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(VoteConfig(data));
    auto reasons = kiosk->services().catalog()->VoteReasons();
    REQUIRE_FALSE(reasons.empty());
    // The citizen came from a procedure: the vote carries its code, nothing personal.
    kiosk->ui().navigator().Push({ScreenId::ProcedureDetail, "1.001193"});
    kiosk->ui().navigator().Push({ScreenId::Vote, {}});
    kiosk->Settle();
    REQUIRE(kiosk->TapLabel("Không hài lòng"));
    REQUIRE(kiosk->ui().navigator().Current().screen == ScreenId::VoteReason);
    REQUIRE(kiosk->TapLabel(reasons.front()));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::VoteThanks);
    auto votes = AllVotes(*kiosk);
    REQUIRE(votes.size() == 1);
    CHECK(votes[0].rating == 1);
    CHECK(votes[0].reason_code == ReasonCode(reasons.front()));
    CHECK(votes[0].procedure_code == "1.001193");
}

TEST_CASE("ui: desk mode makes the vote the home screen, with a 5-level scale from config") {
    kiosk::testing::TemporaryDirectory data;
    Config config = VoteConfig(data);
    config.votes.desk_mode = true;
    config.votes.scale = 5;
    auto kiosk = MakeHeadlessKiosk(config);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Vote);
    CHECK(kiosk::testing::HasText(*kiosk, "Rất không hài lòng"));
    REQUIRE(kiosk->TapLabel("Hài lòng"));
    auto votes = AllVotes(*kiosk);
    REQUIRE(votes.size() == 1);
    CHECK(votes[0].rating == 4);
    CHECK(votes[0].scale == 5);
    kiosk->Wait(kThanksSeconds + 1);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Vote);
}

TEST_CASE("vote faces: moods and reason codes") {
    CHECK(MoodOf(3, 3) > MoodOf(2, 3));
    CHECK(MoodOf(2, 3) > 0);  // "Hài lòng" smiles
    CHECK(MoodOf(1, 3) < 0);
    CHECK(MoodOf(3, 5) == doctest::Approx(0));  // "Bình thường"
    CHECK(ReasonCode("Chờ đợi lâu") == "cho-doi-lau");
    CHECK(ReasonCode("Khác") == "khac");
    CHECK(IsVoteCode(ReasonCode("Thái độ chưa tốt, thiếu hướng dẫn!")));
}

TEST_CASE("ui: the results screen names each face as the vote screen did (one source for the labels)") {
    kiosk::testing::TemporaryDirectory data;
    Config config = VoteConfig(data);
    config.votes.scale = 4;
    auto kiosk = MakeHeadlessKiosk(config);
    kiosk->ui().navigator().Push({ScreenId::Vote, {}});
    kiosk->Settle();
    CHECK(kiosk::testing::HasText(*kiosk, "Bình thường"));  // rating 2 of 4 on the vote screen
    REQUIRE(kiosk->services().vote_recorder()->Record(2).ok());
    kiosk->ui().navigator().Push({ScreenId::Results, {}});
    kiosk->Settle();
    CHECK(kiosk::testing::HasText(*kiosk, "Bình thường"));
    CHECK_FALSE(kiosk::testing::HasText(*kiosk, "Chưa hài lòng"));
    for (int scale = kMinimumVoteScale; scale <= kMaximumVoteScale; ++scale)
        for (int rating = 1; rating <= scale; ++rating)
            CHECK(RatingLabelVietnamese(rating, scale) == i18n::Get(Language::Vietnamese, RatingLabelKey(rating, scale)));
}
