#include "kiosk/ui/screens/results_screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

constexpr double kRefreshSeconds = 5;

bool InVietnamese() { return CurrentContext().session.language == Language::Vietnamese; }

// A bar from 0 to `fraction` of the column, the figure written right of it (or inside
// when the bar is long), the same for votes and for indices.
void Bar(float fraction, ImU32 color, std::string_view figure) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    float width = ImGui::GetContentRegionAvail().x - context.right_inset;
    ImVec2 figure_size = MeasureText(FontRole::Bold, figure);
    float height = std::max(metrics.Px(40), figure_size.y + metrics.Px(8));
    // A fixed column for the figure keeps the bars of one chart the same length.
    float figure_column = std::max(figure_size.x, metrics.Px(240) * metrics.text_scale);
    float track = std::max(metrics.Px(40), width - figure_column - metrics.gap);
    ImVec2 min = ImGui::GetCursorScreenPos();
    FillRoundedRect(draw_list, min, ImVec2(min.x + track, min.y + height), context.palette.surface_pressed, metrics.Px(8));
    float filled = track * std::clamp(fraction, 0.0f, 1.0f);
    if (filled > 0.5f) FillRoundedRect(draw_list, min, ImVec2(min.x + filled, min.y + height), color, metrics.Px(8));
    DrawTextAt(draw_list, FontRole::Bold, ImVec2(min.x + track + metrics.gap, min.y + (height - figure_size.y) * 0.5f),
               context.palette.text, figure);
    ImGui::Dummy(ImVec2(width, height));
}

std::string PercentText(double percent) { return FormatDecimal(percent, 1, InVietnamese()) + "%"; }

void DrawPeriod(Context& context, std::string_view title, const VotePeriodSummary& period) {
    BeginCard();
    Paragraph(FontRole::Bold, context.palette.text, title);
    std::optional<double> percent = period.SatisfiedPercent();
    if (!percent) {
        Paragraph(FontRole::Body, context.palette.text_muted, context.T("results.no_votes"));
        EndCard();
        return;
    }
    Paragraph(FontRole::Heading, context.palette.accent,
              i18n::Format(context.T("results.percent_satisfied"), {PercentText(*percent)}));
    Paragraph(FontRole::Small, context.palette.text_muted,
              i18n::Format(context.T("results.votes_count"), {std::to_string(period.total)}));
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    std::int64_t largest = 1;
    for (const auto& count : period.by_rating) largest = std::max(largest, count.count);
    // Best answer first, as the vote screen shows them.
    std::vector<RatingCount> rows = period.by_rating;
    std::stable_sort(rows.begin(), rows.end(), [](const RatingCount& a, const RatingCount& b) {
        return a.scale != b.scale ? a.scale > b.scale : a.rating > b.rating;
    });
    for (const auto& count : rows) {
        // The label the vote screen showed for this face: one string per rating and scale.
        Paragraph(FontRole::Body, context.palette.text, context.T(RatingLabelKey(count.rating, count.scale)));
        Bar(static_cast<float>(count.count) / static_cast<float>(largest),
            IsSatisfied(count.rating, count.scale) ? context.palette.accent : context.palette.text_muted,
            std::to_string(count.count));
        ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    }
    EndCard();
}

void DrawSatisfaction(Context& context, const ResultsScreen& screen) {
    Paragraph(FontRole::Heading, context.palette.text, context.T("results.satisfaction.title"));
    Paragraph(FontRole::Small, context.palette.text_muted, context.T("results.satisfaction.hint"));
    if (!screen.summary) {
        BeginCard(CardStyle::Warning);
        Paragraph(FontRole::Body, context.palette.text, context.T("results.votes_unavailable"));
        EndCard();
        return;
    }
    DrawPeriod(context, context.T("results.month"), screen.summary->this_month);
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    DrawPeriod(context, context.T("results.year"), screen.summary->this_year);
}

std::string IndexFigure(const content::PublishedIndex& index) {
    std::string value = FormatDecimal(index.value, 2, InVietnamese());
    if (index.unit == "%") return value + "%";
    if (index.max) value += " / " + FormatDecimal(*index.max, 2, InVietnamese());
    return index.unit.empty() ? value : value + " " + index.unit;
}

void DrawPublished(Context& context, const catalog::Catalog* catalog) {
    content::PublishedResults results = catalog ? catalog->Results() : content::PublishedResults{};
    Paragraph(FontRole::Heading, context.palette.text, context.T("results.indices.title"));
    if (results.indices.empty()) Paragraph(FontRole::Body, context.palette.text_muted, context.T("results.indices.none"));
    for (const auto& index : results.indices) {
        BeginCard();
        Paragraph(FontRole::Bold, context.palette.text, index.name);
        std::string year = i18n::Format(context.T("results.year_of"), {std::to_string(index.year)});
        if (!index.note.empty()) year += " · " + index.note;
        Paragraph(FontRole::Small, context.palette.text_muted, year);
        ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
        float fraction = index.max && *index.max > 0 ? static_cast<float>(index.value / *index.max) : 0.0f;
        if (index.max)
            Bar(fraction, context.palette.accent, IndexFigure(index));
        else
            Paragraph(FontRole::Bold, context.palette.text, IndexFigure(index));
        EndCard();
        ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    }
    if (results.exemplary.empty()) return;
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    Paragraph(FontRole::Heading, context.palette.text, context.T("results.exemplary.title"));
    for (const auto& entry : results.exemplary) {
        BeginCard(CardStyle::Accent);
        Paragraph(FontRole::Bold, context.palette.text, entry.name);
        Paragraph(FontRole::Body, context.palette.text, entry.reason);
        if (entry.year)
            Paragraph(FontRole::Small, context.palette.text_muted,
                      i18n::Format(context.T("results.year_of"), {std::to_string(entry.year)}));
        EndCard();
        ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
    }
}

}  // namespace

std::string FormatDecimal(double value, int decimals, bool vietnamese) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (vietnamese) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

void ResultsScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    // Opened again (not drawn last frame): the counts are read afresh, a vote just given included.
    bool reopened = ImGui::GetFrameCount() != drawn_frame + 1;
    drawn_frame = ImGui::GetFrameCount();
    if (reopened || context.now - read_at >= kRefreshSeconds || context.now < read_at) {
        read_at = context.now;
        summary.reset();
        VoteOutbox* outbox = context.services ? context.services->vote_outbox() : nullptr;
        if (outbox) {
            auto result = SummarizeVotes(*outbox, static_cast<std::int64_t>(context.wall_time) * 1000);
            if (result) summary = std::move(*result);
        }
    }
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;

    float top = DrawPageTitle(area, context.T("results.title")) + metrics.gap;
    ImVec2 size(area.Width(), area.max.y - top);
    if (context.Landscape()) {
        float left_width = (size.x - metrics.gap * 2) * 0.45f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("results-votes", ImVec2(left_width, size.y));
        DrawSatisfaction(context, *this);
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("results-published", ImVec2(size.x - left_width - metrics.gap * 2, size.y));
        DrawPublished(context, catalog);
        EndScrollView();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("results", size);
    DrawSatisfaction(context, *this);
    ImGui::Dummy(ImVec2(0, metrics.Px(8)));
    DrawPublished(context, catalog);
    EndScrollView();
}

}  // namespace kiosk::ui
