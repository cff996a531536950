#include "kiosk/ui/screens/staff_rollback_screen.hpp"

#include "kiosk/core/bundle/content_status.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

std::string ReleaseDate(const bundle::ContentRelease& release) {
    std::string date = staff::VietnameseDate(release.installed_at);
    return date.empty() ? staff::VietnameseDate(release.created_at) : date;
}

}  // namespace

void StaffRollbackScreen::RollBack() {
    Context& context = CurrentContext();
    bundle::ContentInstaller* installer = context.services->content_installer();
    confirming = false;
    if (!installer) {
        job->Start("");
        job->Finish(false, std::string(context.S("staff.update.no_installer")));
        return;
    }
    job->Start(std::string(context.S("staff.rollback.running")));
    auto shown_job = job;
    long long before = ShownContentVersion();
    Services* services = context.services;
    auto started = installer->Rollback([shown_job, before, services](const Result<bundle::ContentRelease>& result) {
        Context& context = CurrentContext();
        if (!result) {
            shown_job->Finish(false, result.error().ForPeople());
            RecordStaffAction("rollback", "failed", result.error().ForPeople(), before, before);
            return;
        }
        std::string sentence = i18n::Format(context.S("staff.rollback.done"), {std::to_string(result->version)});
        shown_job->Finish(true, sentence);
        RecordStaffAction("rollback", "ok", sentence, before, result->version);
        services->CheckContentNow();
    });
    if (!started) job->Finish(false, started.error().ForPeople());
}

void StaffRollbackScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!context.services) return;
    float top = DrawPageTitle(area, context.S("staff.rollback.title")) + metrics.gap;
    if (!status || status_read_at_phase != job->phase) {
        auto store = bundle::ContentStore::Open(context.services->data_dir());
        status = bundle::DescribeContentStatus(store, context.config.content_dir);
        status_read_at_phase = job->phase;
    }
    if (context.Landscape()) {
        // Side by side, as "Cập nhật từ USB": one column below the other put the question
        // and its buttons below the fold of a 1080-high screen.
        float left_width = (area.Width() - metrics.gap * 2) * 0.42f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("staff-rollback-versions", ImVec2(left_width, area.max.y - top));
        DrawVersions();
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("staff-rollback-action", ImVec2(area.Width() - left_width - metrics.gap * 2, area.max.y - top));
        DrawAction();
        EndScrollView();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("staff-rollback", ImVec2(area.Width(), area.max.y - top));
    DrawVersions();
    DrawAction();
    EndScrollView();
}

void StaffRollbackScreen::DrawVersions() {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const bundle::ContentStatus& now = *status;
    BeginCard();
    Paragraph(FontRole::Bold, context.palette.text, context.S("staff.rollback.now"));
    Paragraph(FontRole::Body, context.palette.text,
              i18n::Format(context.S("staff.status.content_version"), {std::to_string(now.version), now.content_id}));
    if (now.current)
        Paragraph(FontRole::Body, context.palette.text,
                  i18n::Format(context.S("staff.rollback.installed_on"), {ReleaseDate(*now.current)}));
    EndCard();
    ImGui::Dummy(ImVec2(0, metrics.gap));
    // While the rollback runs the previous version is about to become the current one.
    if (!now.previous || job->running()) return;
    const bundle::ContentRelease& previous = *now.previous;
    BeginCard(CardStyle::Accent);
    Paragraph(FontRole::Bold, context.palette.text, context.S("staff.rollback.previous"));
    Paragraph(FontRole::Body, context.palette.text,
              i18n::Format(context.S("staff.status.content_version"), {std::to_string(previous.version), previous.content_id}));
    Paragraph(FontRole::Body, context.palette.text,
              i18n::Format(context.S("staff.rollback.installed_on"), {ReleaseDate(previous)}));
    Paragraph(FontRole::Body, context.palette.text,
              std::string(context.S("staff.status.procedures")) + ": " + staff::VietnameseCount(previous.procedure_count));
    EndCard();
    ImGui::Dummy(ImVec2(0, metrics.gap));
}

void StaffRollbackScreen::DrawAction() {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const bundle::ContentStatus& now = *status;
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    if (!now.previous) {
        if (job->phase == StaffJob::Phase::None) {
            BeginCard();
            Paragraph(FontRole::Body, context.palette.text, context.S("staff.rollback.none"));
            EndCard();
        }
    } else if (!job->running()) {
        std::string version = std::to_string(now.previous->version);
        if (!confirming) {
            if (Button(i18n::Format(context.S("staff.rollback.ask"), {version}), ImVec2(width, metrics.button_height),
                       ButtonKind::Primary, Icon::Back, "rollback-ask"))
                confirming = true;
        } else {
            Paragraph(FontRole::Bold, context.palette.warning,
                      i18n::Format(context.S("staff.rollback.confirm_question"), {version, std::to_string(now.version)}));
            ImGui::Dummy(ImVec2(0, metrics.Px(8)));
            float half = (width - metrics.gap) * 0.5f;
            ImVec2 row = ImGui::GetCursorScreenPos();
            if (Button(context.S("staff.rollback.keep"), ImVec2(half, metrics.button_height), ButtonKind::Secondary,
                       Icon::None, "rollback-keep"))
                confirming = false;
            ImGui::SetCursorScreenPos(ImVec2(row.x + half + metrics.gap, row.y));
            if (Button(i18n::Format(context.S("staff.rollback.confirm"), {version}), ImVec2(half, metrics.button_height),
                       ButtonKind::Warning, Icon::Back, "rollback-confirm"))
                RollBack();
        }
        ImGui::Dummy(ImVec2(0, metrics.gap));
    }
    DrawStaffJob(*job);
}

}  // namespace kiosk::ui
