#include "kiosk/core/page/page_json.hpp"

namespace kiosk::page {
namespace {

nlohmann::ordered_json FactToJson(const Fact& fact) {
    return {{"id", fact.id},
            {"symbol", SymbolCode(fact.symbol)},
            {"label", fact.label},
            {"value", fact.value},
            {"details", fact.details}};
}

nlohmann::ordered_json SectionToJson(const Section& section) {
    nlohmann::ordered_json out{{"kind", SectionKindCode(section.kind)}, {"title", section.title}};
    if (!section.official.empty()) out["official"] = section.official;
    if (!section.hint.empty()) out["hint"] = section.hint;
    if (!section.facts.empty()) {
        out["facts"] = nlohmann::ordered_json::array();
        for (const auto& fact : section.facts) out["facts"].push_back(FactToJson(fact));
    }
    if (!section.groups.empty()) {
        out["groups"] = nlohmann::ordered_json::array();
        for (const auto& group : section.groups) {
            nlohmann::ordered_json papers = nlohmann::ordered_json::array();
            for (const auto& paper : group.papers)
                papers.push_back({{"name", paper.name}, {"quantity", paper.quantity}, {"form", paper.form}, {"details", paper.details}});
            out["groups"].push_back({{"heading", group.heading}, {"papers", std::move(papers)}});
        }
    }
    if (!section.lines.empty()) out["lines"] = section.lines;
    if (!section.action.empty()) out["action"] = section.action;
    if (!section.qr_url.empty()) {
        out["qr_url"] = section.qr_url;
        out["qr_caption"] = section.qr_caption;
    }
    return out;
}

}  // namespace

nlohmann::ordered_json PageToJson(const ProcedurePage& page) {
    nlohmann::ordered_json out{{"code", page.code}, {"name", page.name}, {"code_line", page.code_line}};
    if (!page.language_note.empty()) out["language_note"] = page.language_note;
    if (!page.stamp.empty()) out["stamp"] = page.stamp;
    out["parts"] = nlohmann::ordered_json::array();
    for (const auto& part : page.parts) {
        nlohmann::ordered_json sections = nlohmann::ordered_json::array();
        for (const auto& section : part.sections) sections.push_back(SectionToJson(section));
        out["parts"].push_back({{"kind", PartKindCode(part.kind)}, {"title", part.title}, {"sections", std::move(sections)}});
    }
    if (!page.content_age.empty()) out["content_age"] = page.content_age;
    if (!page.content_stale.empty()) out["content_stale"] = page.content_stale;
    return out;
}

}  // namespace kiosk::page
