#include "kiosk/ui/screen_scenes.hpp"

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
        {"procedure-detail", "one procedure: summary, papers, steps, QR",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::ProcedureDetail, ExampleProcedureCode(ui)}); }},
        {"search", "the search screen with a query typed without diacritics",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Search, {}});
             ui.search_screen().query = "khai sinh";
         }},
        {"search-empty", "the search screen before anything is typed",
         [](KioskUi& ui) { ui.navigator().Push({ScreenId::Search, {}}); }},
        {"search-no-results", "the kind answer when nothing matches",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Search, {}});
             ui.search_screen().query = "xyzq";
         }},
        {"idle-countdown", "the 'are you still there?' countdown over a screen",
         [](KioskUi& ui) {
             ui.navigator().Push({ScreenId::Fields, {}});
             ui.NoteInput(ui.context().now - ui.context().config.idle_timeout_s - 2.5);
         }},
        {"attract", "posters shown while nobody uses the kiosk",
         [](KioskUi& ui) { ui.NoteInput(ui.context().now - ui.context().config.attract_after_s - 1); }},
    };
    return scenes;
}

const Scene* FindScene(const std::string& name) {
    for (const auto& scene : AllScenes())
        if (scene.name == name) return &scene;
    return nullptr;
}

}  // namespace kiosk::ui
