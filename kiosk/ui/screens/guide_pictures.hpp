#pragma once
// Pictures for the steps of an online-service guide, drawn with ImGui primitives: a phone
// with an app, a form, a bank card, an envelope … Made by us, so nothing is copied and
// nothing needs a texture. A step names its picture in content as "drawn:<name>"
// (names below); a step with no picture gets the one its title (or text) suggests, so
// the demo guides, written before the pictures, still show one per step.
#include <imgui.h>

#include <optional>
#include <string_view>

#include "kiosk/core/content/guide.hpp"

namespace kiosk::ui {

enum class GuidePicture {
    Counter,      // "counter": the desk at the commune (police, one-stop desk)
    PhoneApp,     // "phone-app": a phone with the app to install
    PhoneCode,    // "phone-code": a message with a six-digit code
    PhoneLock,    // "phone-lock": a padlock and a password
    PhoneCheck,   // "phone-check": a big tick on the phone (confirmed)
    Browser,      // "browser": the portal's page with its login button
    Search,       // "search": a list and a magnifying glass
    Place,        // "place": a map pin (where the dossier is handled)
    Form,         // "form": a form being filled with a pen
    Attach,       // "attach": a paper with a paper clip
    Submit,       // "submit": a paper going up, with its dossier code
    Pay,          // "pay": a bank card and coins
    Receipt,      // "receipt": a receipt with a tick
    Track,        // "track": the steps of a dossier, two done
    Post,         // "post": an envelope on its way to a house
    Call,         // "call": a telephone and a speech bubble
    Download,     // "download": a document arriving on the phone
};

std::optional<GuidePicture> GuidePictureFromName(std::string_view name);

// The step's own "drawn:<name>", else what its words suggest; nothing when neither says.
std::optional<GuidePicture> PictureForStep(const content::GuideStep& step);

// Draws the picture centred in [min, max] in the current palette.
void DrawGuidePicture(ImDrawList* draw_list, GuidePicture picture, ImVec2 min, ImVec2 max);

}  // namespace kiosk::ui
