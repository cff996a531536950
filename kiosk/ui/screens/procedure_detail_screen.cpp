#include "kiosk/ui/screens/procedure_detail_screen.hpp"

#include "kiosk/core/catalog/catalog.hpp"
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

// "Giấy tờ cần mang theo" with the official term under it, where the word on the form matters.
void SectionHeading(const page::Section& section) {
    Context& context = CurrentContext();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    Paragraph(FontRole::Heading, context.palette.text, section.title);
    if (!section.official.empty()) Paragraph(FontRole::Small, context.palette.text_muted, section.official);
    if (!section.hint.empty()) Paragraph(FontRole::Small, context.palette.text_muted, section.hint);
}

Icon IconFor(page::Symbol symbol) {
    switch (symbol) {
        case page::Symbol::Clock: return Icon::Clock;
        case page::Symbol::Money: return Icon::Money;
        case page::Symbol::Place: return Icon::Place;
        case page::Symbol::Hours: return Icon::Clock;
        case page::Symbol::Globe: return Icon::Globe;
        case page::Symbol::None: return Icon::None;
    }
    return Icon::None;
}

// One line of the summary card: an icon, what it is, the answer and its details, wrapped
// `extra_inset` short of the card's right edge (the left column of two).
void SummaryLine(const page::Fact& fact, float extra_inset = 0) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    float icon_size = metrics.Px(44);
    ImVec2 start = ImGui::GetCursorScreenPos();
    DrawIcon(ImGui::GetWindowDrawList(), IconFor(fact.symbol), ImVec2(start.x + icon_size * 0.5f, start.y + icon_size * 0.6f),
             icon_size, context.palette.accent);
    ImGui::SetCursorScreenPos(ImVec2(start.x + icon_size + metrics.Px(20), start.y));
    ImGui::BeginGroup();
    float inset = icon_size + metrics.Px(20) + extra_inset;
    context.right_inset += inset;
    Paragraph(FontRole::Small, context.palette.text_muted, fact.label);
    Paragraph(FontRole::Bold, context.palette.text, fact.value);
    for (const auto& detail : fact.details) Paragraph(FontRole::Body, context.palette.text, detail);
    context.right_inset -= inset;
    ImGui::EndGroup();
}

// The summary card. A landscape screen is wide and short: the facts go two a row, so the
// papers start on the first screen instead of below a card as tall as the glass.
void DrawEssentials(Context& context, const page::Section& section, bool two_columns) {
    BeginCard(CardStyle::Accent);
    auto guide_button = [&](float width) {
        if (Button(section.action, ImVec2(width, context.metrics.button_height), ButtonKind::Primary, Icon::Globe))
            context.navigator.Push(GuideRouteForOnlineFiling());
    };
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    if (!two_columns) {
        for (const auto& fact : section.facts) SummaryLine(fact);
        if (!section.action.empty()) guide_button(width);
    } else {
        float gap = context.metrics.gap;
        float column = (width - gap) / 2;
        // The facts, then the button, fill the cells left to right, two a row.
        size_t cells = section.facts.size() + (section.action.empty() ? 0 : 1);
        for (size_t row = 0; row < cells; row += 2) {
            ImVec2 top = ImGui::GetCursorScreenPos();
            float bottom = top.y;
            for (size_t index = row; index < std::min(row + 2, cells); ++index) {
                bool left = index == row;
                ImGui::SetCursorScreenPos(ImVec2(left ? top.x : top.x + column + gap, top.y));
                ImGui::BeginGroup();
                if (index < section.facts.size()) SummaryLine(section.facts[index], left ? width - column : 0);
                else guide_button(column);
                ImGui::EndGroup();
                bottom = std::max(bottom, ImGui::GetItemRectMax().y);
            }
            ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + ImGui::GetStyle().ItemSpacing.y));
            ImGui::Dummy(ImVec2(0, 0));
        }
    }
    EndCard();
}

// A fact as a card of its own (a channel) or as a label over its value (legal facts).
void DrawFacts(Context& context, const page::Section& section) {
    for (const auto& fact : section.facts) {
        bool card = section.kind == page::SectionKind::Channels;
        if (card) BeginCard();
        Paragraph(card ? FontRole::Bold : FontRole::Small, card ? context.palette.text : context.palette.text_muted,
                  fact.label);
        if (!fact.value.empty()) Paragraph(FontRole::Body, context.palette.text, fact.value);
        for (const auto& detail : fact.details) Paragraph(FontRole::Body, context.palette.text, detail);
        if (card) EndCard();
    }
}

// One paper of the checklist: the whole row is one big target, a tap ticks it off.
void DrawPaperRow(Context& context, const page::Paper& paper, const std::string& id, bool& checked) {
    const Metrics& metrics = context.metrics;
    std::string small = paper.quantity;
    if (!paper.form.empty()) small += (small.empty() ? "" : "  ·  ") + paper.form;
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    float box = metrics.Px(48);
    float text_left = box + metrics.Px(24);
    float text_width = width - text_left - metrics.Px(16);
    ImVec2 name_size = MeasureText(FontRole::Body, paper.name, text_width);
    ImVec2 small_size = small.empty() ? ImVec2(0, 0) : MeasureText(FontRole::Small, small, text_width);
    float height = std::max(metrics.touch_minimum, name_size.y + small_size.y + metrics.Px(28));
    ImVec2 min = ImGui::GetCursorScreenPos();
    bool released_inside = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    if (TappedWithoutDrag(released_inside)) checked = !checked;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    ImVec2 max(min.x + width, min.y + height);
    FillRoundedRect(draw_list, min, max, ImGui::IsItemActive() ? context.palette.surface_pressed : context.palette.surface,
                    metrics.rounding);
    ImVec2 box_min(min.x + metrics.Px(12), min.y + metrics.Px(14));
    ImVec2 box_max(box_min.x + box, box_min.y + box);
    draw_list->AddRect(box_min, box_max, context.palette.accent, metrics.Px(6), 0, metrics.Px(4));
    if (checked) {
        FillRoundedRect(draw_list, box_min, box_max, context.palette.accent, metrics.Px(6));
        DrawIcon(draw_list, Icon::Check, ImVec2((box_min.x + box_max.x) / 2, (box_min.y + box_max.y) / 2), box * 0.8f,
                 context.palette.on_accent);
    }
    DrawTextAt(draw_list, FontRole::Body, ImVec2(min.x + text_left, min.y + metrics.Px(12)), context.palette.text, paper.name,
               text_width);
    if (!small.empty())
        DrawTextAt(draw_list, FontRole::Small, ImVec2(min.x + text_left, min.y + metrics.Px(14) + name_size.y),
                   context.palette.text_muted, small, text_width);
    RecordTappable(paper.name, min, max);
}

// Every paper of the page has its own tick, counted across the checklist sections.
void DrawPaperGroups(Context& context, const page::Section& section, std::vector<bool>& checked, size_t& next_paper) {
    for (const auto& group : section.groups) {
        if (!group.heading.empty()) Paragraph(FontRole::Bold, context.palette.text_muted, group.heading);
        for (const auto& paper : group.papers) {
            if (checked.size() <= next_paper) checked.resize(next_paper + 1, false);
            bool ticked = checked[next_paper];
            DrawPaperRow(context, paper, "##paper-" + std::to_string(next_paper), ticked);
            checked[next_paper] = ticked;
            ++next_paper;
        }
    }
}

void DrawLines(Context& context, const page::Section& section) {
    bool bulleted = section.kind == page::SectionKind::Notes || section.kind == page::SectionKind::Results ||
                    section.kind == page::SectionKind::LegalBasis;
    for (const auto& line : section.lines) Paragraph(FontRole::Body, context.palette.text, bulleted ? "• " + line : line);
}

void DrawContentAge(Context& context, const page::ProcedurePage& page) {
    if (page.content_age.empty()) return;
    bool stale = !page.content_stale.empty();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(12)));
    Paragraph(FontRole::Small, stale ? context.palette.warning : context.palette.text_muted, page.content_age);
    if (stale) Paragraph(FontRole::Small, context.palette.warning, page.content_stale);
}

void DrawQr(const page::Section& section, float side) {
    SectionHeading(section);
    QrCode(section.qr_url, side, section.qr_caption);
}

}  // namespace

void ProcedureDetailScreen::Draw(const PageArea& area, const std::string& code) {
    Context& context = CurrentContext();
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    if (!catalog) return DrawContentUnavailable(area);
    bool entering = loaded_code != code;
    if (entering || loaded_language != context.session.language) {
        if (entering) papers_checked.clear();
        loaded_code = code;
        loaded_language = context.session.language;
        auto built = page::PageFromCatalog(*catalog, code, context.session.language, context.config.content_max_age_days);
        page = built ? std::optional(std::move(built.value())) : std::nullopt;
    }
    const Metrics& metrics = context.metrics;
    if (!page) {
        ImGui::SetCursorScreenPos(area.min);
        ImGui::BeginGroup();
        Heading(context.T("procedure.not_found"));
        ImGui::EndGroup();
        return;
    }

    // Landscape keeps the QR beside the text; portrait draws it where the page puts it.
    bool side_panel = context.Landscape();
    float qr_side = metrics.Px(340);
    float panel_width = side_panel ? qr_side + metrics.Px(40) : 0;
    float text_width = area.Width() - (side_panel ? panel_width + metrics.gap : 0);
    const page::Section* qr = page::FindSection(*page, page::SectionKind::Qr);

    ImGui::SetCursorScreenPos(area.min);
    std::string view_id = "procedure-" + code;
    BeginScrollView(view_id.c_str(), ImVec2(text_width, area.Height()), entering);
    Paragraph(FontRole::Heading, context.palette.text, page->name);
    Paragraph(FontRole::Small, context.palette.text_muted, page->code_line);
    if (!page->language_note.empty()) Paragraph(FontRole::Bold, context.palette.text, page->language_note);
    if (!page->stamp.empty()) Paragraph(FontRole::Bold, context.palette.accent, page->stamp);
    size_t next_paper = 0;
    for (const auto& part : page->parts) {
        if (!part.title.empty()) {
            ImGui::Dummy(ImVec2(0, metrics.Px(24)));
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + text_width - context.right_inset, at.y),
                                                context.palette.text_muted, metrics.Px(2));
            ImGui::Dummy(ImVec2(0, metrics.Px(12)));
            Paragraph(FontRole::Heading, context.palette.accent, part.title);
        }
        for (const auto& section : part.sections) {
            switch (section.kind) {
                case page::SectionKind::Essentials: DrawEssentials(context, section, side_panel); break;
                case page::SectionKind::Qr:
                    if (!side_panel) DrawQr(section, qr_side);
                    break;
                case page::SectionKind::Papers:
                case page::SectionKind::ConditionalPapers:
                    SectionHeading(section);
                    DrawPaperGroups(context, section, papers_checked, next_paper);
                    DrawLines(context, section);
                    break;
                case page::SectionKind::Channels:
                case page::SectionKind::LegalFacts:
                    SectionHeading(section);
                    DrawFacts(context, section);
                    break;
                default:
                    SectionHeading(section);
                    DrawLines(context, section);
                    break;
            }
        }
    }
    DrawContentAge(context, *page);
    EndScrollView();

    if (side_panel && qr) {
        ImGui::SetCursorScreenPos(ImVec2(area.max.x - panel_width, area.min.y));
        ImGui::BeginGroup();
        ImGui::PushID("qr-panel");
        ImVec2 start = ImGui::GetCursorScreenPos();
        DrawTextAt(ImGui::GetWindowDrawList(), FontRole::Bold, start, context.palette.text, qr->title, panel_width);
        ImGui::Dummy(ImVec2(panel_width, MeasureText(FontRole::Bold, qr->title, panel_width).y));
        ImGui::PushClipRect(ImVec2(area.max.x - panel_width, area.min.y), area.max, true);
        ImGui::BeginChild("qr", ImVec2(panel_width, area.max.y - ImGui::GetCursorScreenPos().y), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        QrCode(qr->qr_url, qr_side, qr->qr_caption);
        ImGui::EndChild();
        ImGui::PopClipRect();
        ImGui::PopID();
        ImGui::EndGroup();
    }
}

}  // namespace kiosk::ui
