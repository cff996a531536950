#include "kiosk/ui/screen_scenes.hpp"

namespace kiosk::ui {

const std::vector<Scene>& AllScenes() {
    static const std::vector<Scene> scenes = {
        {"home", "the home screen with its sections", [](KioskUi&) {}},
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
