#include "kiosk/ui/screens/staff_pin_screen.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "kiosk/core/log.hpp"
#include "kiosk/core/staff/staff_pin.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

std::string HourMinute(std::time_t time) {
    std::tm local{};
    localtime_r(&time, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%H:%M", &local);
    return buffer;
}

std::string LockedSentence(const Context& context, std::time_t until) {
    return i18n::Format(context.S("staff.pin.locked"), {HourMinute(until)});
}

void Wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

}  // namespace

void StaffPinScreen::Submit() {
    Context& context = CurrentContext();
    staff::PinLockout& lockout = context.services->pin_lockout();
    if (lockout.LockedAt(context.wall_time)) {
        Wipe(digits);
        message = LockedSentence(context, lockout.locked_until());
        message_is_warning = true;
        RecordStaffAction("pin_refused", "locked", message);
        return;
    }
    if (!staff::CheckPinFormat(digits)) {
        Wipe(digits);
        message = std::string(context.S("staff.pin.format"));
        message_is_warning = true;
        return;
    }
    std::string hash = context.config.staff.pin_hash;
    std::string pin = digits;
    Wipe(digits);
    check = std::async(std::launch::async, [hash, pin]() mutable {
        bool matches = staff::PinMatches(hash, pin);
        Wipe(pin);
        return matches;
    });
    message = std::string(context.S("staff.pin.checking"));
    message_is_warning = false;
}

void StaffPinScreen::TakeResult() {
    Context& context = CurrentContext();
    context.animating = true;  // keep drawing until the answer comes
    if (check.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    bool matches = check.get();
    staff::PinLockout& lockout = context.services->pin_lockout();
    if (lockout.LockedAt(context.wall_time)) {
        // Locked while the check ran (another wrong PIN cannot be typed meanwhile, but the
        // rule is the lockout's, not the timing's).
        message = LockedSentence(context, lockout.locked_until());
        message_is_warning = true;
        RecordStaffAction("pin_refused", "locked", message);
        return;
    }
    if (matches) {
        if (auto saved = lockout.RecordSuccess(); !saved) log::Failure(saved.error());
        message.clear();
        OpenStaffMode();
        return;
    }
    if (auto saved = lockout.RecordFailure(context.wall_time); !saved) log::Failure(saved.error());
    message_is_warning = true;
    if (lockout.LockedAt(context.wall_time)) {
        message = LockedSentence(context, lockout.locked_until());
        RecordStaffAction("pin_refused", "locked", message);
        log::Warning("staff PIN pad locked after " + std::to_string(staff::PinLockout::kAttemptsPerRound) +
                     " wrong PINs");
    } else {
        message = i18n::Format(context.S("staff.pin.wrong"), {std::to_string(lockout.attempts_left())});
        RecordStaffAction("pin_refused", "refused", message);
    }
}

void StaffPinScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!context.services) return;
    if (Checking()) TakeResult();
    staff::PinLockout& lockout = context.services->pin_lockout();
    bool locked = lockout.LockedAt(context.wall_time);
    if (locked) {
        message = LockedSentence(context, lockout.locked_until());
        message_is_warning = true;
        context.RequestWake(static_cast<double>(lockout.locked_until() - context.wall_time));
    } else if (showing_lock) {
        message.clear();  // the lock ran out: the pad says so by asking again
        message_is_warning = false;
    }
    showing_lock = locked;

    // In landscape the words sit left and the keys right, both from the top: stacked, four
    // rows of keys no smaller than the citizens' buttons do not fit above the footer.
    bool side_by_side = area.Width() > area.Height() * 1.2f;
    float width = side_by_side ? std::min((area.Width() - metrics.gap) * 0.5f, metrics.Px(760))
                               : std::min(area.Width(), metrics.Px(760));
    float left = side_by_side ? area.min.x : area.min.x + (area.Width() - width) * 0.5f;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float y = area.min.y;
    DrawTextAt(draw_list, FontRole::Heading, ImVec2(left, y), context.palette.text, context.S("staff.pin.title"), width);
    y += MeasureText(FontRole::Heading, context.S("staff.pin.title"), width).y + metrics.gap;

    // One dot per digit typed, empty rings for the rest of the shortest PIN.
    float radius = metrics.Px(18);
    size_t shown = std::max(digits.size(), staff::kPinMinimumDigits);
    float spacing = radius * 3.2f;
    float dots_left = left + (width - spacing * static_cast<float>(shown - 1)) * 0.5f;
    for (size_t index = 0; index < shown; ++index) {
        ImVec2 center(dots_left + spacing * static_cast<float>(index), y + radius);
        if (index < digits.size())
            draw_list->AddCircleFilled(center, radius, context.palette.text);
        else
            draw_list->AddCircle(center, radius, context.palette.text_muted, 0, metrics.Px(3));
    }
    y += radius * 2 + metrics.gap;

    std::string_view sentence = message.empty() ? context.S("staff.pin.hint") : std::string_view(message);
    ImU32 color = message_is_warning ? context.palette.warning : context.palette.text_muted;
    DrawTextAt(draw_list, FontRole::Body, ImVec2(left, y), color, sentence, width);
    y += std::max(MeasureText(FontRole::Body, sentence, width).y, MeasureText(FontRole::Body, "Ag", width).y * 2) +
         metrics.gap;

    // The keys: as large as the room allows, never below the citizens' main buttons.
    if (side_by_side) {
        left = area.max.x - width;
        y = area.min.y;
    }
    float key_gap = metrics.gap;
    float key_width = (width - 2 * key_gap) / 3.0f;
    float key_height = std::clamp((area.max.y - y - 3 * key_gap) / 4.0f, metrics.touch_minimum, metrics.Px(140));
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    bool busy = Checking();
    for (int index = 0; index < 12; ++index) {
        int row = index / 3, column = index % 3;
        ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(column) * (key_width + key_gap),
                                         y + static_cast<float>(row) * (key_height + key_gap)));
        ImVec2 size(key_width, key_height);
        if (index == 9) {
            if (Button(context.S("staff.pin.erase"), size, ButtonKind::Secondary, Icon::Backspace, "pin-erase") && !busy &&
                !digits.empty())
                digits.pop_back();
        } else if (index == 11) {
            if (Button(context.S("staff.pin.open"), size, ButtonKind::Primary, Icon::Check, "pin-open") && !busy)
                Submit();
        } else if (Button(labels[index], size, ButtonKind::Secondary, Icon::None, "pin-key")) {
            if (!busy && digits.size() < staff::kPinMaximumDigits) digits += labels[index];
        }
    }
}

}  // namespace kiosk::ui
