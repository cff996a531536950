// The citizen's screens besides the procedures: a guide walked step by step, the hotline
// with its QR codes, the reform results, the idle timer forgetting the citizen, the
// attract posters, and switching text size and language on the way. Screenshots of each
// stop are written to a temporary directory (and checked to be real pictures).
#include <doctest/doctest.h>

#include "kiosk/ui/screens/guide_pictures.hpp"
#include "kiosk/ui/screens/online_services_screen.hpp"
#include "kiosk/ui/screens/qr_block.hpp"
#include "kiosk/ui/screens/results_screen.hpp"
#include "tests/test_support.hpp"
#include "tests/ui/ui_test_support.hpp"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::testing::HasText;
using kiosk::testing::MakeHeadlessKiosk;

namespace {

Config TestConfig(const kiosk::testing::TemporaryDirectory& data) {
    Config config = kiosk::testing::DemoConfig(data);
    config.idle_timeout_s = 30;
    config.attract_after_s = 120;
    config.votes.cooldown_s = 0;
    return config;
}

void Snapshot(platform::HeadlessKiosk& kiosk, const kiosk::testing::TemporaryDirectory& pictures, const std::string& name) {
    auto file = pictures / (name + ".png");
    REQUIRE(kiosk.SavePng(file).ok());
    CHECK(std::filesystem::file_size(file) > 10000);
}

content::Guide FirstGuide(platform::HeadlessKiosk& kiosk) {
    const catalog::Catalog* catalog = kiosk.services().catalog();
    REQUIRE(catalog);
    auto guides = catalog->Guides();
    REQUIRE(!guides.empty());
    return guides.front();
}

// A centred slogan is drawn line by line: its first line starts the slogan.
bool ShowsSlogan(const platform::HeadlessKiosk& kiosk, const std::string& slogan) {
    for (const auto& text : kiosk.record().texts)
        if (text.text.size() >= 10 && slogan.starts_with(text.text)) return true;
    return false;
}

std::string Counter(size_t step, size_t count) {
    return "Bước " + std::to_string(step) + "/" + std::to_string(count);
}

}  // namespace

TEST_CASE("citizen: a guide is walked with Next to its last step, Back returns, Done goes to the list") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    content::Guide guide = FirstGuide(*kiosk);
    size_t count = guide.steps.size();
    REQUIRE(count >= 3);

    REQUIRE(kiosk->TapLabel("Dịch vụ công trực tuyến"));
    CHECK(HasText(*kiosk, "Toàn trình"));
    CHECK(HasText(*kiosk, "mức độ 4"));
    CHECK(HasText(*kiosk, "mức độ 3"));
    Snapshot(*kiosk, pictures, "online-services");
    REQUIRE(kiosk->TapLabel(guide.title));
    CHECK(kiosk->ui().navigator().Current() == Route{ScreenId::Guide, guide.id});
    CHECK(HasText(*kiosk, Counter(1, count)));
    CHECK(HasText(*kiosk, guide.steps[0].title));
    CHECK_FALSE(kiosk->TapLabel("Bước trước"));  // nothing before the first step
    Snapshot(*kiosk, pictures, "guide-step-1");

    for (size_t step = 2; step <= count; ++step) {
        REQUIRE(kiosk->TapLabel("Bước tiếp"));
        CHECK(HasText(*kiosk, Counter(step, count)));
        CHECK(HasText(*kiosk, guide.steps[step - 1].title));
        kiosk::testing::CheckFrameIsClean(*kiosk, "guide step " + std::to_string(step));
    }
    CHECK_FALSE(kiosk->TapLabel("Bước tiếp"));  // the last step offers "Xong" instead
    Snapshot(*kiosk, pictures, "guide-last-step");

    REQUIRE(kiosk->TapLabel("Bước trước"));
    CHECK(HasText(*kiosk, Counter(count - 1, count)));
    REQUIRE(kiosk->TapLabel("Bước tiếp"));
    REQUIRE(kiosk->TapLabel("Xong"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::OnlineServices);
    REQUIRE(kiosk->TapLabel(guide.title));
    CHECK(HasText(*kiosk, Counter(1, count)));  // opened again, it starts from the beginning
}

TEST_CASE("citizen: every step of every guide shows a picture we drew and a QR code for the phone") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    for (const auto& guide : kiosk->services().catalog()->Guides()) {
        kiosk->ui().navigator().Home();
        kiosk->ui().navigator().Push({ScreenId::OnlineServices, {}});
        kiosk->ui().navigator().Push({ScreenId::Guide, guide.id});
        kiosk->Settle();
        for (size_t step = 0; step < guide.steps.size(); ++step) {
            CAPTURE(guide.id);
            CAPTURE(step);
            CHECK(PictureForStep(guide.steps[step]).has_value());
            if (!guide.qr_url.empty() || !guide.steps[step].url.empty())
                CHECK(HasText(*kiosk, "Quét mã bằng điện thoại để mở trang này"));
            if (step + 1 < guide.steps.size()) REQUIRE(kiosk->TapLabel("Bước tiếp"));
        }
    }
}

TEST_CASE("citizen: the hotline shows the commune's number and the national 1800 1096, each with a QR code") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    REQUIRE(kiosk->TapLabel("Đường dây nóng & phản ánh"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Hotline);
    content::Contacts contacts = kiosk->services().catalog()->Contacts();
    CHECK(HasText(*kiosk, contacts.hotline));
    CHECK(HasText(*kiosk, contacts.opening_hours));
    CHECK(HasText(*kiosk, contacts.address));
    CHECK(HasText(*kiosk, "1800 1096"));
    CHECK(HasText(*kiosk, "nguoidan.chinhphu.vn"));
    CHECK(HasText(*kiosk, "doanhnghiep.chinhphu.vn"));
    int call_captions = 0, page_captions = 0;
    for (const auto& text : kiosk->record().texts) {
        call_captions += text.text == "Quét mã bằng điện thoại để gọi số này";
        page_captions += text.text == "Quét mã bằng điện thoại để mở trang này";
    }
    CHECK(call_captions >= 2);  // the commune's hotline and 1800 1096
    CHECK(page_captions >= 3);  // the portal's PAKN, nguoidan, doanhnghiep
    // The first QR code is black and white modules on the screen, not an empty box.
    auto pixels = kiosk->Pixels();
    size_t dark = 0;
    for (size_t at = 0; at < pixels.size(); at += 4) dark += pixels[at] < 20 && pixels[at + 1] < 20 && pixels[at + 2] < 20;
    CHECK(dark > 20000);
    Snapshot(*kiosk, pictures, "hotline");

    CHECK(TelephoneUri(contacts.hotline) == "tel:02213000000");
    CHECK(TelephoneUri("1800 1096") == "tel:18001096");
    CHECK(TelephoneUri("+84 24 1234 5678") == "tel:+842412345678");
    CHECK(ReadableAddress("https://nguoidan.chinhphu.vn/") == "nguoidan.chinhphu.vn");
    CHECK(ReadableAddress("mailto:dichvucong@chinhphu.vn") == "dichvucong@chinhphu.vn");
}

TEST_CASE("citizen: the results count this kiosk's votes and draw the published indices") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    VoteRecorder* recorder = kiosk->services().vote_recorder();
    REQUIRE(recorder);
    for (int rating : {3, 3, 2, 1}) REQUIRE(recorder->Record(rating).ok());
    REQUIRE(kiosk->TapLabel("Kết quả cải cách hành chính"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Results);
    CHECK(HasText(*kiosk, "75% hài lòng"));  // 3 of 4 at or above "Hài lòng"
    CHECK(HasText(*kiosk, "Trên 4 lượt đánh giá"));
    CHECK(HasText(*kiosk, "Rất hài lòng"));
    auto results = kiosk->services().catalog()->Results();
    REQUIRE(!results.indices.empty());
    CHECK(HasText(*kiosk, results.indices.front().name));
    kiosk::testing::CheckFrameIsClean(*kiosk, "results");
    Snapshot(*kiosk, pictures, "results");

    CHECK(FormatDecimal(87.15, 2, true) == "87,15");
    CHECK(FormatDecimal(64.0, 2, true) == "64");
    CHECK(FormatDecimal(92.4, 1, false) == "92.4");
}

TEST_CASE("citizen: after the idle timeout the countdown shows, then home, and the citizen is forgotten") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    content::Guide guide = FirstGuide(*kiosk);
    REQUIRE(kiosk->TapLabel("Dịch vụ công trực tuyến"));
    REQUIRE(kiosk->TapLabel(guide.title));
    REQUIRE(kiosk->TapLabel("Bước tiếp"));
    REQUIRE(kiosk->TapLabel("Bước tiếp"));
    CHECK(HasText(*kiosk, Counter(3, guide.steps.size())));
    REQUIRE(kiosk->TapLabel("Cỡ chữ A"));
    REQUIRE(kiosk->TapLabel("English"));
    CHECK(kiosk->ui().context().session.language == Language::English);

    kiosk->Wait(31);
    CHECK(kiosk->ui().navigator().State() == IdleState::Countdown);
    CHECK(HasText(*kiosk, "Are you still there?"));
    Snapshot(*kiosk, pictures, "idle-countdown");
    kiosk->Wait(11);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    CHECK(kiosk->ui().navigator().Depth() == 1);
    CHECK(kiosk->ui().context().session.language == Language::Vietnamese);
    CHECK(kiosk->ui().context().session.text_size == TextSize::Normal);

    // The next citizen opens the same guide at its first step.
    REQUIRE(kiosk->TapLabel("Dịch vụ công trực tuyến"));
    REQUIRE(kiosk->TapLabel(guide.title));
    CHECK(HasText(*kiosk, Counter(1, guide.steps.size())));
}

TEST_CASE("citizen: text size and language switch on the guide and hotline screens, and everything still fits") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    content::Guide guide = FirstGuide(*kiosk);
    REQUIRE(kiosk->TapLabel("Dịch vụ công trực tuyến"));
    REQUIRE(kiosk->TapLabel(guide.title));
    REQUIRE(kiosk->TapLabel("Cỡ chữ A"));
    REQUIRE(kiosk->TapLabel("Cỡ chữ A+"));
    CHECK(kiosk->ui().context().session.text_size == TextSize::ExtraLarge);
    kiosk::testing::CheckFrameIsClean(*kiosk, "guide extra large");
    Snapshot(*kiosk, pictures, "guide-extra-large");
    REQUIRE(kiosk->TapLabel("English"));
    CHECK(HasText(*kiosk, "Step 1/" + std::to_string(guide.steps.size())));
    REQUIRE(kiosk->TapLabel("Next step"));
    CHECK(HasText(*kiosk, "Step 2/" + std::to_string(guide.steps.size())));
    kiosk::testing::CheckFrameIsClean(*kiosk, "guide extra large English");
    Snapshot(*kiosk, pictures, "guide-extra-large-english");
    REQUIRE(kiosk->TapLabel("Hotline"));
    CHECK(HasText(*kiosk, "Hotline and feedback"));
    CHECK(HasText(*kiosk, "1800 1096"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "hotline extra large English");
    Snapshot(*kiosk, pictures, "hotline-extra-large-english");
    REQUIRE(kiosk->TapLabel("Tiếng Việt"));
    CHECK(HasText(*kiosk, "Đường dây nóng và phản ánh"));
}

TEST_CASE("citizen: the posters change every few seconds, the kiosk sleeps in between, a touch goes home only") {
    kiosk::testing::TemporaryDirectory data, pictures;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    auto posters = kiosk->services().catalog()->Posters();
    REQUIRE(posters.size() >= 2);
    kiosk->Wait(121, 1.0);
    REQUIRE(kiosk->ui().navigator().State() == IdleState::Attract);
    CHECK(HasText(*kiosk, "Chạm vào màn hình để bắt đầu"));
    CHECK(ShowsSlogan(*kiosk, posters[kiosk->ui().attract_screen().shown_index].text));
    CHECK(kiosk->record().tappables.empty());
    Snapshot(*kiosk, pictures, "attract");

    // Nothing moves between two posters: the loop may sleep until the next one.
    CHECK_FALSE(kiosk->ui().WantsAnotherFrame());
    double sleep = kiosk->ui().SecondsUntilWake(kiosk->now());
    CHECK(sleep > 0.0);
    CHECK(sleep <= AttractScreen::kSecondsPerPoster + 0.01);
    size_t first = kiosk->ui().attract_screen().shown_index;
    kiosk->Wait(AttractScreen::kSecondsPerPoster, 1.0);
    size_t second = kiosk->ui().attract_screen().shown_index;
    CHECK(second != first);
    CHECK(ShowsSlogan(*kiosk, posters[second].text));

    // A touch where the "Dịch vụ công" tile is on the home screen wakes the kiosk at home.
    kiosk->Tap(ImVec2(540, 1100));
    CHECK(kiosk->ui().navigator().State() == IdleState::Active);
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Home);
    CHECK(kiosk->ui().navigator().Depth() == 1);
    CHECK(HasText(*kiosk, "Xin chào! Bạn cần làm gì hôm nay?"));
}

TEST_CASE("citizen: the detail screen's online link leads to the guide for filing online") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    Route route = GuideRouteForOnlineFiling();
    CHECK(route.screen == ScreenId::Guide);
    bool found = false;
    for (const auto& guide : kiosk->services().catalog()->Guides())
        if (guide.id == route.argument) found = guide.title.find("nộp hồ sơ") != std::string::npos;
    CHECK(found);
}

TEST_CASE("citizen: with no content the hotline still offers 1800 1096 and the national channels") {
    kiosk::testing::TemporaryDirectory data, empty_content;
    Config config = TestConfig(data);
    config.content_dir = empty_content.path();
    auto kiosk = MakeHeadlessKiosk(config);
    REQUIRE(kiosk->services().catalog() == nullptr);
    kiosk->ui().navigator().Push({ScreenId::Hotline, {}});
    kiosk->Settle();
    CHECK(HasText(*kiosk, "1800 1096"));
    CHECK(HasText(*kiosk, "nguoidan.chinhphu.vn"));
    CHECK(HasText(*kiosk, "Quét mã bằng điện thoại để gọi số này"));
    kiosk::testing::CheckFrameIsClean(*kiosk, "hotline without content");
    for (ScreenId screen : {ScreenId::OnlineServices, ScreenId::Results}) {
        kiosk->ui().navigator().Push({screen, {}});
        kiosk->Settle();
        CHECK(!kiosk->record().texts.empty());
        kiosk::testing::CheckFrameIsClean(*kiosk, "without content");
    }
    kiosk->ui().navigator().Push({ScreenId::Guide, "kich-hoat-vneid-muc-2"});
    kiosk->Settle();
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::Guide);
    CHECK(!kiosk->record().texts.empty());
}

TEST_CASE("citizen: a guide the content no longer has is explained, not shown blank") {
    kiosk::testing::TemporaryDirectory data;
    auto kiosk = MakeHeadlessKiosk(TestConfig(data));
    kiosk->ui().navigator().Push({ScreenId::OnlineServices, {}});
    kiosk->ui().navigator().Push({ScreenId::Guide, "no-such-guide"});
    kiosk->Settle();
    CHECK(HasText(*kiosk, "Không tìm thấy hướng dẫn này"));
    REQUIRE(kiosk->TapLabel("Quay lại"));
    CHECK(kiosk->ui().navigator().Current().screen == ScreenId::OnlineServices);
}
