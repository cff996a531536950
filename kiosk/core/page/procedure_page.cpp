#include "kiosk/core/page/procedure_page.hpp"

#include "kiosk/core/catalog/catalog.hpp"
#include "kiosk/core/content/portal_link.hpp"
#include "kiosk/core/i18n/strings.hpp"
#include "kiosk/core/page/page_words.hpp"

namespace kiosk::page {
namespace {

using content::ChannelKind;
using content::OnlineLevel;
using content::Procedure;

// The words of one page, all in the page's language.
class Words {
public:
    explicit Words(Language language) : language_(language) {}
    Language language() const { return language_; }
    std::string operator()(std::string_view key) const { return std::string(i18n::Get(language_, key)); }
    std::string Format(std::string_view key, std::initializer_list<std::string_view> arguments) const {
        return i18n::Format(i18n::Get(language_, key), arguments);
    }

private:
    Language language_;
};

const content::Channel* FindChannel(const Procedure& procedure, ChannelKind kind) {
    for (const auto& channel : procedure.channels)
        if (channel.kind == kind) return &channel;
    return nullptr;
}

// The channel a citizen at the desk uses: in person when the portal lists it, else the first.
const content::Channel* DeskChannel(const Procedure& procedure) {
    if (const auto* in_person = FindChannel(procedure, ChannelKind::InPerson)) return in_person;
    return procedure.channels.empty() ? nullptr : &procedure.channels.front();
}

std::string TimeValue(const Procedure& procedure, const Words& words) {
    const content::Channel* desk = DeskChannel(procedure);
    auto known = [](const content::ProcessingTime& time) {
        return time.unit == content::TimeUnit::SameDay || (!time.value.empty() && time.unit != content::TimeUnit::Unknown);
    };
    if (desk && known(desk->time)) return TimeWords(desk->time, words.language());
    // The desk's row gives no usable figure: another channel's may (often the same office).
    for (const auto& channel : procedure.channels)
        if (known(channel.time)) return TimeWords(channel.time, words.language());
    return words("procedure.ask_desk");
}

Fact FeeFact(const Procedure& procedure, const Words& words) {
    Fact fact{"fee", Symbol::Money, words("procedure.fee"), words("procedure.ask_desk"), {}};
    const content::Channel* desk = DeskChannel(procedure);
    if (!desk) return fact;
    const content::Fee* fee = &desk->fee;
    if (fee->kind == content::FeeKind::Unknown)
        for (const auto& channel : procedure.channels)
            if (channel.fee.kind != content::FeeKind::Unknown) {
                fee = &channel.fee;
                break;
            }
    fact.value = FeeWords(*fee, words.language());
    return fact;
}

// Where to file: the procedure's own reception address; for a commune-level procedure the
// commune's address from the manifest; else the office the portal names.
std::string WhereToFile(const Procedure& procedure, const content::Manifest& manifest, const Words& words) {
    if (!procedure.reception_address.empty()) return procedure.reception_address;
    if (procedure.commune_level && !manifest.commune.address.empty()) return manifest.commune.address;
    if (!procedure.agencies.executing.empty()) return procedure.agencies.executing;
    if (!procedure.agencies.competent.empty()) return procedure.agencies.competent;
    return words("procedure.ask_desk");
}

// Online filing: the level when the content knows it, else the channels the portal lists
// (a Trực tuyến channel means it can be filed online).
struct OnlineWords {
    std::string value;
    std::string line;
    bool possible = false;
};

OnlineWords Online(const Procedure& procedure, const Words& words) {
    switch (procedure.online_level) {
        case OnlineLevel::FullyOnline:
            return {words("procedure.online.full"), words("procedure.online.full.line"), true};
        case OnlineLevel::Partly:
            return {words("procedure.online.partly"), words("procedure.online.partly.line"), true};
        case OnlineLevel::InformationOnly:
            return {words("procedure.online.information"), words("procedure.online.none.line"), false};
        case OnlineLevel::None:
            return {words("procedure.online.none"), words("procedure.online.none.line"), false};
        case OnlineLevel::OnlineFiling:
        case OnlineLevel::Unknown: break;
    }
    if (procedure.HasOnlineChannel())
        return {words("procedure.online.channel"), words("procedure.online.channel.line"), true};
    if (!procedure.channels.empty())
        return {words("procedure.online.none"), words("procedure.online.none.line"), false};
    return {words("procedure.ask_desk"), words("procedure.online.unknown.line"), false};
}

Section EssentialsSection(const Procedure& procedure, const content::Manifest& manifest, const Words& words) {
    Section section{SectionKind::Essentials};
    section.facts.push_back({"time", Symbol::Clock, words("procedure.time"), TimeValue(procedure, words), {}});
    section.facts.push_back(FeeFact(procedure, words));
    std::string where = WhereToFile(procedure, manifest, words);
    section.facts.push_back({"where", Symbol::Place, words("procedure.where"), where, {}});
    // The commune's hours belong to the commune's office: shown when that is where one files.
    if (where == manifest.commune.address && !manifest.commune.opening_hours.empty())
        section.facts.push_back({"hours", Symbol::Hours, words("procedure.hours"), manifest.commune.opening_hours, {}});
    OnlineWords online = Online(procedure, words);
    section.facts.push_back({"online", Symbol::Globe, words("procedure.online"), online.value, {online.line}});
    if (online.possible) section.action = words("procedure.online.guide");
    return section;
}

std::string Quantity(const content::Document& document, const Words& words) {
    std::string quantity;
    if (document.originals > 0)
        quantity = words.Format(document.originals == 1 ? "procedure.quantity.original" : "procedure.quantity.originals",
                                {std::to_string(document.originals)});
    if (document.copies > 0)
        quantity += (quantity.empty() ? "" : ", ") +
                    words.Format(document.copies == 1 ? "procedure.quantity.copy" : "procedure.quantity.copies",
                                 {std::to_string(document.copies)});
    return quantity;
}

Section PapersSection(const Procedure& procedure, const Words& words) {
    Section section{SectionKind::Papers, words("procedure.documents"), words("procedure.documents.official")};
    if (procedure.documents.empty()) {
        section.lines.push_back(words("procedure.documents.none"));
        return section;
    }
    section.hint = words("procedure.documents.hint");
    for (const auto& document : procedure.documents) {
        if (document.kind != content::DocumentKind::Paper) continue;
        if (section.groups.empty() || section.groups.back().heading != document.group)
            section.groups.push_back({document.group, {}});
        std::string form = document.form.empty() ? std::string() : words.Format("procedure.form", {document.form});
        section.groups.back().papers.push_back({document.name, Quantity(document, words), form});
    }
    return section;
}

// Papers needed only in a named case: one group per case, after the papers everyone needs.
Section ConditionalPapersSection(const Procedure& procedure, const Words& words) {
    Section section{SectionKind::ConditionalPapers, words("procedure.conditional")};
    section.hint = words("procedure.conditional.hint");
    for (const auto& document : procedure.documents) {
        if (document.kind != content::DocumentKind::ConditionalPaper) continue;
        if (section.groups.empty() || section.groups.back().heading != document.condition)
            section.groups.push_back({document.condition, {}});
        std::string form = document.form.empty() ? std::string() : words.Format("procedure.form", {document.form});
        section.groups.back().papers.push_back({document.name, Quantity(document, words), form});
    }
    return section;
}

Section QrSection(const Procedure& procedure, const content::Manifest& manifest, const Words& words) {
    Section section{SectionKind::Qr, words("procedure.qr.title")};
    section.qr_url = content::BuildPortalQrUrl(manifest.commune, procedure);
    section.qr_caption = words("procedure.qr.caption");
    return section;
}

Section ChannelsSection(const Procedure& procedure, const Words& words) {
    Section section{SectionKind::Channels, words("procedure.channels"), words("procedure.channels.official")};
    for (const auto& channel : procedure.channels) {
        Fact fact{"channel", Symbol::None, channel.name, {}, {}};
        fact.details.push_back(words.Format("procedure.labelled",
                                            {words("procedure.time"), TimeWords(channel.time, words.language())}));
        fact.details.push_back(words.Format("procedure.labelled",
                                            {words("procedure.fee"), FeeWords(channel.fee, words.language())}));
        if (!channel.description.empty()) fact.details.push_back(channel.description);
        section.facts.push_back(std::move(fact));
    }
    return section;
}

Section StepsSection(const Procedure& procedure, const Words& words) {
    Section section{SectionKind::Steps, words("procedure.steps"), words("procedure.steps.official")};
    for (size_t index = 0; index < procedure.steps.size(); ++index) {
        // Steps from the portal often already start with "Bước 1:"; number the others.
        // The importer removed the portal's own marks ("- ", "Bước 1:"): the page numbers them.
        const auto& step = procedure.steps[index];
        section.lines.push_back(std::to_string(index + 1) + ". " + step.text);
        for (const auto& detail : step.details) section.lines.push_back("• " + detail);
    }
    return section;
}

Section TextSection(SectionKind kind, std::string title, std::string official, std::string text) {
    Section section{kind, std::move(title), std::move(official)};
    section.lines.push_back(std::move(text));
    return section;
}

Section LegalFactsSection(const Procedure& procedure, const std::string& field_name, const Words& words) {
    Section section{SectionKind::LegalFacts, words("procedure.legal.facts")};
    auto add = [&](const char* id, const char* key, const std::string& value) {
        if (!value.empty()) section.facts.push_back({id, Symbol::None, words(key), value, {}});
    };
    add("decision", "procedure.legal.decision", procedure.decision_number);
    std::string levels;
    for (const auto& level : procedure.levels) levels += (levels.empty() ? "" : ", ") + level;
    add("levels", "procedure.legal.levels", levels);
    add("type", "procedure.legal.type", procedure.procedure_type);
    add("field", "procedure.legal.field", field_name);
    add("executing", "procedure.legal.executing", procedure.agencies.executing);
    add("competent", "procedure.legal.competent", procedure.agencies.competent);
    add("authorized", "procedure.legal.authorized", procedure.agencies.authorized);
    add("coordinating", "procedure.legal.coordinating", procedure.agencies.coordinating);
    // Form templates by name, each once, in the order of the papers.
    Fact forms{"forms", Symbol::None, words("procedure.legal.forms"), {}, {}};
    for (const auto& document : procedure.documents) {
        if (document.form.empty()) continue;
        bool seen = false;
        for (const auto& form : forms.details) seen = seen || form == document.form;
        if (!seen) forms.details.push_back(document.form);
    }
    if (!forms.details.empty()) section.facts.push_back(std::move(forms));
    add("related", "procedure.legal.related", procedure.related_procedures);
    return section;
}

Section LegalBasisSection(const Procedure& procedure, const Words& words) {
    Section section{SectionKind::LegalBasis, words("procedure.legal")};
    for (const auto& reference : procedure.legal_basis) {
        if (reference.title.empty()) section.lines.push_back(reference.number);
        else if (reference.number.empty()) section.lines.push_back(reference.title);
        else section.lines.push_back(reference.number + " — " + reference.title);
    }
    return section;
}

}  // namespace

ProcedurePage BuildProcedurePage(const PageSource& source) {
    const Procedure& procedure = *source.procedure;
    const content::Manifest& manifest = *source.manifest;
    Words words(source.language);
    ProcedurePage page;
    page.code = procedure.code;
    page.name = procedure.name;
    page.code_line = words.Format("procedure.code", {procedure.code});
    if (source.language != Language::Vietnamese) page.language_note = words("procedure.language_note");

    Part essentials{PartKind::Essentials, {}};  // the top of the page needs no title
    essentials.sections.push_back(EssentialsSection(procedure, manifest, words));
    essentials.sections.push_back(PapersSection(procedure, words));
    bool conditional = false;
    for (const auto& document : procedure.documents) conditional = conditional || document.kind == content::DocumentKind::ConditionalPaper;
    if (conditional) essentials.sections.push_back(ConditionalPapersSection(procedure, words));
    if (!procedure.document_notes.empty()) {
        Section notes{SectionKind::Notes, words("procedure.notes")};
        notes.lines = procedure.document_notes;
        essentials.sections.push_back(std::move(notes));
    }
    essentials.sections.push_back(QrSection(procedure, manifest, words));
    page.parts.push_back(std::move(essentials));

    Part full_text{PartKind::FullText, words("procedure.part.full_text")};
    if (!procedure.channels.empty()) full_text.sections.push_back(ChannelsSection(procedure, words));
    if (!procedure.steps.empty()) full_text.sections.push_back(StepsSection(procedure, words));
    if (!procedure.step_notes.empty()) {
        Section notes{SectionKind::Notes, words("procedure.notes")};
        notes.lines = procedure.step_notes;
        full_text.sections.push_back(std::move(notes));
    }
    if (!procedure.subjects.empty())
        full_text.sections.push_back(TextSection(SectionKind::Subjects, words("procedure.subjects"),
                                                 words("procedure.subjects.official"), procedure.subjects));
    if (!procedure.requirements.empty())
        full_text.sections.push_back(TextSection(SectionKind::Requirements, words("procedure.requirements"),
                                                 words("procedure.requirements.official"), procedure.requirements));
    if (!procedure.results.empty()) {
        Section results{SectionKind::Results, words("procedure.result"), words("procedure.result.official")};
        for (const auto& result : procedure.results) results.lines.push_back(result.name);
        full_text.sections.push_back(std::move(results));
    }
    if (!full_text.sections.empty()) page.parts.push_back(std::move(full_text));

    Part legal{PartKind::Legal, words("procedure.part.legal")};
    Section facts = LegalFactsSection(procedure, source.field_name, words);
    if (!facts.facts.empty()) legal.sections.push_back(std::move(facts));
    if (!procedure.legal_basis.empty()) legal.sections.push_back(LegalBasisSection(procedure, words));
    if (!legal.sections.empty()) page.parts.push_back(std::move(legal));

    if (source.content_age_days) {
        page.content_age = words.Format("procedure.content_age", {manifest.created, std::to_string(*source.content_age_days)});
        if (*source.content_age_days > source.content_max_age_days) page.content_stale = words("procedure.content_stale");
    }
    return page;
}

Result<ProcedurePage> PageFromCatalog(const catalog::Catalog& catalog, std::string_view code, Language language,
                                      int content_max_age_days) {
    auto procedure = catalog.FindProcedure(code);
    if (!procedure) return procedure.error();
    PageSource source;
    source.procedure = &procedure.value();
    source.manifest = &catalog.manifest();
    for (const auto& field : catalog.Fields())
        if (field.id == procedure->field_id) source.field_name = field.name;
    source.language = language;
    source.content_age_days = catalog.ContentAgeDays();
    source.content_max_age_days = content_max_age_days;
    return BuildProcedurePage(source);
}

const char* SymbolCode(Symbol symbol) {
    switch (symbol) {
        case Symbol::Clock: return "clock";
        case Symbol::Money: return "money";
        case Symbol::Place: return "place";
        case Symbol::Hours: return "hours";
        case Symbol::Globe: return "globe";
        case Symbol::None: return "none";
    }
    return "none";
}

const char* SectionKindCode(SectionKind kind) {
    switch (kind) {
        case SectionKind::Summary: return "summary";
        case SectionKind::Essentials: return "essentials";
        case SectionKind::Papers: return "papers";
        case SectionKind::ConditionalPapers: return "conditional_papers";
        case SectionKind::Notes: return "notes";
        case SectionKind::Qr: return "qr";
        case SectionKind::Channels: return "channels";
        case SectionKind::Steps: return "steps";
        case SectionKind::Subjects: return "subjects";
        case SectionKind::Requirements: return "requirements";
        case SectionKind::Results: return "results";
        case SectionKind::LegalFacts: return "legal_facts";
        case SectionKind::LegalBasis: return "legal_basis";
    }
    return "unknown";
}

const char* PartKindCode(PartKind kind) {
    switch (kind) {
        case PartKind::Essentials: return "essentials";
        case PartKind::FullText: return "full_text";
        case PartKind::Legal: return "legal";
    }
    return "unknown";
}

const Section* FindSection(const ProcedurePage& page, SectionKind kind) {
    for (const auto& part : page.parts)
        for (const auto& section : part.sections)
            if (section.kind == kind) return &section;
    return nullptr;
}

}  // namespace kiosk::page
