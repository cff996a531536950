// English interface strings, key for key with strings_vi.cpp (a test checks they match).
#include "kiosk/core/i18n/strings.hpp"

namespace kiosk::i18n {

std::vector<Entry> EnglishTable() {
    return {
        {"app.name", "One-Stop Kiosk"},
        {"frame.back", "Back"},
        {"frame.home", "Home"},
        {"frame.hotline", "Hotline"},
        {"frame.rate", "Rate us"},
        {"frame.switch_language", "Tiếng Việt"},
        {"frame.text_size", "Text size"},
        {"frame.text_size.normal", "A"},
        {"frame.text_size.large", "A+"},
        {"frame.text_size.extra_large", "A++"},
        {"frame.demo_content", "Demo data"},

        {"home.greeting", "Hello! What do you need today?"},
        {"home.tile.procedures", "Administrative procedures"},
        {"home.tile.procedures.hint", "Papers to bring, time, fees"},
        {"home.tile.search", "Find a procedure"},
        {"home.tile.search.hint", "Type a few letters, no accents needed"},
        {"home.tile.online", "Online public services"},
        {"home.tile.online.hint", "File from your phone, at home"},
        {"home.tile.hotline", "Hotline & feedback"},
        {"home.tile.hotline.hint", "Call, comment, report a problem"},
        {"home.tile.vote", "Rate our service"},
        {"home.tile.vote.hint", "One tap to rate"},
        {"home.tile.results", "Reform results"},
        {"home.tile.results.hint", "Indices, satisfaction, role models"},

        {"idle.title", "Are you still there?"},
        {"idle.body", "The screen will return home in {0} seconds."},
        {"idle.continue", "Continue"},
        {"attract.touch", "Touch the screen to start"},

        {"content.missing.title", "No procedure data yet"},
        {"content.missing.body", "The kiosk could not load its procedure data. Please ask the staff at the desk."},
    };
}

}  // namespace kiosk::i18n
