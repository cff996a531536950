#include "kiosk/ui/screen_scenes.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/services.hpp"

namespace kiosk::ui {
namespace {

const catalog::Catalog* CatalogOf(KioskUi& ui) {
    return ui.context().services ? ui.context().services->catalog() : nullptr;
}

// A procedure every commune handles, found the way a citizen would find it.
std::string ExampleProcedureCode(KioskUi& ui) {
    const catalog::Catalog* catalog = CatalogOf(ui);
    if (!catalog) return {};
    auto hits = catalog->Search("dang ky khai sinh", 1);
    return hits.empty() ? std::string() : hits.front().code;
}

std::string FirstFieldId(KioskUi& ui) {
    const catalog::Catalog* catalog = CatalogOf(ui);
    if (!catalog) return {};
    auto fields = catalog->Fields();
    return fields.empty() ? std::string() : fields.front().id;
}

// The guide at `guide_index` (the last one if fewer), at `step` (the last if fewer).
void OpenGuideStep(KioskUi& ui, size_t guide_index, size_t step) {
    const catalog::Catalog* catalog = CatalogOf(ui);
    auto guides = catalog ? catalog->Guides() : std::vector<content::Guide>{};
    ui.navigator().Push({ScreenId::OnlineServices, {}});
    if (guides.empty()) return;
    const content::Guide& guide = guides[std::min(guide_index, guides.size() - 1)];
    ui.navigator().Push({ScreenId::Guide, guide.id});
    ui.screens().guide = GuideScreen{};
    ui.screens().guide.loaded_id = guide.id;
    ui.screens().guide.guide = guide;
    ui.screens().guide.step = std::min(step, guide.steps.size() - 1);
}

// Staff screens lie behind the PIN; a scene opens staff mode the way the right PIN does.
void EnterStaffMode(KioskUi& ui, ScreenId screen) {
    ui.context().staff_mode_open = true;
    ui.navigator().Push({ScreenId::StaffStatus, {}});
    if (screen != ScreenId::StaffStatus) ui.navigator().Push({screen, {}});
}

// A finger's squiggle on the touch test, so the picture shows what the test looks like in use.
std::vector<ImVec2> Squiggle(ImVec2 display) {
    std::vector<ImVec2> points;
    bool landscape = display.x > display.y;
    float width = landscape ? display.x * 0.45f : display.x * 0.8f;
    float left = display.x * 0.1f, top = display.y * (landscape ? 0.35f : 0.2f);
    for (int step = 0; step <= 60; ++step) {
        float t = static_cast<float>(step) / 60.0f;
        points.push_back(ImVec2(left + width * t, top + display.y * 0.06f * std::sin(t * 12.0f)));
    }
    return points;
}

}  // namespace

const std::vector<Scene>& AllScenes() {
    static const std::vector<Scene> scenes = {
        {"home", "the home screen with its sections", [](KioskUi&) {}},
        {"fields", "the fields (lĩnh vực) with their procedure counts",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Fields, {}}); }},
        {"field-procedures", "the procedures of the first field",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Fields, {}});
             ui.navigator().Push({ScreenId::FieldProcedures, FirstFieldId(ui)});
         }},
        {"procedure-detail", "khai sinh: time, fee, where, online, papers, QR; then the full text and legal information",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::ProcedureDetail, ExampleProcedureCode(ui)}); }},
        {"search", "the search screen with a query typed without diacritics",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Search, {}});
             ui.screens().search.query = "khai sinh";
         }},
        {"search-empty", "the search screen before anything is typed",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Search, {}}); }},
        {"search-no-results", "the kind answer when nothing matches",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Search, {}});
             ui.screens().search.query = "xyzq";
         }},
        {"vote", "the satisfaction faces",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Vote, {}}); }},
        {"vote-reason", "why not satisfied, after a negative vote (nothing is recorded by the scene)",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::VoteReason, "00000000-0000-4000-8000-000000000000"}); }},
        {"vote-thanks", "the thank-you that returns by itself",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::VoteThanks, {}}); }},
        {"online-services", "the online-service guides and what toàn trình / một phần mean",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::OnlineServices, {}}); }},
        {"guide", "the first step of the first guide",
         [](KioskUi& ui) { OpenGuideStep(ui, 0, 0); }},
        {"guide-middle-step", "a later step of the guide to filing online, with its picture and QR",
         [](KioskUi& ui) { OpenGuideStep(ui, 2, 3); }},
        {"guide-last-step", "the last step of a guide, where Next becomes Done",
         [](KioskUi& ui) { OpenGuideStep(ui, 5, 99); }},
        {"hotline", "the commune's hotline, address and hours, and the feedback channels with QR codes",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Hotline, {}}); }},
        {"results", "satisfaction counted on this kiosk, published indices, exemplary people",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Results, {}}); }},
        {"idle-countdown", "the 'are you still there?' countdown over a screen",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Fields, {}});
             ui.NoteInput(ui.context().now - ui.context().config.idle_timeout_s - 2.5);
         }},
        {"attract", "posters shown while nobody uses the kiosk",
         [](KioskUi& ui) { ui.NoteInput(ui.context().now - ui.context().config.attract_after_s - 1); }},
        {"staff-pin", "staff mode: the PIN pad the hidden gesture opens, two digits typed",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::StaffPin, {}});
             ui.staff_screens().pin.digits = "12";
         }},
        {"staff-pin-wrong", "staff mode: the PIN pad after a wrong PIN",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::StaffPin, {}});
             ui.staff_screens().pin.message = i18n::Format(ui.context().S("staff.pin.wrong"), {"4"});
             ui.staff_screens().pin.message_is_warning = true;
         }},
        {"staff-status", "staff mode: the kiosk's health, content, votes, server, errors and audit",
         [](KioskUi& ui) { EnterStaffMode(ui, ScreenId::StaffStatus); }},
        {"staff-usb", "staff mode: Cập nhật từ USB with no stick plugged in",
         [](KioskUi& ui) {
             EnterStaffMode(ui, ScreenId::StaffUsb);
             ui.staff_screens().usb.sticks->emplace();  // the watcher's first scan, not waited for
         }},
        {"staff-server", "staff mode: Cập nhật từ máy chủ (what the commune server offers, check now, install)",
         [](KioskUi& ui) { EnterStaffMode(ui, ScreenId::StaffServer); }},
        {"staff-rollback", "staff mode: Quay lại phiên bản trước (the version shown now and the one before it)",
         [](KioskUi& ui) { EnterStaffMode(ui, ScreenId::StaffRollback); }},
        {"staff-screen-test", "staff mode: touch test, grey ramp and orientation, test vote",
         [](KioskUi& ui) {
             EnterStaffMode(ui, ScreenId::StaffScreenTest);
             ui.staff_screens().screen_test.strokes = {Squiggle(ui.context().display_size)};
         }},
    };
    return scenes;
}

const Scene* FindScene(const std::string& name) {
    for (const auto& scene : AllScenes())
        if (scene.name == name) return &scene;
    return nullptr;
}

}  // namespace kiosk::ui
