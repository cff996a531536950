#include "kiosk/ui/staff_mode.hpp"

#include <imgui_internal.h>

#include <ctime>
#include <string>

#include "kiosk/core/log.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"

namespace kiosk::ui {

bool StaffModeAvailable() {
    const Context& context = CurrentContext();
    return !context.config.staff.pin_hash.empty() && context.services != nullptr;
}

void WatchStaffGesture(ImVec2 min, ImVec2 max) {
    if (max.x - min.x < 1 || max.y - min.y < 1) return;
    Context& context = CurrentContext();
    ImGui::SetCursorScreenPos(min);
    // An item of its own, so a press that starts elsewhere and slides here does not count.
    ImGui::InvisibleButton("##commune-name", ImVec2(max.x - min.x, max.y - min.y));
    if (!ImGui::IsItemActive() || !StaffModeAvailable()) return;
    const ImGuiIO& io = ImGui::GetIO();
    // "Held still": a finger that wandered more than a few pixels since it landed is a
    // drag, and stays one until it lifts.
    float tolerance = context.metrics.Px(20);
    if (io.MouseDragMaxDistanceSqr[0] > tolerance * tolerance) return;
    if (io.MouseDownDuration[0] < static_cast<float>(context.config.staff.hold_s)) return;
    if (IsStaffScreen(context.navigator.Current().screen)) return;
    // The finger is still down; the pad takes over from the next frame and keeps the press
    // from landing on a key (ImGui's active item is cleared).
    ImGui::ClearActiveID();
    context.navigator.Push({ScreenId::StaffPin, {}});
}

void OpenStaffMode() {
    Context& context = CurrentContext();
    context.staff_mode_open = true;
    context.navigator.Replace({ScreenId::StaffStatus, {}});
    RecordStaffAction("staff_mode_opened", "ok", "Cán bộ mở chế độ cán bộ.", ShownContentVersion(), ShownContentVersion());
}

void CloseStaffMode() { CurrentContext().navigator.Home(); }

void RecordStaffAction(std::string_view action, std::string_view result, std::string_view detail,
                       long long version_before, long long version_after) {
    Context& context = CurrentContext();
    if (!context.services) return;
    staff::AuditEntry entry;
    entry.time = context.wall_time ? context.wall_time : std::time(nullptr);
    entry.action = action;
    entry.result = result;
    entry.detail = detail;
    entry.version_before = version_before;
    entry.version_after = version_after;
    if (auto written = context.services->audit_log().Append(entry); !written) log::Failure(written.error());
}

long long ShownContentVersion() {
    const Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    return catalog ? catalog->manifest().version : 0;
}

}  // namespace kiosk::ui
