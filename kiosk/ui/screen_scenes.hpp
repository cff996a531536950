#pragma once
// Named scenes for screenshots and tests: each puts the kiosk on one screen in a state a
// citizen would see (a real procedure open, a query typed …). `kiosk screenshot --list`
// prints these names.
#include <functional>
#include <string>
#include <vector>

#include "kiosk/ui/kiosk_ui.hpp"

namespace kiosk::ui {

struct Scene {
    std::string name;
    std::string description;
    std::function<void(KioskUi&)> enter;  // navigates the UI to the scene
};

const std::vector<Scene>& AllScenes();
const Scene* FindScene(const std::string& name);

}  // namespace kiosk::ui
