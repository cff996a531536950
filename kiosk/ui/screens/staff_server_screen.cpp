#include "kiosk/ui/screens/staff_server_screen.hpp"

#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/staff_update_parts.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

std::string PhaseWords(const Context& context, const bundle::ServerUpdateState& state) {
    using Phase = bundle::ServerUpdateState::Phase;
    switch (state.phase) {
        case Phase::Checking: return std::string(context.S("staff.server.checking"));
        case Phase::Downloading:
            return i18n::Format(context.S("staff.server.downloading"),
                                {staff::VietnameseBytes(state.done_bytes), staff::VietnameseBytes(state.total_bytes)});
        case Phase::Installing: return std::string(context.S("staff.server.installing"));
        case Phase::Idle: break;
    }
    return {};
}

}  // namespace

void StaffServerScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!context.services) return;
    float top = DrawPageTitle(area, context.S("staff.server.title")) + metrics.gap;
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("staff-server", ImVec2(area.Width(), area.max.y - top));
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    bundle::ServerContentUpdater* updater = context.services->content_updater();
    if (!updater) {
        // No updater: either no server.url, or a server but no installer (the trusted keys
        // could not be read). Each is its own sentence; the votes are another screen's matter.
        BeginCard();
        if (context.config.server.url.empty()) {
            Paragraph(FontRole::Bold, context.palette.text, context.S("staff.server.no_server"));
            Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.server.no_server_hint"));
        } else {
            Paragraph(FontRole::Bold, context.palette.warning, context.S("staff.update.no_installer"));
        }
        EndCard();
        EndScrollView();
        return;
    }
    bundle::ServerUpdateState state = updater->state();
    bool busy = state.phase != bundle::ServerUpdateState::Phase::Idle;
    if (busy) context.RequestWake(0.5);  // the state lives on the worker: look again soon

    // An install the worker made (asked for or not) is audited once, when this screen sees it.
    if (state.installed && state.installed->name != last_installed) {
        last_installed = state.installed->name;
        // The citizens' screens still show the old version until the next return home.
        RecordStaffAction("install_server", "ok",
                          i18n::Format(context.S("staff.update.installed"), {std::to_string(state.installed->version)}),
                          ShownContentVersion(), state.installed->version);
        context.services->CheckContentNow();
    }
    // The run staff asked for has ended: its result, once (an install that went well is
    // audited just above).
    if (finished_seen >= 0 && state.finished > finished_seen && !busy) {
        finished_seen = -1;
        if (!state.last_error.message.empty()) {
            RecordStaffAction(asked == "install" ? "install_server" : "check_server", "failed",
                              state.last_error.ForPeople(), ShownContentVersion(), ShownContentVersion());
        } else if (asked == "check") {
            std::string answer = state.nothing_published ? std::string(context.S("staff.server.nothing"))
                                 : state.offer ? i18n::Format(context.S("staff.server.offer"),
                                                              {std::to_string(state.offer->version), state.offer->content_id})
                                               : std::string(context.S("staff.server.never_checked"));
            RecordStaffAction("check_server", "ok", answer, ShownContentVersion(), ShownContentVersion());
        }
    }

    BeginCard();
    Paragraph(FontRole::Bold, context.palette.text, context.config.server.url);
    std::string checked = staff::VietnameseDate(state.checked_at);
    Paragraph(FontRole::Body, context.palette.text,
              checked.empty() ? std::string(context.S("staff.server.never_checked"))
                              : i18n::Format(context.S("staff.server.checked"), {staff::VietnameseDateTimeOfIso(state.checked_at)}));
    if (state.nothing_published) Paragraph(FontRole::Body, context.palette.text, context.S("staff.server.nothing"));
    if (state.offer) {
        Paragraph(FontRole::Body, context.palette.text,
                  i18n::Format(context.S("staff.server.offer"), {std::to_string(state.offer->version), state.offer->content_id}));
        if (state.offer->size > 0)
            Paragraph(FontRole::Body, context.palette.text,
                      i18n::Format(context.S("staff.server.offer_size"), {staff::VietnameseBytes(state.offer->size)}));
        if (!state.offer->signer.empty())
            Paragraph(FontRole::Body, context.palette.text, i18n::Format(context.S("staff.preview.signer"), {state.offer->signer}));
        // Just installed, the citizens' screens still show the old version until home: the
        // kiosk has the new one all the same.
        long long have = state.installed ? state.installed->version : ShownContentVersion();
        Paragraph(FontRole::Body, context.palette.text,
                  state.offer_is_newer ? std::string(context.S("staff.server.newer"))
                                       : i18n::Format(context.S("staff.server.not_newer"), {std::to_string(have)}));
    }
    if (!state.last_error.message.empty()) Paragraph(FontRole::Body, context.palette.warning, state.last_error.ForPeople());
    EndCard();
    ImGui::Dummy(ImVec2(0, metrics.gap));

    if (busy) {
        StaffJob progress;
        progress.Start(PhaseWords(context, state));
        if (state.total_bytes > 0)
            progress.progress = static_cast<float>(state.done_bytes) / static_cast<float>(state.total_bytes);
        DrawStaffJob(progress);
    } else if (state.installed) {
        StaffJob done;
        done.Finish(true, i18n::Format(context.S("staff.update.installed"), {std::to_string(state.installed->version)}));
        DrawStaffJob(done);
    }
    ImGui::Dummy(ImVec2(0, metrics.Px(8)));
    float half = (width - metrics.gap) * 0.5f;
    ImVec2 row = ImGui::GetCursorScreenPos();
    if (Button(context.S("staff.server.check"), ImVec2(half, metrics.button_height), ButtonKind::Secondary, Icon::Search,
               "server-check") &&
        !busy) {
        asked = "check";
        finished_seen = state.finished;
        updater->CheckNow();
        RecordStaffAction("check_server", "asked", context.S("staff.server.asked_check"), ShownContentVersion(),
                          ShownContentVersion());
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x + half + metrics.gap, row.y));
    bool can_install = state.offer && state.offer_is_newer && !busy;
    if (Button(context.S("staff.update.install"), ImVec2(half, metrics.button_height),
               can_install ? ButtonKind::Primary : ButtonKind::Secondary, Icon::Check, "server-install") &&
        can_install) {
        asked = "install";
        finished_seen = state.finished;
        updater->InstallNow();
    }
    EndScrollView();
}

}  // namespace kiosk::ui
