#include "kiosk/ui/screens/staff_update_parts.hpp"

#include <algorithm>

#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// At most this many names per list; the rest is counted ("… và 230 thủ tục khác").
constexpr size_t kNamesShown = 12;

void DrawChangeList(Context& context, const char* title_key, const std::vector<std::string>& names) {
    if (names.empty()) return;
    Paragraph(FontRole::Bold, context.palette.text,
              i18n::Format(context.S(title_key), {staff::VietnameseCount(static_cast<long long>(names.size()))}));
    for (size_t index = 0; index < std::min(names.size(), kNamesShown); ++index)
        Paragraph(FontRole::Body, context.palette.text, "• " + names[index]);
    if (names.size() > kNamesShown)
        Paragraph(FontRole::Body, context.palette.text_muted,
                  i18n::Format(context.S("staff.preview.more"),
                               {staff::VietnameseCount(static_cast<long long>(names.size() - kNamesShown))}));
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
}

}  // namespace

void StaffJob::Start(std::string first_words) {
    phase = Phase::Running;
    progress_text = std::move(first_words);
    progress = 0;
    outcome.clear();
}

void StaffJob::NoteProgress(const bundle::InstallProgress& update) {
    progress_text = bundle::DescribeProgress(update, Language::Vietnamese);
    progress = InstallFraction(update);
}

void StaffJob::Finish(bool succeeded, std::string sentence) {
    phase = succeeded ? Phase::Succeeded : Phase::Failed;
    progress = succeeded ? 1.0f : progress;
    outcome = std::move(sentence);
}

float InstallFraction(const bundle::InstallProgress& progress) {
    using bundle::InstallStage;
    // Each stage takes a share of the bar in order; copying and unpacking fill theirs by bytes.
    constexpr float kStages = 6;
    float within = progress.total_bytes > 0
                       ? static_cast<float>(progress.done_bytes) / static_cast<float>(progress.total_bytes)
                       : 0.0f;
    float stage = 0;
    switch (progress.stage) {
        case InstallStage::CopyingFromStick: stage = 0; break;
        case InstallStage::CheckingSignature: stage = 1; within = 0; break;
        case InstallStage::Unpacking: stage = 2; break;
        case InstallStage::CheckingContent: stage = 3; within = 0; break;
        case InstallStage::BuildingCatalog: stage = 4; within = 0; break;
        case InstallStage::Switching: stage = 5; within = 0; break;
        case InstallStage::Installed: return 1.0f;
    }
    return std::clamp((stage + std::clamp(within, 0.0f, 1.0f)) / kStages, 0.0f, 1.0f);
}

void DrawStaffJob(const StaffJob& job) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (job.phase == StaffJob::Phase::None) return;
    if (job.phase == StaffJob::Phase::Running) {
        Paragraph(FontRole::Body, context.palette.text, job.progress_text);
        ImVec2 min = ImGui::GetCursorScreenPos();
        float width = ImGui::GetContentRegionAvail().x - context.right_inset;
        float height = metrics.Px(36);
        ImDrawList* draw_list = ImGui::GetWindowDrawList();
        FillRoundedRect(draw_list, min, ImVec2(min.x + width, min.y + height), context.palette.accent_soft, metrics.rounding);
        FillRoundedRect(draw_list, min, ImVec2(min.x + std::max(height, width * job.progress), min.y + height),
                        context.palette.accent, metrics.rounding);
        ImGui::Dummy(ImVec2(width, height + metrics.Px(8)));
        context.animating = true;  // the bar moves: keep drawing while the job runs
        return;
    }
    BeginCard(job.phase == StaffJob::Phase::Failed ? CardStyle::Warning : CardStyle::Accent);
    Paragraph(FontRole::Bold, job.phase == StaffJob::Phase::Failed ? context.palette.warning : context.palette.success,
              job.outcome);
    EndCard();
}

void DrawContentPreview(const bundle::ContentPreview& preview) {
    Context& context = CurrentContext();
    BeginCard(CardStyle::Accent);
    Paragraph(FontRole::Heading, context.palette.text,
              i18n::Format(context.S("staff.preview.version"), {std::to_string(preview.version), preview.content_id}));
    std::string created = staff::VietnameseDate(preview.created_at);
    if (!created.empty())
        Paragraph(FontRole::Body, context.palette.text, i18n::Format(context.S("staff.preview.created"), {created}));
    Paragraph(FontRole::Body, context.palette.text, i18n::Format(context.S("staff.preview.signer"), {preview.signer}));
    Paragraph(FontRole::Body, context.palette.text,
              i18n::Format(context.S("staff.preview.procedures"), {staff::VietnameseCount(preview.procedure_count)}));
    if (preview.installed_origin == bundle::InstalledOrigin::Nothing)
        Paragraph(FontRole::Body, context.palette.text_muted, context.S("staff.preview.installed_nothing"));
    else
        Paragraph(FontRole::Body, context.palette.text_muted,
                  i18n::Format(context.S("staff.preview.installed"),
                               {std::to_string(preview.installed_version), preview.installed_content_id}));
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    std::vector<std::string> added, changed, removed, files;
    for (const auto& change : preview.procedures) {
        std::string line = change.name.empty() ? change.code : change.name + " (" + change.code + ")";
        (change.kind == bundle::ChangeKind::Added ? added : change.kind == bundle::ChangeKind::Changed ? changed : removed)
            .push_back(std::move(line));
    }
    for (const auto& change : preview.files) {
        const char* key = change.kind == bundle::ChangeKind::Added     ? "staff.preview.file_added"
                          : change.kind == bundle::ChangeKind::Changed ? "staff.preview.file_changed"
                                                                       : "staff.preview.file_removed";
        files.push_back(i18n::Format(context.S(key), {change.path}));
    }
    DrawChangeList(context, "staff.preview.added", added);
    DrawChangeList(context, "staff.preview.changed", changed);
    DrawChangeList(context, "staff.preview.removed", removed);
    DrawChangeList(context, "staff.preview.files", files);
    if (added.empty() && changed.empty() && removed.empty() && files.empty())
        Paragraph(FontRole::Body, context.palette.text, context.S("staff.preview.no_changes"));
    EndCard();
}

}  // namespace kiosk::ui
