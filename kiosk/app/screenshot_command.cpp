// kiosk screenshot: renders any screen headless to a PNG, with no display.
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/platform/headless_kiosk.hpp"
#include "kiosk/ui/screen_scenes.hpp"

namespace kiosk::app {
namespace {

struct ScreenshotOptions {
    bool list = false;
    std::string screen;
    std::string out;
    std::string size = "1080x1920";
    std::string language;
    std::string text_size;
    std::string theme;
};

int TakeScreenshot(const GlobalOptions& options, const ScreenshotOptions& shot) {
    if (shot.list) {
        for (const auto& scene : ui::AllScenes()) std::cout << scene.name << "\n";
        return 0;
    }
    if (shot.screen.empty() || shot.out.empty()) {
        std::cerr << "kiosk screenshot: give --screen NAME and --out FILE.png (or --list)\n";
        return 2;
    }
    const ui::Scene* scene = ui::FindScene(shot.screen);
    if (!scene) {
        std::cerr << "kiosk screenshot: no screen named \"" << shot.screen << "\"; 'kiosk screenshot --list' names them\n";
        return 2;
    }
    int width = 0, height = 0;
    if (std::sscanf(shot.size.c_str(), "%dx%d", &width, &height) != 2) {
        std::cerr << "kiosk screenshot: --size must look like 1080x1920, got \"" << shot.size << "\"\n";
        return 2;
    }
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    if (shot.language == "en") config->language = Language::English;
    if (shot.language == "vi") config->language = Language::Vietnamese;
    if (shot.text_size == "large") config->text_size = TextSize::Large;
    if (shot.text_size == "extra_large") config->text_size = TextSize::ExtraLarge;
    if (shot.theme == "high_contrast") config->theme = Theme::HighContrast;

    auto kiosk = platform::HeadlessKiosk::Create(*config, width, height);
    if (!kiosk) {
        std::cerr << "kiosk screenshot: " << kiosk.error().message << "\n";
        return 1;
    }
    auto& headless = *kiosk.value();
    headless.Settle();
    scene->enter(headless.ui());
    headless.Settle(4);
    auto saved = headless.SavePng(shot.out);
    if (!saved) {
        std::cerr << "kiosk screenshot: " << saved.error().message << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

void AddScreenshotCommand(CLI::App& app, GlobalOptions& options) {
    auto shot = std::make_shared<ScreenshotOptions>();
    CLI::App* command = app.add_subcommand("screenshot", "render a screen headless to a PNG (no display needed)");
    command->add_flag("--list", shot->list, "print every screen name, one a line");
    command->add_option("--screen", shot->screen, "screen name (see --list)");
    command->add_option("--out", shot->out, "PNG file to write");
    command->add_option("--size", shot->size, "WxH, default 1080x1920 (portrait); 1920x1080 for landscape");
    command->add_option("--lang", shot->language, "interface language")->check(CLI::IsMember({"vi", "en"}));
    command->add_option("--text-size", shot->text_size, "text size")->check(CLI::IsMember({"normal", "large", "extra_large"}));
    command->add_option("--theme", shot->theme, "colour theme")->check(CLI::IsMember({"standard", "high_contrast"}));
    command->callback([&options, shot] { options.exit_code = TakeScreenshot(options, *shot); });
}

}  // namespace kiosk::app
