#include "kiosk/ui/screens/procedure_detail_screen.hpp"

#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/content/portal_link.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/fields_screen.hpp"
#include "kiosk/ui/screens/online_services_screen.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/qr_code.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

using content::ChannelKind;
using content::OnlineLevel;

// "Giấy tờ cần mang theo" with the official term under it, where the word on the form matters.
void SectionHeading(std::string_view title, std::string_view official = {}) {
    Context& context = CurrentContext();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    Paragraph(FontRole::Heading, context.palette.text, title);
    if (!official.empty()) Paragraph(FontRole::Small, context.palette.text_muted, official);
}

// One line of the summary card: an icon, what it is, and the answer.
void SummaryLine(Icon icon, std::string_view label, std::string_view value) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    float icon_size = metrics.Px(44);
    ImVec2 start = ImGui::GetCursorScreenPos();
    DrawIcon(ImGui::GetWindowDrawList(), icon, ImVec2(start.x + icon_size * 0.5f, start.y + icon_size * 0.6f),
             icon_size, context.palette.accent);
    ImGui::SetCursorScreenPos(ImVec2(start.x + icon_size + metrics.Px(20), start.y));
    ImGui::BeginGroup();
    context.right_inset += icon_size + metrics.Px(20);
    Paragraph(FontRole::Small, context.palette.text_muted, label);
    Paragraph(FontRole::Bold, context.palette.text, value);
    context.right_inset -= icon_size + metrics.Px(20);
    ImGui::EndGroup();
}

const content::Channel* FindChannel(const content::Procedure& procedure, ChannelKind kind) {
    for (const auto& channel : procedure.channels)
        if (channel.kind == kind) return &channel;
    return nullptr;
}

const char* OnlineLineKey(const content::Procedure& procedure) {
    switch (procedure.online_level) {
        case OnlineLevel::FullyOnline: return "procedure.online.full.line";
        case OnlineLevel::Partly: return "procedure.online.partly.line";
        case OnlineLevel::InformationOnly:
        case OnlineLevel::None: return "procedure.online.none.line";
        case OnlineLevel::Unknown:
        default: return procedure.HasOnlineChannel() ? "procedure.online.channel.line" : "procedure.online.unknown.line";
    }
}

std::string WhereToFile(const content::Procedure& procedure) {
    if (!procedure.reception_address.empty()) return procedure.reception_address;
    if (!procedure.agencies.executing.empty()) return procedure.agencies.executing;
    if (!procedure.agencies.competent.empty()) return procedure.agencies.competent;
    return content::kNotVerified;
}

void DrawSummary(Context& context, const content::Procedure& procedure) {
    const content::Channel* in_person = FindChannel(procedure, ChannelKind::InPerson);
    BeginCard(CardStyle::Accent);
    SummaryLine(Icon::Clock, context.T("procedure.time"),
                in_person ? content::FormatTime(in_person->time) : content::GlanceTime(procedure));
    SummaryLine(Icon::Money, context.T("procedure.fee"),
                in_person ? content::FormatFee(in_person->fee) : content::GlanceFee(procedure));
    SummaryLine(Icon::Place, context.T("procedure.where"), WhereToFile(procedure));
    SummaryLine(Icon::Globe, context.T("procedure.online"), content::OnlineLevelLabel(procedure.online_level));
    Paragraph(FontRole::Body, context.palette.text, context.T(OnlineLineKey(procedure)));
    if (procedure.online_level == OnlineLevel::FullyOnline || procedure.online_level == OnlineLevel::Partly ||
        procedure.HasOnlineChannel()) {
        float width = ImGui::GetContentRegionAvail().x - context.right_inset;
        if (Button(context.T("procedure.online.guide"), ImVec2(width, context.metrics.button_height),
                   ButtonKind::Primary, Icon::Globe))
            context.navigator.Push(GuideRouteForOnlineFiling());
    }
    EndCard();
}

void DrawChannels(Context& context, const content::Procedure& procedure) {
    if (procedure.channels.empty()) return;
    SectionHeading(context.T("procedure.channels"), context.T("procedure.channels.official"));
    for (const auto& channel : procedure.channels) {
        BeginCard();
        Paragraph(FontRole::Bold, context.palette.text, channel.name.empty() ? content::kNotVerified : channel.name);
        Paragraph(FontRole::Body, context.palette.text,
                  std::string(context.T("procedure.time")) + ": " + content::FormatTime(channel.time));
        Paragraph(FontRole::Body, context.palette.text,
                  std::string(context.T("procedure.fee")) + ": " + content::FormatFee(channel.fee));
        EndCard();
    }
}

void DrawDocuments(Context& context, const content::Procedure& procedure, std::vector<bool>& checked) {
    SectionHeading(context.T("procedure.documents"), context.T("procedure.documents.official"));
    if (procedure.documents.empty()) {
        Paragraph(FontRole::Body, context.palette.text, context.T("procedure.documents.none"));
        return;
    }
    Paragraph(FontRole::Small, context.palette.text_muted, context.T("procedure.documents.hint"));
    checked.resize(procedure.documents.size(), false);
    const Metrics& metrics = context.metrics;
    std::string current_group;
    for (size_t index = 0; index < procedure.documents.size(); ++index) {
        const auto& document = procedure.documents[index];
        if (!document.group.empty() && document.group != current_group) {
            current_group = document.group;
            Paragraph(FontRole::Bold, context.palette.text_muted, current_group);
        }
        std::string quantity = document.quantity_text;
        if (quantity.empty() && (document.originals || document.copies)) {
            if (document.originals)
                quantity = i18n::Format(context.T("procedure.quantity.original"), {std::to_string(document.originals)});
            if (document.copies)
                quantity += (quantity.empty() ? "" : ", ") +
                            i18n::Format(context.T("procedure.quantity.copy"), {std::to_string(document.copies)});
        }
        // The whole row is one big target: a tap ticks the paper off.
        float width = ImGui::GetContentRegionAvail().x - context.right_inset;
        float box = metrics.Px(48);
        float text_left = box + metrics.Px(24);
        float text_width = width - text_left - metrics.Px(16);
        ImVec2 name_size = MeasureText(FontRole::Body, document.name, text_width);
        ImVec2 quantity_size = quantity.empty() ? ImVec2(0, 0) : MeasureText(FontRole::Small, quantity, text_width);
        float height = std::max(metrics.touch_minimum, name_size.y + quantity_size.y + metrics.Px(28));
        ImVec2 min = ImGui::GetCursorScreenPos();
        std::string id = "##document-" + std::to_string(index);
        bool released_inside = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
        if (TappedWithoutDrag(released_inside)) checked[index] = !checked[index];
        ImDrawList* draw_list = ImGui::GetWindowDrawList();
        ImVec2 max(min.x + width, min.y + height);
        FillRoundedRect(draw_list, min, max, ImGui::IsItemActive() ? context.palette.surface_pressed : context.palette.surface,
                        metrics.rounding);
        ImVec2 box_min(min.x + metrics.Px(12), min.y + metrics.Px(14));
        ImVec2 box_max(box_min.x + box, box_min.y + box);
        draw_list->AddRect(box_min, box_max, context.palette.accent, metrics.Px(6), 0, metrics.Px(4));
        if (checked[index]) {
            FillRoundedRect(draw_list, box_min, box_max, context.palette.accent, metrics.Px(6));
            DrawIcon(draw_list, Icon::Check, ImVec2((box_min.x + box_max.x) / 2, (box_min.y + box_max.y) / 2), box * 0.8f,
                     context.palette.on_accent);
        }
        DrawTextAt(draw_list, FontRole::Body, ImVec2(min.x + text_left, min.y + metrics.Px(12)), context.palette.text,
                   document.name, text_width);
        if (!quantity.empty())
            DrawTextAt(draw_list, FontRole::Small, ImVec2(min.x + text_left, min.y + metrics.Px(14) + name_size.y),
                       context.palette.text_muted, quantity, text_width);
        RecordTappable(document.name, min, max);
    }
}

void DrawNumberedList(Context& context, const std::vector<std::string>& items) {
    for (size_t index = 0; index < items.size(); ++index) {
        // Steps from the portal often already start with "Bước 1:"; number the others.
        const std::string& item = items[index];
        bool numbered = item.rfind("Bước", 0) == 0;
        Paragraph(FontRole::Body, context.palette.text, numbered ? item : std::to_string(index + 1) + ". " + item);
    }
}

void DrawContentAge(Context& context) {
    const catalog::Catalog* catalog = context.services->catalog();
    auto age = catalog->ContentAgeDays();
    if (!age) return;
    std::string line = i18n::Format(context.T("procedure.content_age"), {catalog->manifest().created, std::to_string(*age)});
    bool stale = *age > context.config.content_max_age_days;
    ImGui::Dummy(ImVec2(0, context.metrics.Px(12)));
    Paragraph(FontRole::Small, stale ? context.palette.warning : context.palette.text_muted, line);
    if (stale) Paragraph(FontRole::Small, context.palette.warning, context.T("procedure.content_stale"));
}

}  // namespace

void ProcedureDetailScreen::Draw(const PageArea& area, const std::string& code) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    bool entering = loaded_code != code;
    if (entering) {
        loaded_code = code;
        documents_checked.clear();
        auto found = catalog->FindProcedure(code);
        procedure = found ? std::optional(found.value()) : std::nullopt;
        qr_url = procedure ? content::BuildPortalQrUrl(catalog->manifest().commune, *procedure) : std::string();
    }
    const Metrics& metrics = context.metrics;
    if (!procedure) {
        ImGui::SetCursorScreenPos(area.min);
        ImGui::BeginGroup();
        Heading(context.T("procedure.not_found"));
        ImGui::EndGroup();
        return;
    }

    // Landscape keeps the QR beside the text; portrait puts it after the summary.
    bool side_panel = context.Landscape();
    float qr_side = metrics.Px(340);
    float panel_width = side_panel ? qr_side + metrics.Px(40) : 0;
    float text_width = area.Width() - (side_panel ? panel_width + metrics.gap : 0);

    ImGui::SetCursorScreenPos(area.min);
    std::string view_id = "procedure-" + code;
    BeginScrollView(view_id.c_str(), ImVec2(text_width, area.Height()), entering);
    Paragraph(FontRole::Heading, context.palette.text, procedure->name);
    Paragraph(FontRole::Small, context.palette.text_muted, i18n::Format(context.T("procedure.code"), {procedure->code}));
    DrawSummary(context, *procedure);
    if (!side_panel) {
        SectionHeading(context.T("procedure.qr.title"));
        QrCode(qr_url, qr_side, context.T("procedure.qr.caption"));
    }
    DrawDocuments(context, *procedure, documents_checked);
    DrawChannels(context, *procedure);
    if (!procedure->steps.empty()) {
        SectionHeading(context.T("procedure.steps"), context.T("procedure.steps.official"));
        DrawNumberedList(context, procedure->steps);
    }
    if (!procedure->subjects.empty()) {
        SectionHeading(context.T("procedure.subjects"));
        Paragraph(FontRole::Body, context.palette.text, procedure->subjects);
    }
    if (!procedure->requirements.empty()) {
        SectionHeading(context.T("procedure.requirements"), context.T("procedure.requirements.official"));
        Paragraph(FontRole::Body, context.palette.text, procedure->requirements);
    }
    if (!procedure->results.empty()) {
        SectionHeading(context.T("procedure.result"));
        for (const auto& result : procedure->results) Paragraph(FontRole::Body, context.palette.text, "• " + result.name);
    }
    if (!procedure->legal_basis.empty()) {
        SectionHeading(context.T("procedure.legal"));
        for (const auto& reference : procedure->legal_basis)
            Paragraph(FontRole::Body, context.palette.text,
                      "• " + (reference.title.empty() ? reference.code : reference.title + " (" + reference.code + ")"));
    }
    DrawContentAge(context);
    EndScrollView();

    if (side_panel) {
        ImGui::SetCursorScreenPos(ImVec2(area.max.x - panel_width, area.min.y));
        ImGui::BeginGroup();
        ImGui::PushID("qr-panel");
        ImVec2 start = ImGui::GetCursorScreenPos();
        DrawTextAt(ImGui::GetWindowDrawList(), FontRole::Bold, start, context.palette.text, context.T("procedure.qr.title"),
                   panel_width);
        ImGui::Dummy(ImVec2(panel_width, MeasureText(FontRole::Bold, context.T("procedure.qr.title"), panel_width).y));
        ImGui::PushClipRect(ImVec2(area.max.x - panel_width, area.min.y), area.max, true);
        ImGui::BeginChild("qr", ImVec2(panel_width, area.max.y - ImGui::GetCursorScreenPos().y), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        QrCode(qr_url, qr_side, context.T("procedure.qr.caption"));
        ImGui::EndChild();
        ImGui::PopClipRect();
        ImGui::PopID();
        ImGui::EndGroup();
    }
}

}  // namespace kiosk::ui
