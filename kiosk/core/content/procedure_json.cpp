#include <regex>

#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::content {
namespace {

bool IsProcedureCode(const std::string& code) {
    // "1.000894", sub-cases "1.001194.01", local variants "1.012753.H19".
    static const std::regex pattern(R"(\d+\.\d+(\.[0-9A-Za-z]+)*)");
    return std::regex_match(code, pattern);
}

OrderedJson FeeToJson(const Fee& fee) {
    OrderedJson out;
    out["kind"] = FeeKindCode(fee.kind);
    if (fee.amount_dong) out["amount_dong"] = *fee.amount_dong;
    out["text"] = fee.text;
    out["description"] = fee.description;
    return out;
}

Fee FeeFromJson(const JsonFieldReader& reader) {
    Fee fee;
    auto code = reader.RequiredText("kind");
    auto kind = FeeKindFromCode(code);
    if (!kind)
        reader.Fail("kind", "must be one of \"free\", \"amount\", \"province_set\", \"other\", \"unknown\", found \"" + code +
                                "\"");
    fee.kind = *kind;
    if (reader.Has("amount_dong")) fee.amount_dong = reader.RequiredInteger("amount_dong");
    if (fee.kind == FeeKind::Amount && !fee.amount_dong) reader.Fail("amount_dong", "is missing (required when kind is \"amount\")");
    if (fee.amount_dong && *fee.amount_dong < 0) reader.Fail("amount_dong", "must not be negative");
    if (fee.kind != FeeKind::Amount && fee.amount_dong)
        reader.Fail("amount_dong", "must be absent unless kind is \"amount\"");
    fee.text = reader.OptionalText("text");
    fee.description = reader.OptionalText("description");
    return fee;
}

ProcessingTime TimeFromJson(const JsonFieldReader& reader) {
    ProcessingTime time;
    time.value = reader.OptionalText("value");
    auto code = reader.RequiredText("unit");
    auto unit = TimeUnitFromCode(code);
    if (!unit)
        reader.Fail("unit",
                    "must be one of \"ngay_lam_viec\", \"ngay\", \"gio\", \"thang\", \"trong_ngay\", \"unknown\", found \"" +
                        code + "\"");
    time.unit = *unit;
    time.text = reader.OptionalText("text");
    if (time.unit == TimeUnit::SameDay && !time.value.empty())
        reader.Fail("value", "must be empty when unit is \"trong_ngay\" (same day), found \"" + time.value + "\"");
    if (time.unit != TimeUnit::SameDay && time.unit != TimeUnit::Unknown && time.value.empty())
        reader.Fail("value", "is empty but unit is \"" + code + "\" (a unit needs a figure)");
    return time;
}

Document DocumentFromJson(const JsonFieldReader& item) {
    Document document;
    auto code = item.OptionalText("kind");
    if (!code.empty()) {
        auto kind = DocumentKindFromCode(code);
        if (!kind) item.Fail("kind", "must be \"giay_to\" or \"giay_to_theo_truong_hop\", found \"" + code + "\"");
        document.kind = *kind;
    }
    document.group = item.OptionalText("group");
    document.name = item.RequiredText("name");
    document.condition = item.OptionalText("condition");
    document.details = item.OptionalText("details");
    document.form = item.OptionalText("form");
    document.originals = static_cast<int>(item.OptionalInteger("originals", 0));
    document.copies = static_cast<int>(item.OptionalInteger("copies", 0));
    if (document.originals < 0) item.Fail("originals", "must not be negative");
    if (document.copies < 0) item.Fail("copies", "must not be negative");
    if (document.originals == 0 && document.copies == 0)
        item.Fail("originals", "and \"copies\" are both 0: a row with nothing to bring is a note (document_notes), not a paper");
    if (document.kind == DocumentKind::ConditionalPaper && document.condition.empty())
        item.Fail("condition", "is empty: a conditional paper (\"giay_to_theo_truong_hop\") needs the case it applies to");
    document.quantity_text = item.OptionalText("quantity_text");
    return document;
}

Step StepFromJson(const JsonFieldReader& item) {
    Step step;
    step.text = item.RequiredText("text");
    if (step.text.empty()) item.Fail("text", "is empty");
    step.details = item.OptionalTextList("details");
    return step;
}

}  // namespace

OrderedJson ProcedureToJson(const Procedure& procedure) {
    OrderedJson out;
    out["code"] = procedure.code;
    out["name"] = procedure.name;
    out["field"] = procedure.field_id;
    out["commune_level"] = procedure.commune_level;
    out["online_level"] = OnlineLevelCode(procedure.online_level);
    out["decision_number"] = procedure.decision_number;
    out["levels"] = procedure.levels;
    out["procedure_type"] = procedure.procedure_type;
    out["subjects"] = procedure.subjects;
    out["agencies"] = {{"executing", procedure.agencies.executing},
                       {"competent", procedure.agencies.competent},
                       {"authorized", procedure.agencies.authorized},
                       {"coordinating", procedure.agencies.coordinating}};
    out["reception_address"] = procedure.reception_address;
    out["steps"] = OrderedJson::array();
    for (const auto& step : procedure.steps) out["steps"].push_back({{"text", step.text}, {"details", step.details}});
    out["step_notes"] = procedure.step_notes;
    out["channels"] = OrderedJson::array();
    for (const auto& channel : procedure.channels) {
        OrderedJson item;
        item["kind"] = ChannelKindCode(channel.kind);
        item["name"] = channel.name;
        item["time"] = {{"value", channel.time.value}, {"unit", TimeUnitCode(channel.time.unit)}, {"text", channel.time.text}};
        item["fee"] = FeeToJson(channel.fee);
        item["description"] = channel.description;
        out["channels"].push_back(std::move(item));
    }
    out["documents"] = OrderedJson::array();
    for (const auto& document : procedure.documents) {
        OrderedJson item;
        item["kind"] = DocumentKindCode(document.kind);
        item["group"] = document.group;
        item["name"] = document.name;
        item["condition"] = document.condition;
        item["details"] = document.details;
        item["form"] = document.form;
        item["originals"] = document.originals;
        item["copies"] = document.copies;
        item["quantity_text"] = document.quantity_text;
        out["documents"].push_back(std::move(item));
    }
    out["document_notes"] = procedure.document_notes;
    out["legal_basis"] = OrderedJson::array();
    for (const auto& document : procedure.legal_basis)
        out["legal_basis"].push_back(
            {{"number", document.number}, {"date", document.date}, {"issuer", document.issuer}, {"title", document.title}});
    out["requirements"] = procedure.requirements;
    out["results"] = OrderedJson::array();
    for (const auto& result : procedure.results) out["results"].push_back({{"name", result.name}, {"code", result.code}});
    out["related_procedures"] = procedure.related_procedures;
    out["portal_url"] = procedure.portal_url;
    out["effective_from"] = procedure.effective_from;
    out["effective_until"] = procedure.effective_until;
    return out;
}

Procedure ProcedureFromJson(const JsonFieldReader& reader) {
    Procedure procedure;
    procedure.code = reader.RequiredText("code", kMaxNameBytes);
    if (!IsProcedureCode(procedure.code))
        reader.Fail("code", "must look like \"1.000894\" (digits, a dot, digits), found \"" + procedure.code + "\"");
    procedure.name = reader.RequiredText("name", kMaxNameBytes);
    procedure.field_id = reader.RequiredText("field", kMaxNameBytes);
    procedure.commune_level = reader.OptionalBoolean("commune_level", false);
    auto level_code = reader.OptionalText("online_level");
    if (!level_code.empty()) {
        auto level = OnlineLevelFromCode(level_code);
        if (!level)
            reader.Fail("online_level", "must be one of \"toan_trinh\", \"mot_phan\", \"thong_tin\", \"none\", \"unknown\", found \"" +
                                            level_code + "\"");
        procedure.online_level = *level;
    }
    procedure.decision_number = reader.OptionalText("decision_number");
    procedure.levels = reader.OptionalTextList("levels");
    procedure.procedure_type = reader.OptionalText("procedure_type");
    procedure.subjects = reader.OptionalText("subjects");
    if (reader.Has("agencies")) {
        auto agencies = reader.RequiredObject("agencies");
        procedure.agencies.executing = agencies.OptionalText("executing");
        procedure.agencies.competent = agencies.OptionalText("competent");
        procedure.agencies.authorized = agencies.OptionalText("authorized");
        procedure.agencies.coordinating = agencies.OptionalText("coordinating");
    }
    procedure.reception_address = reader.OptionalText("reception_address");
    for (const auto& item : reader.OptionalObjectList("steps")) procedure.steps.push_back(StepFromJson(item));
    procedure.step_notes = reader.OptionalTextList("step_notes");
    for (const auto& item : reader.OptionalObjectList("channels")) {
        Channel channel;
        auto kind_code = item.RequiredText("kind");
        auto kind = ChannelKindFromCode(kind_code);
        if (!kind)
            item.Fail("kind", "must be one of \"truc_tiep\", \"truc_tuyen\", \"buu_chinh\", \"khac\", found \"" + kind_code + "\"");
        channel.kind = *kind;
        channel.name = item.RequiredText("name");
        if (item.Has("time")) channel.time = TimeFromJson(item.RequiredObject("time"));
        if (item.Has("fee")) channel.fee = FeeFromJson(item.RequiredObject("fee"));
        channel.description = item.OptionalText("description");
        procedure.channels.push_back(std::move(channel));
    }
    for (const auto& item : reader.OptionalObjectList("documents")) procedure.documents.push_back(DocumentFromJson(item));
    procedure.document_notes = reader.OptionalTextList("document_notes");
    for (const auto& item : reader.OptionalObjectList("legal_basis")) {
        LegalDocument document{item.OptionalText("number"), item.OptionalText("date"), item.OptionalText("issuer"),
                               item.OptionalText("title")};
        if (document.number.empty() && document.title.empty()) item.Fail("number", "and \"title\" are both empty");
        if (!document.date.empty() && !IsCalendarDate(document.date))
            item.Fail("date", "must be a date YYYY-MM-DD that the calendar has, or empty, found \"" + document.date + "\"");
        procedure.legal_basis.push_back(std::move(document));
    }
    procedure.requirements = reader.OptionalText("requirements");
    for (const auto& item : reader.OptionalObjectList("results"))
        procedure.results.push_back({item.RequiredText("name"), item.OptionalText("code")});
    procedure.related_procedures = reader.OptionalText("related_procedures");
    procedure.portal_url = reader.OptionalText("portal_url");
    procedure.effective_from = reader.OptionalText("effective_from");
    procedure.effective_until = reader.OptionalText("effective_until");
    if (!procedure.effective_from.empty() && !IsCalendarDate(procedure.effective_from))
        reader.Fail("effective_from", "must be a date YYYY-MM-DD that the calendar has, or empty, found \"" +
                                          procedure.effective_from + "\"");
    if (!procedure.effective_until.empty() && !IsCalendarDate(procedure.effective_until))
        reader.Fail("effective_until", "must be a date YYYY-MM-DD that the calendar has, or empty, found \"" +
                                           procedure.effective_until + "\"");
    return procedure;
}

// Every content file the kiosk writes (the importer, the tools) is NFC: normalizing the
// JSON text normalizes each string in it, and JSON's own characters are never combined.
std::string DumpDocument(const OrderedJson& document) {
    return text::NormalizeNfc(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n";
}

std::string DumpLine(const OrderedJson& document) {
    return text::NormalizeNfc(document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace kiosk::content
