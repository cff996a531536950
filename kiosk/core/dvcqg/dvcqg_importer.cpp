#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/dvcqg/demo_commune.hpp"
#include "kiosk/core/dvcqg/glued_tables.hpp"
#include "kiosk/core/dvcqg/legal_documents.hpp"
#include "kiosk/core/dvcqg/legal_numbers.hpp"
#include "kiosk/core/dvcqg/portal_channels.hpp"
#include "kiosk/core/dvcqg/portal_documents.hpp"
#include "kiosk/core/dvcqg/portal_steps.hpp"
#include "kiosk/core/dvcqg/portal_text.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

using nlohmann::json;

constexpr const char* kNfdProblem = "text in decomposed Unicode (NFD) normalized to NFC (values)";

// More unreadable lines (or bytes) than this share of the source refuses the import.
constexpr int kMostUnreadablePercent = 1;
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

// "likely_commune_ubnd_or_police" as the JSONL should have it: true or false. Anything else
// (a string, a number, null) is read as not commune-level and counted, never a crash.
bool CommuneFlag(const json& line, ImportReport& report) {
    auto it = line.find("likely_commune_ubnd_or_police");
    if (it == line.end()) return false;
    if (it->is_boolean()) return it->get<bool>();
    report.Count("records whose likely_commune_ubnd_or_police is not true or false (read as not commune-level)");
    return false;
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
    // online channel at all. Anything else stays Unknown ("Hỏi cán bộ một cửa").
    std::string name = text::Fold(procedure.name);
    if (name.find("toan trinh") != std::string::npos) return content::OnlineLevel::FullyOnline;
    if (name.find("mot phan") != std::string::npos) return content::OnlineLevel::Partly;
    for (const auto& channel : procedure.channels) {
        if (channel.kind != content::ChannelKind::Online) continue;
        std::string description = text::Fold(channel.description);
        if (description.find("toan trinh") != std::string::npos) return content::OnlineLevel::FullyOnline;
        if (description.find("mot phan") != std::string::npos) return content::OnlineLevel::Partly;
    }
    // A "Trực tuyến" channel: the portal takes the file online; how far is not said.
    if (procedure.HasOnlineChannel()) return content::OnlineLevel::OnlineFiling;
    // A parsed channel table with no "Trực tuyến" row: the portal offers no online filing.
    return procedure.channels.empty() ? content::OnlineLevel::Unknown : content::OnlineLevel::None;
}

std::vector<content::Channel> ReadChannels(const json& line, const std::string& steps, const std::string& code,
                                           ImportReport& report) {
    std::vector<content::Channel> channels;
    int without_unit = 0, unit_found = 0, contradicted = 0;
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
        std::string detail = CleanText(Member(&row, "detail"), report);
        std::string value = CleanLine(Member(&row, "time_value"), report);
        std::string unit = CleanLine(Member(&row, "time_unit"), report);
        std::string raw = CleanLine(Member(&row, "time_raw"), report);
        auto time = ReadTime(value, unit, raw, detail, steps);
        channel.time = time.time;
        if (unit.empty() && !value.empty() && value != kNoInformation) {
            ++without_unit;
            if (time.time.unit != content::TimeUnit::Unknown) ++unit_found;
        }
        if (time.source == UnitSource::Value) report.Count("time unit read from the time's own text (channel rows)");
        if (time.source == UnitSource::Description) report.Count("time unit read from the channel's description (channel rows)");
        if (time.source == UnitSource::Steps) report.Count("time unit read from the procedure's steps (channel rows)");
        if (time.time.unit == content::TimeUnit::Unknown && !time.time.value.empty())
            report.Count("time given without a unit anywhere: shown as \"Hỏi cán bộ một cửa\" (channel rows)");
        if (time.time.unit == content::TimeUnit::Unknown && time.time.value.empty())
            report.Count("no processing time given (channel rows)");
        auto fee = ReadFee(CleanLine(Member(&row, "fee"), report), detail);
        channel.fee = fee.fee;
        channel.description = fee.description;
        if (fee.contradicted) report.Count("\"Miễn phí\" contradicted by the fee's own note (channel rows)");
        if (fee.contradicted) ++contradicted;
        if (channel.fee.kind == content::FeeKind::Unknown) report.Count("no fee given (channel rows)");
        if (channel.fee.kind == content::FeeKind::Other) report.Count("fee kept as text, not in đồng (channel rows)");
        channels.push_back(std::move(channel));
    }
    report.Defect(kTimesWithoutUnit, code, without_unit, unit_found);
    report.Defect(kContradictedFees, code, contradicted, contradicted);
    return channels;
}

std::vector<content::Document> ReadDocumentRows(const json& line, const json* raw, ImportReport& report) {
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
    return documents;
}

void ReadDocuments(const json& line, const json* raw, Procedure& procedure, ImportReport& report) {
    auto rows = ReadDocumentRows(line, raw, report);
    auto sorted = ClassifyDocumentRows(rows);
    procedure.documents = std::move(sorted.documents);
    procedure.document_notes = std::move(sorted.notes);
    report.Count("document rows that are notes (moved to the notes list)", sorted.note_rows);
    report.Count("document rows with 0 originals and 0 copies (notes, not papers)", sorted.zero_quantity_rows);
    report.Count("document rows that are conditional papers", sorted.conditional_rows);
    report.Count("document rows whose portal bullet was removed", sorted.marks_removed);
    report.Count("document rows repeated (dropped)", sorted.duplicate_rows);
    report.Count("document rows empty (dropped)", sorted.empty_rows);
    report.Count("document notes that only introduce the papers (\"… các giấy tờ sau:\", dropped)", sorted.lead_in_rows);
    const std::string& code = procedure.code;
    report.Defect(kNoteRows, code, sorted.note_rows, sorted.note_rows);
    report.Defect(kZeroQuantityRows, code, sorted.zero_quantity_rows, sorted.zero_quantity_rows);
    report.Defect(kConditionalRows, code, sorted.conditional_rows, sorted.conditional_rows);
    report.Defect(kBullets, code, sorted.marks_removed, sorted.marks_removed);
    report.Defect(kDuplicateRows, code, sorted.duplicate_rows, sorted.duplicate_rows);
    report.Defect(kEmptyRows, code, sorted.empty_rows, sorted.empty_rows);
    if (procedure.documents.empty()) report.Count("procedures with no papers listed");
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

std::vector<content::LegalDocument> ReadLegalBasis(const json& line, const json* raw, const std::string& code,
                                                   ImportReport& report) {
    std::vector<std::string> codes;
    if (auto list = line.find("legal_refs"); list != line.end() && list->is_array())
        for (const auto& code : *list)
            if (code.is_string())
                if (auto cleaned = CleanLine(code.get<std::string>(), report); !cleaned.empty()) codes.push_back(cleaned);
    std::string glued = text::NormalizeNfc(Member(raw, "can_cu_phap_ly"));
    if (text::CollapseWhitespace(glued) == kNoInformation) glued.clear();
    int repaired_numbers = 0;
    auto documents = ParseLegalBasis(glued, codes, &repaired_numbers);
    report.Count("legal numbers the scrape cut wrongly or missed (read again from the table)", repaired_numbers);
    report.Defect(kScrapedNumbers, code, repaired_numbers, repaired_numbers);
    int glued_titles = 0, still_glued = 0;
    if (int split = SplitGluedDocuments(documents); split > 0) {
        report.Count("legal titles holding another document's row (split into one document each)", split);
        glued_titles += split;
    }
    for (auto& document : documents) {
        document.title = CleanLine(document.title, report);
        bool was_glued = HasGluedWords(document.title);
        if (RestoreCutTypeWord(document.title)) {
            report.Count("legal titles whose first letter the scrape lost (document type restored)");
            was_glued = true;
        }
        if (RemoveGluedTypeTail(document.title)) {
            report.Count("legal titles with the number column's words glued on (split)");
            was_glued = true;
        }
        bool glued_still = HasGluedWords(document.title);
        if (glued_still) report.Count("legal titles still glued to another text");
        glued_titles += was_glued || glued_still ? 1 : 0;
        still_glued += glued_still ? 1 : 0;
        document.title = text::CapitalizeFirst(document.title);  // the portal's "quy định …" reads as a title
        document.date = DateAfterNumber(document.title, document.number);
        document.issuer = IssuerFromNumber(document.number);
    }
    report.Defect(kGluedTitles, code, glued_titles, glued_titles - still_glued);
    return documents;
}

Procedure BuildProcedure(const json& line, const json* raw, ImportReport& report) {
    // Scalars the portal shows as-is come from the raw page (the JSONL copied them);
    // the JSONL fills in when the raw file is missing.
    auto portal = [&](const char* raw_key, const char* jsonl_key) {
        std::string value = raw ? Member(raw, raw_key) : std::string();
        if (raw == nullptr || !raw->contains(raw_key)) value = Member(&line, jsonl_key);
        return CleanText(value, report);
    };
    auto nfd_count = [&] {
        auto it = report.problems.find(kNfdProblem);
        return it == report.problems.end() ? 0 : it->second;
    };
    const int nfd_before = nfd_count();
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
    std::string steps_text = CleanText(raw && raw->contains("trinh_tu_thuc_hien") ? Member(raw, "trinh_tu_thuc_hien")
                                                                                  : Member(&line, "steps"),
                                       report);
    auto steps = ReadSteps(CleanParagraphs(steps_text, report));
    procedure.steps = std::move(steps.steps);
    procedure.step_notes = std::move(steps.notes);
    report.Count("steps whose portal bullet was removed", steps.marks_removed);
    report.Defect(kBullets, procedure.code, steps.marks_removed, steps.marks_removed);
    report.Count("step lines kept with the step before them", steps.continuations);
    procedure.channels = ReadChannels(line, steps_text, procedure.code, report);
    ReadDocuments(line, raw, procedure, report);
    procedure.legal_basis = ReadLegalBasis(line, raw, procedure.code, report);
    std::string requirements = text::NormalizeNfc(raw && raw->contains("yeu_cau_dieu_kien") ? Member(raw, "yeu_cau_dieu_kien")
                                                                                             : Member(&line, "requirements"));
    if (StripPageText(requirements)) report.Count("page UI text stripped from requirements (the page's last section)");
    procedure.requirements = CleanText(requirements, report);
    procedure.results = ReadResults(line, raw, report);
    procedure.related_procedures = portal("thu_tuc_lien_quan", "related_procedures");
    procedure.portal_url = CleanLine(Member(&line, "source_url"), report);
    if (procedure.portal_url.empty()) procedure.portal_url = CleanLine(Member(raw, "detail_url"), report);
    procedure.commune_level = CommuneFlag(line, report);
    procedure.online_level = DeriveOnlineLevel(procedure);
    int nfd = nfd_count() - nfd_before;
    report.Defect(kNfdText, procedure.code, nfd, nfd);
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

std::optional<std::string> ReadWholeFile(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return std::nullopt;
    std::ostringstream contents;
    contents << stream.rdbuf();
    return contents.str();
}

// The manifest to write, "" to leave the one there alone. A first import writes the demo
// template. A re-import keeps the commune's manifest (its name, hotline, address, keys):
// when the procedures or fields change, only its version goes up by one; when nothing
// changed, the file is not touched. A manifest that cannot be read is not replaced either:
// the import is refused with the reason.
Result<std::string> ManifestToWrite(const std::filesystem::path& out, const std::string& fields_text,
                                    const std::string& procedures_text, ImportReport& report) {
    std::error_code error;
    auto file = out / content::kManifestFile;
    if (!std::filesystem::exists(file, error)) return content::DumpDocument(content::ManifestToJson(DemoManifest()));
    auto text = ReadWholeFile(file);
    json document = text ? json::parse(*text, nullptr, false) : json();
    content::Manifest manifest;
    std::string problem;
    if (!text) problem = "cannot be read";
    else if (document.is_discarded() || !document.is_object()) problem = "is not a JSON object";
    else {
        try {
            manifest = content::ManifestFromJson(content::JsonFieldReader(document, content::kManifestFile, ""));
        } catch (const content::ContentProblem& refused) {
            problem = "field \"" + refused.field + "\" " + refused.what;
        }
    }
    if (!problem.empty())
        return Error{"the commune's " + file.string() + " " + problem +
                         "; the importer keeps a commune's manifest and never replaces it: fix it or move it away, then import again",
                     "Tệp manifest.json của xã bị lỗi: sửa tệp rồi nhập lại."};
    bool same = ReadWholeFile(out / content::kFieldsFile) == fields_text &&
                ReadWholeFile(out / content::kProceduresFile) == procedures_text;
    if (same) {
        report.Count("manifest.json kept as it was (nothing changed)");
        return std::string();
    }
    ++manifest.version;
    report.Count("manifest.json kept, its version raised to " + std::to_string(manifest.version));
    return content::DumpDocument(content::ManifestToJson(manifest));
}

// Writes every file to "<name>.import-tmp" first, flushed to disk; only when all are
// written does it rename them into place, so a full disk leaves the content directory as it
// was (and no temporary file behind), and the error names the cause.
Status WriteAllOrNothing(const std::filesystem::path& out, const std::vector<std::pair<std::string, std::string>>& files) {
    std::error_code error;
    std::filesystem::create_directories(out, error);
    if (error) return Error{"cannot create " + out.string() + ": " + error.message(), "Không tạo được thư mục " + out.string() + "."};
    std::vector<std::filesystem::path> temporaries;
    auto discard = [&] {
        for (const auto& temporary : temporaries) std::filesystem::remove(temporary, error);
    };
    for (const auto& [name, contents] : files) {
        auto temporary = out / (name + ".import-tmp");
        temporaries.push_back(temporary);
        std::FILE* stream = std::fopen(temporary.c_str(), "wb");
        int cause = errno;
        bool ok = stream != nullptr;
        if (ok && std::fwrite(contents.data(), 1, contents.size(), stream) != contents.size()) ok = false, cause = errno;
        if (ok && std::fflush(stream) != 0) ok = false, cause = errno;
        if (stream != nullptr && std::fclose(stream) != 0 && ok) ok = false, cause = errno;
        if (!ok) {
            discard();
            return Error{"cannot write " + temporary.string() + ": " + std::strerror(cause) +
                             "; nothing in " + out.string() + " was changed",
                         "Không ghi được nội dung mới (" + std::string(std::strerror(cause)) + "): nội dung cũ được giữ nguyên."};
        }
    }
    for (size_t index = 0; index < files.size(); ++index) {
        std::filesystem::rename(temporaries[index], out / files[index].first, error);
        if (error) {
            discard();
            return Error{"cannot replace " + (out / files[index].first).string() + ": " + error.message(),
                         "Không thay được tệp " + files[index].first + "."};
        }
    }
    return Success();
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
    int unreadable_lines = 0;
    unsigned long long bytes = 0, unreadable_bytes = 0;
    while (std::getline(stream, text_line)) {
        ++line_number;
        bytes += text_line.size() + 1;
        if (text_line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++report.records_read;
        // A NUL byte is never in a JSONL record: a zeroed (damaged) stretch of the file.
        json line = text_line.find('\0') == std::string::npos ? json::parse(text_line, nullptr, false) : json(nullptr);
        if (line.is_discarded() || !line.is_object()) {
            report.Count("JSONL lines that are not a JSON object (skipped)");
            ++unreadable_lines;
            unreadable_bytes += text_line.size() + 1;
            continue;
        }
        if (options.commune_only && !CommuneFlag(line, report)) continue;
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
    // A source with more than a few unreadable lines is damaged (truncated, zeroed, another
    // file): importing the rest would silently drop procedures citizens need.
    if (unreadable_lines * 100 > report.records_read * kMostUnreadablePercent ||
        unreadable_bytes * 100 > bytes * kMostUnreadablePercent) {
        char share[32];
        std::snprintf(share, sizeof share, "%.1f", bytes ? 100.0 * static_cast<double>(unreadable_bytes) / static_cast<double>(bytes) : 0.0);
        return Error{"refused " + jsonl.string() + ": " + std::to_string(unreadable_lines) + " of " +
                         std::to_string(report.records_read) + " lines (" + share +
                         "% of its bytes) are not readable JSON records; a source with more than " +
                         std::to_string(kMostUnreadablePercent) +
                         "% unreadable lines or bytes is taken as damaged, and nothing was written",
                     "Dữ liệu nguồn " + jsonl.filename().string() + " bị hỏng (" + std::to_string(unreadable_lines) +
                         " dòng không đọc được): không nhập gì."};
    }

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
    std::string fields_text = content::DumpDocument(content::FieldsToJson(fields));
    auto manifest = ManifestToWrite(options.out, fields_text, lines, report);
    if (!manifest) return manifest.error();
    std::vector<std::pair<std::string, std::string>> files;
    if (!manifest->empty()) files.push_back({content::kManifestFile, *manifest});
    files.push_back({content::kFieldsFile, fields_text});
    files.push_back({content::kProceduresFile, lines});
    if (auto written = WriteAllOrNothing(options.out, files); !written) return written.error();
    report.procedures_written = static_cast<int>(procedures.size());
    report.fields_written = static_cast<int>(fields.size());
    return report;
}

}  // namespace kiosk::dvcqg
