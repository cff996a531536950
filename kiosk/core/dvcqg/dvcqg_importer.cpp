#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/dvcqg/demo_commune.hpp"
#include "kiosk/core/dvcqg/glued_tables.hpp"
#include "kiosk/core/dvcqg/portal_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

using nlohmann::json;
using content::Procedure;

// A string member, whatever the scrape put there: missing or null → "", numbers as text.
std::string Member(const json* object, const char* key) {
    if (object == nullptr || !object->is_object()) return {};
    auto it = object->find(key);
    if (it == object->end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return {};
}

std::string NormalizeCode(std::string_view raw) {
    std::string code;
    for (char character : text::NormalizeNfc(raw))
        if (character != ' ' && character != '\t' && character != '\n' && character != '\r') code += character;
    return code;
}

std::string FieldSlug(const std::string& name) {
    std::string slug;
    for (const auto& word : text::SplitWords(text::Fold(name))) slug += (slug.empty() ? "" : "-") + word;
    return slug.empty() ? "khac" : slug;
}

content::OnlineLevel DeriveOnlineLevel(const Procedure& procedure) {
    // The data has no online-level field. The only evidence: the name or the online
    // channel's description saying "toàn trình" / "một phần", and whether there is an
    // online channel at all. Anything else stays Unknown ("Chưa xác minh").
    std::string name = text::Fold(procedure.name);
    if (name.find("toan trinh") != std::string::npos) return content::OnlineLevel::FullyOnline;
    if (name.find("mot phan") != std::string::npos) return content::OnlineLevel::Partly;
    for (const auto& channel : procedure.channels) {
        if (channel.kind != content::ChannelKind::Online) continue;
        std::string description = text::Fold(channel.description);
        if (description.find("toan trinh") != std::string::npos) return content::OnlineLevel::FullyOnline;
        if (description.find("mot phan") != std::string::npos) return content::OnlineLevel::Partly;
    }
    if (procedure.HasOnlineChannel()) return content::OnlineLevel::Unknown;
    // A parsed channel table with no "Trực tuyến" row: the portal offers no online filing.
    return procedure.channels.empty() ? content::OnlineLevel::Unknown : content::OnlineLevel::None;
}

std::vector<content::Channel> ReadChannels(const json& line, ImportReport& report) {
    std::vector<content::Channel> channels;
    auto methods = line.find("methods");
    if (methods == line.end() || !methods->is_array()) return channels;
    for (const auto& row : *methods) {
        if (!row.is_object()) continue;
        content::Channel channel;
        channel.name = CleanLine(Member(&row, "channel"), report);
        if (channel.name.empty()) {
            report.Count("channel rows the JSONL could not split (dropped)");
            continue;
        }
        channel.kind = content::ChannelKindFromPortalName(channel.name);
        if (channel.kind == content::ChannelKind::Other) report.Count("channel rows with an unknown channel name (kept as \"khac\")");
        channel.time.value = CleanLine(Member(&row, "time_value"), report);
        channel.time.unit = CleanLine(Member(&row, "time_unit"), report);
        channel.time.text = CleanLine(Member(&row, "time_raw"), report);
        if (!channel.time.value.empty() && channel.time.unit.empty())
            report.Count("time given without a unit, kept as published (channel rows)");
        if (channel.time.value.empty() && channel.time.text.empty()) report.Count("no processing time given (channel rows)");
        channel.fee = ParseFee(CleanLine(Member(&row, "fee"), report));
        if (channel.fee.kind == content::FeeKind::Unknown) report.Count("no fee given (channel rows)");
        if (channel.fee.kind == content::FeeKind::Other) report.Count("fee kept as text, not in đồng (channel rows)");
        channel.description = CleanText(Member(&row, "detail"), report);
        channels.push_back(std::move(channel));
    }
    return channels;
}

std::vector<content::Document> ReadDocuments(const json& line, const json* raw, ImportReport& report) {
    std::vector<content::Document> documents;
    std::string glued = text::NormalizeNfc(Member(raw, "thanh_phan_ho_so"));
    if (!glued.empty() && text::CollapseWhitespace(glued) != kNoInformation)
        documents = ParseDocumentsTable(glued);
    for (auto& document : documents) {
        document.group = CleanLine(document.group, report);
        document.name = CleanLine(document.name, report);
        document.form = CleanLine(document.form, report);
    }
    std::erase_if(documents, [](const content::Document& document) { return document.name.empty(); });
    if (documents.empty()) {
        // The raw table was absent or unreadable: take the JSONL's split, minus its empty rows.
        auto list = line.find("documents");
        if (list != line.end() && list->is_array()) {
            for (const auto& row : *list) {
                content::Document document;
                document.group = CleanLine(Member(&row, "group"), report);
                document.name = CleanLine(Member(&row, "name"), report);
                if (text::SplitWords(document.name).empty()) continue;
                document.form = CleanLine(Member(&row, "form_file"), report);
                int quantity = row.contains("quantity") && row["quantity"].is_number_integer() ? row["quantity"].get<int>() : 0;
                bool copy = text::Fold(Member(&row, "kind")) == "ban sao";
                (copy ? document.copies : document.originals) = std::clamp(quantity, 0, 99);
                document.quantity_text = quantity > 0 ? std::to_string(quantity) + (copy ? " bản sao" : " bản chính") : "";
                documents.push_back(std::move(document));
            }
            if (!documents.empty()) report.Count("documents taken from the JSONL (raw table absent or unreadable)");
        }
    }
    if (documents.empty()) report.Count("procedures with no documents listed");
    return documents;
}

std::vector<content::ProcedureResult> ReadResults(const json& line, const json* raw, ImportReport& report) {
    std::vector<content::ProcedureResult> results;
    bool stripped = false;
    for (auto& result : ParseResults(text::NormalizeNfc(Member(raw, "ket_qua_xu_ly")), stripped)) {
        result.name = CleanLine(result.name, report);
        if (!result.name.empty()) results.push_back(std::move(result));
    }
    if (stripped) report.Count("page UI text stripped from results (\"Từ khóa\", \"Chọn cơ quan thực hiện\" …)");
    if (results.empty()) {
        std::string name = CleanLine(Member(&line, "result_name"), report);
        if (!name.empty()) results.push_back({name, std::string()});
    }
    return results;
}

std::vector<content::LegalReference> ReadLegalBasis(const json& line, const json* raw, ImportReport& report) {
    std::vector<std::string> codes;
    if (auto list = line.find("legal_refs"); list != line.end() && list->is_array())
        for (const auto& code : *list)
            if (code.is_string())
                if (auto cleaned = CleanLine(code.get<std::string>(), report); !cleaned.empty()) codes.push_back(cleaned);
    std::string glued = text::NormalizeNfc(Member(raw, "can_cu_phap_ly"));
    if (text::CollapseWhitespace(glued) == kNoInformation) glued.clear();
    auto references = ParseLegalBasis(glued, codes);
    for (auto& reference : references) reference.title = CleanLine(reference.title, report);
    return references;
}

Procedure BuildProcedure(const json& line, const json* raw, ImportReport& report) {
    // Scalars the portal shows as-is come from the raw page (the JSONL copied them);
    // the JSONL fills in when the raw file is missing.
    auto portal = [&](const char* raw_key, const char* jsonl_key) {
        std::string value = raw ? Member(raw, raw_key) : std::string();
        if (raw == nullptr || !raw->contains(raw_key)) value = Member(&line, jsonl_key);
        return CleanText(value, report);
    };
    Procedure procedure;
    procedure.code = NormalizeCode(Member(&line, "code"));
    procedure.name = CleanLine(Member(&line, "name"), report);
    if (procedure.name.empty()) procedure.name = CleanLine(Member(raw, "ten_thu_tuc"), report);
    procedure.decision_number = portal("so_quyet_dinh", "decision_no");
    if (auto levels = line.find("levels"); levels != line.end() && levels->is_array()) {
        for (const auto& level : *levels)
            if (level.is_string())
                if (auto cleaned = CleanLine(level.get<std::string>(), report); !cleaned.empty()) procedure.levels.push_back(cleaned);
    }
    procedure.procedure_type = portal("loai_thu_tuc", "procedure_type");
    // Until the fields are numbered, field_id holds the field's name.
    procedure.field_id = CleanLine(Member(&line, "field"), report);
    if (procedure.field_id.empty()) procedure.field_id = CleanLine(Member(raw, "linh_vuc"), report);
    if (procedure.field_id.empty()) {
        report.Count("procedures without a field (put under \"Lĩnh vực khác\")");
        procedure.field_id = "Lĩnh vực khác";
    }
    procedure.subjects = portal("doi_tuong_thuc_hien", "subjects");
    procedure.agencies.executing = portal("co_quan_thuc_hien", "agency_executing");
    procedure.agencies.competent = portal("co_quan_co_tham_quyen", "agency_competent");
    procedure.agencies.authorized = portal("co_quan_duoc_uy_quyen", "agency_authorized");
    procedure.agencies.coordinating = portal("co_quan_phoi_hop", "agency_coordinating");
    procedure.reception_address = portal("dia_chi_tiep_nhan", "reception_address");
    procedure.steps = CleanParagraphs(raw && raw->contains("trinh_tu_thuc_hien") ? Member(raw, "trinh_tu_thuc_hien")
                                                                                : Member(&line, "steps"),
                                      report);
    procedure.channels = ReadChannels(line, report);
    procedure.documents = ReadDocuments(line, raw, report);
    procedure.legal_basis = ReadLegalBasis(line, raw, report);
    std::string requirements = text::NormalizeNfc(raw && raw->contains("yeu_cau_dieu_kien") ? Member(raw, "yeu_cau_dieu_kien")
                                                                                             : Member(&line, "requirements"));
    if (StripPageText(requirements)) report.Count("page UI text stripped from requirements (the page's last section)");
    procedure.requirements = CleanText(requirements, report);
    procedure.results = ReadResults(line, raw, report);
    procedure.related_procedures = portal("thu_tuc_lien_quan", "related_procedures");
    procedure.portal_url = CleanLine(Member(&line, "source_url"), report);
    if (procedure.portal_url.empty()) procedure.portal_url = CleanLine(Member(raw, "detail_url"), report);
    procedure.commune_level = line.value("likely_commune_ubnd_or_police", false);
    procedure.online_level = DeriveOnlineLevel(procedure);
    // The data carries no effective dates: both stay empty (in force, dates unknown).
    return procedure;
}

std::optional<json> ReadRawFile(const std::filesystem::path& file, ImportReport& report) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        report.Count("raw files missing (JSONL used alone)");
        return std::nullopt;
    }
    json document = json::parse(stream, nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        report.Count("raw files that are not valid JSON (JSONL used alone)");
        return std::nullopt;
    }
    ++report.raw_files_read;
    return document;
}

}  // namespace

Result<ImportReport> ImportDvcqg(const ImportOptions& options) {
    ImportReport report;
    std::filesystem::path jsonl = options.source / "procedures_all.jsonl";
    std::error_code error;
    if (!std::filesystem::exists(jsonl, error)) jsonl = options.source / "procedures_commune.jsonl";
    std::ifstream stream(jsonl, std::ios::binary);
    if (!std::filesystem::is_regular_file(jsonl, error) || !stream)
        return Error{"no procedures_all.jsonl or procedures_commune.jsonl in " + options.source.string(),
                     "Không tìm thấy dữ liệu thủ tục trong " + options.source.string() + "."};

    std::map<std::string, Procedure> procedures;  // by normalized code: sorted, duplicates merged
    std::string text_line;
    int line_number = 0;
    while (std::getline(stream, text_line)) {
        ++line_number;
        if (text_line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++report.records_read;
        json line = json::parse(text_line, nullptr, false);
        if (line.is_discarded() || !line.is_object()) {
            report.Count("JSONL lines that are not a JSON object (skipped)");
            continue;
        }
        if (options.commune_only && !line.value("likely_commune_ubnd_or_police", false)) continue;
        std::string code = NormalizeCode(Member(&line, "code"));
        std::string publisher = Member(&line, "publisher_folder");
        if (code.empty() || code.find('/') != std::string::npos || code.find("..") != std::string::npos) {
            report.Count("records without a usable code (skipped)");
            continue;
        }
        ++report.records_selected;
        std::optional<json> raw;
        if (!publisher.empty() && publisher.find('/') == std::string::npos && publisher.find("..") == std::string::npos)
            raw = ReadRawFile(options.source / "raw" / publisher / (code + ".json"), report);
        else
            report.Count("records without a publisher folder (JSONL used alone)");
        Procedure procedure = BuildProcedure(line, raw ? &*raw : nullptr, report);
        if (procedure.name.empty()) {
            report.Count("records without a name (skipped)");
            continue;
        }
        auto [existing, inserted] = procedures.try_emplace(code, procedure);
        if (!inserted) {
            report.Count("duplicate codes merged (the fuller record kept)");
            auto size = [](const Procedure& item) { return item.channels.size() + item.documents.size() + item.steps.size(); };
            if (size(procedure) > size(existing->second)) existing->second = std::move(procedure);
        }
    }
    if (procedures.empty())
        return Error{"no procedures to write from " + jsonl.string(), "Không có thủ tục nào để nhập từ " + jsonl.filename().string() + "."};

    // Fields: the portal's lĩnh vực names, in the order citizens need them most.
    std::map<std::string, std::string> field_ids;  // name → id
    std::vector<content::Field> fields;
    {
        std::map<std::string, int> seen;
        std::vector<std::string> names;
        for (const auto& [code, procedure] : procedures)
            if (seen.emplace(procedure.field_id, 0).second) names.push_back(procedure.field_id);
        const auto& preferred = PreferredFieldOrder();
        std::sort(names.begin(), names.end(), [&](const std::string& left, const std::string& right) {
            auto rank = [&](const std::string& name) {
                auto it = std::find(preferred.begin(), preferred.end(), name);
                return it == preferred.end() ? preferred.size() : static_cast<size_t>(it - preferred.begin());
            };
            if (rank(left) != rank(right)) return rank(left) < rank(right);
            return text::Fold(left) < text::Fold(right);
        });
        std::map<std::string, int> slugs;
        for (size_t index = 0; index < names.size(); ++index) {
            std::string slug = FieldSlug(names[index]);
            if (int count = ++slugs[slug]; count > 1) slug += "-" + std::to_string(count);
            field_ids[names[index]] = slug;
            fields.push_back({slug, names[index], static_cast<int>((index + 1) * 10)});
        }
    }

    std::string lines;
    for (auto& [code, procedure] : procedures) {
        procedure.field_id = field_ids[procedure.field_id];
        lines += content::DumpLine(content::ProcedureToJson(procedure)) + "\n";
    }
    const std::pair<const char*, std::string> files[] = {
        {content::kManifestFile, content::DumpDocument(content::ManifestToJson(DemoManifest()))},
        {content::kFieldsFile, content::DumpDocument(content::FieldsToJson(fields))},
        {content::kProceduresFile, lines},
    };
    std::filesystem::create_directories(options.out, error);
    for (const auto& [name, contents] : files)
        if (auto status = content::WriteTextFile(options.out / name, contents); !status) return status.error();
    report.procedures_written = static_cast<int>(procedures.size());
    report.fields_written = static_cast<int>(fields.size());
    return report;
}

}  // namespace kiosk::dvcqg
