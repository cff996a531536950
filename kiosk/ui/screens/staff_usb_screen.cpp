#include "kiosk/ui/screens/staff_usb_screen.hpp"

#include "kiosk/core/log.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {

void StaffUsbScreen::Choose(const usb::StickBundle& bundle) {
    Context& context = CurrentContext();
    bundle::ContentInstaller* installer = context.services->content_installer();
    chosen = bundle;
    preview->reset();
    installing = false;
    if (!installer) {
        job->Start("");
        job->Finish(false, std::string(context.S("staff.update.no_installer")));
        return;
    }
    job->Start(std::string(context.S("staff.update.checking")));
    auto shown_job = job;
    auto shown_preview = preview;
    std::string name = bundle.name;
    auto started = installer->PreviewFromStick(
        bundle, [shown_job](const bundle::InstallProgress& progress) { shown_job->NoteProgress(progress); },
        [shown_job, shown_preview, name](const Result<bundle::ContentPreview>& result) {
            if (result) {
                *shown_preview = *result;
                shown_job->phase = StaffJob::Phase::None;  // the preview itself is the answer
                return;
            }
            shown_job->Finish(false, result.error().ForPeople());
            RecordStaffAction("preview_usb", "refused", name + ": " + result.error().ForPeople(), ShownContentVersion(),
                              ShownContentVersion());
        });
    if (!started) job->Finish(false, started.error().ForPeople());
}

void StaffUsbScreen::Install() {
    Context& context = CurrentContext();
    bundle::ContentInstaller* installer = context.services->content_installer();
    if (!installer || !chosen) return;
    installing = true;
    job->Start(std::string(context.S("staff.update.starting")));
    auto shown_job = job;
    std::string name = chosen->name;
    long long before = ShownContentVersion();
    Services* services = context.services;
    auto started = installer->InstallFromStick(
        *chosen, [shown_job](const bundle::InstallProgress& progress) { shown_job->NoteProgress(progress); },
        [shown_job, name, before, services](const Result<bundle::ContentRelease>& result) {
            Context& context = CurrentContext();
            if (!result) {
                shown_job->Finish(false, result.error().ForPeople());
                RecordStaffAction("install_usb", "refused", name + ": " + result.error().ForPeople(), before, before);
                return;
            }
            std::string sentence = i18n::Format(context.S("staff.update.installed"), {std::to_string(result->version)});
            shown_job->Finish(true, sentence);
            RecordStaffAction("install_usb", "ok", name + ": " + sentence, before, result->version);
            services->CheckContentNow();  // the citizens' screens take it at the next return home
        });
    if (!started) job->Finish(false, started.error().ForPeople());
}

void StaffUsbScreen::DrawSticks() {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!sticks->has_value()) {
        Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.usb.looking"));
        return;
    }
    if ((*sticks)->empty()) {
        BeginCard();
        Paragraph(FontRole::Bold, context.palette.text, context.S("staff.usb.none"));
        Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.usb.none_hint"));
        EndCard();
        return;
    }
    for (const auto& stick : **sticks) {
        Paragraph(FontRole::Bold, context.palette.text, i18n::Format(context.S("staff.usb.stick"), {stick.label}));
        if (!stick.problem.message.empty()) Paragraph(FontRole::Body, context.palette.warning, stick.problem.ForPeople());
        if (stick.bundles.empty() && stick.problem.message.empty())
            Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.usb.no_bundles"));
        float width = ImGui::GetContentRegionAvail().x - context.right_inset;
        for (const auto& bundle : stick.bundles) {
            std::string label = bundle.name + " · " + staff::VietnameseBytes(bundle.size_bytes);
            bool selected = chosen && chosen->mount_point == bundle.mount_point && chosen->relative_path == bundle.relative_path;
            if (!bundle.installable()) {
                Paragraph(FontRole::Body, context.palette.text, label);
                Paragraph(FontRole::Body, context.palette.warning, bundle.problem.ForPeople());
                continue;
            }
            if (Button(label, ImVec2(width, metrics.touch_minimum + metrics.Px(16)),
                       selected ? ButtonKind::Selected : ButtonKind::Secondary, Icon::Document,
                       bundle.file().string()) &&
                !job->running())
                Choose(bundle);
            ImGui::Dummy(ImVec2(0, metrics.Px(4)));
        }
        if (stick.more_bundles_than_listed) Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.usb.more"));
        ImGui::Dummy(ImVec2(0, metrics.gap));
    }
}

void StaffUsbScreen::DrawChosen() {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!chosen) return;
    if (preview->has_value() && !(installing && job->phase == StaffJob::Phase::Succeeded)) {
        // The button above the preview: a long list of changes never pushes it out of reach.
        if (!installing) {
            float width = ImGui::GetContentRegionAvail().x - context.right_inset;
            if (Button(context.S("staff.update.install"), ImVec2(width, metrics.button_height), ButtonKind::Primary,
                       Icon::Check, "install-usb") &&
                !job->running())
                Install();
            ImGui::Dummy(ImVec2(0, metrics.Px(8)));
        }
        DrawStaffJob(*job);  // the progress bar and the outcome, above the preview too
        DrawContentPreview(**preview);
        return;
    }
    DrawStaffJob(*job);
}

void StaffUsbScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!context.services) return;
    if (!watcher) {
        auto found = sticks;
        watcher = std::make_unique<usb::UsbWatcher>(context.services->usb_settings(), context.services->run_queue(),
                                                    [found](const std::vector<usb::UsbStick>& now) {
                                                        *found = now;
                                                        CurrentContext().animating = true;  // show it now
                                                    });
        watcher->Start();
    }
    float top = DrawPageTitle(area, context.S("staff.usb.title")) + metrics.gap;
    if (context.Landscape()) {
        float left_width = (area.Width() - metrics.gap * 2) * 0.42f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("staff-usb-sticks", ImVec2(left_width, area.max.y - top));
        DrawSticks();
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("staff-usb-chosen", ImVec2(area.Width() - left_width - metrics.gap * 2, area.max.y - top));
        if (!chosen) Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.usb.choose"));
        DrawChosen();
        EndScrollView();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("staff-usb", ImVec2(area.Width(), area.max.y - top));
    DrawSticks();
    DrawChosen();
    EndScrollView();
}

}  // namespace kiosk::ui
