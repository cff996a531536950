#include "kiosk/core/page/page_text.hpp"

namespace kiosk::page {
namespace {

void Line(std::string& out, std::string_view indent, std::string_view text) {
    if (text.empty()) return;
    out += indent;
    out += text;
    out += '\n';
}

void Facts(std::string& out, const std::vector<Fact>& facts) {
    for (const auto& fact : facts) {
        if (fact.value.empty()) Line(out, "  ", fact.label);
        else Line(out, "  ", fact.label + ": " + fact.value);
        for (const auto& detail : fact.details) Line(out, "      ", detail);
    }
}

void PrintSection(std::string& out, const page::Section& section) {
    out += '\n';
    Line(out, "", section.title);
    Line(out, "", section.official);
    Line(out, "", section.hint);
    Facts(out, section.facts);
    for (const auto& group : section.groups) {
        Line(out, "  ", group.heading);
        for (const auto& paper : group.papers) {
            Line(out, "  [ ] ", paper.name);
            Line(out, "      ", paper.quantity);
            Line(out, "      ", paper.form);
            Line(out, "      ", paper.details);
        }
    }
    for (const auto& line : section.lines) Line(out, "  ", line);
    if (!section.action.empty()) Line(out, "  ", "[" + section.action + "]");
    Line(out, "  ", section.qr_url);
    Line(out, "  ", section.qr_caption);
}

}  // namespace

std::string PageToText(const ProcedurePage& page) {
    std::string out;
    Line(out, "", page.name);
    Line(out, "", page.code_line);
    Line(out, "", page.language_note);
    Line(out, "", page.stamp);
    for (const auto& part : page.parts) {
        if (!part.title.empty()) out += "\n== " + part.title + " ==\n";
        for (const auto& section : part.sections) PrintSection(out, section);
    }
    if (!page.content_age.empty()) out += '\n';
    Line(out, "", page.content_age);
    Line(out, "", page.content_stale);
    return out;
}

}  // namespace kiosk::page
