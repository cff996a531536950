#include "kiosk/core/bundle/content_preview.hpp"

#include <algorithm>
#include <map>

#include "kiosk/core/bundle/directory_files.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/content_json.hpp"

namespace kiosk::bundle {
namespace {

const char* ChangeKindCode(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Added: return "added";
        case ChangeKind::Changed: return "changed";
        case ChangeKind::Removed: return "removed";
    }
    return "";
}

}  // namespace

int ContentPreview::Count(ChangeKind kind) const {
    return static_cast<int>(std::count_if(procedures.begin(), procedures.end(),
                                          [kind](const ProcedureChange& change) { return change.kind == kind; }));
}

int ContentPreview::CountOverrides(ChangeKind kind) const {
    return static_cast<int>(std::count_if(overrides.begin(), overrides.end(),
                                          [kind](const ProcedureChange& change) { return change.kind == kind; }));
}

namespace {
std::string NameOf(const content::ContentBundle& bundle, const std::string& code) {
    for (const auto& procedure : bundle.procedures)
        if (procedure.code == code) return procedure.name;
    return {};
}

// overrides.json entry by entry: the file's digest says only that it changed.
void CompareOverrides(const content::ContentBundle& staged, const content::ContentBundle* installed, ContentPreview& preview) {
    std::map<std::string, std::string> before;  // code → the entry as JSON
    if (installed)
        for (const auto& entry : installed->overrides.procedures)
            before[entry.code] = content::DumpLine(content::ProcedureOverrideToJson(entry));
    for (const auto& entry : staged.overrides.procedures) {
        auto found = before.find(entry.code);
        if (found == before.end()) {
            preview.overrides.push_back({ChangeKind::Added, entry.code, NameOf(staged, entry.code)});
            continue;
        }
        if (found->second != content::DumpLine(content::ProcedureOverrideToJson(entry)))
            preview.overrides.push_back({ChangeKind::Changed, entry.code, NameOf(staged, entry.code)});
        before.erase(found);
    }
    for (const auto& [code, entry] : before)
        preview.overrides.push_back({ChangeKind::Removed, code, installed ? NameOf(*installed, code) : std::string()});
    std::sort(preview.overrides.begin(), preview.overrides.end(),
              [](const ProcedureChange& l, const ProcedureChange& r) { return l.code < r.code; });
    preview.pinned_changed = staged.overrides.pinned != (installed ? installed->overrides.pinned : std::vector<std::string>());
}
}  // namespace

const char* InstalledOriginCode(InstalledOrigin origin) {
    switch (origin) {
        case InstalledOrigin::Installed: return "installed";
        case InstalledOrigin::Factory: return "factory";
        case InstalledOrigin::Nothing: return "nothing";
    }
    return "";
}

ContentPreview ComparePreview(const StagedContent& staged, const std::filesystem::path& installed_directory,
                              InstalledOrigin origin) {
    ContentPreview preview;
    const auto& index = staged.index();
    preview.content_id = index.content_id;
    preview.version = index.version;
    preview.created_at = index.created_at;
    preview.minimum_kiosk_version = index.minimum_kiosk_version;
    preview.signer = staged.signer();
    preview.source = staged.source();
    preview.procedure_count = static_cast<int>(staged.content().procedures.size());
    preview.unpacked_bytes = index.TotalSize();
    preview.installed_origin = origin;

    std::map<std::string, const content::Procedure*> before;
    std::optional<content::ContentBundle> installed;
    std::map<std::string, std::string> installed_files;  // path → sha256
    if (origin != InstalledOrigin::Nothing && !installed_directory.empty()) {
        if (auto loaded = content::LoadContentDirectory(installed_directory)) {
            installed = std::move(*loaded);
            preview.installed_content_id = installed->manifest.content_id;
            preview.installed_version = installed->manifest.version;
            preview.installed_procedure_count = static_cast<int>(installed->procedures.size());
            for (const auto& procedure : installed->procedures) before[procedure.code] = &procedure;
        }
        BundleLimits generous;
        generous.max_files = ~std::size_t{0};
        generous.max_file_bytes = generous.max_total_bytes = ~std::uint64_t{0};
        if (auto files = ListDirectoryFiles(installed_directory, generous))
            for (const auto& file : *files) installed_files[file.path] = file.sha256;
    }

    for (const auto& procedure : staged.content().procedures) {
        auto found = before.find(procedure.code);
        if (found == before.end()) {
            preview.procedures.push_back({ChangeKind::Added, procedure.code, procedure.name});
            continue;
        }
        if (content::DumpLine(content::ProcedureToJson(procedure)) != content::DumpLine(content::ProcedureToJson(*found->second)))
            preview.procedures.push_back({ChangeKind::Changed, procedure.code, procedure.name});
        before.erase(found);
    }
    for (const auto& [code, procedure] : before) preview.procedures.push_back({ChangeKind::Removed, code, procedure->name});
    std::sort(preview.procedures.begin(), preview.procedures.end(),
              [](const ProcedureChange& l, const ProcedureChange& r) { return l.code < r.code; });

    CompareOverrides(staged.content(), installed ? &*installed : nullptr, preview);

    for (const auto& file : index.files) {
        if (file.path == content::kProceduresFile) {
            installed_files.erase(file.path);
            continue;
        }
        auto found = installed_files.find(file.path);
        if (found == installed_files.end()) preview.files.push_back({ChangeKind::Added, file.path});
        else {
            if (found->second != file.sha256) preview.files.push_back({ChangeKind::Changed, file.path});
            installed_files.erase(found);
        }
    }
    for (const auto& [path, digest] : installed_files)
        if (path != content::kProceduresFile) preview.files.push_back({ChangeKind::Removed, path});
    std::sort(preview.files.begin(), preview.files.end(), [](const FileChange& l, const FileChange& r) { return l.path < r.path; });
    return preview;
}

nlohmann::ordered_json PreviewToJson(const ContentPreview& preview) {
    nlohmann::ordered_json procedures{{"added", nlohmann::ordered_json::array()},
                                      {"changed", nlohmann::ordered_json::array()},
                                      {"removed", nlohmann::ordered_json::array()}};
    for (const auto& change : preview.procedures)
        procedures[ChangeKindCode(change.kind)].push_back({{"code", change.code}, {"name", change.name}});
    nlohmann::ordered_json files{{"added", nlohmann::ordered_json::array()},
                                 {"changed", nlohmann::ordered_json::array()},
                                 {"removed", nlohmann::ordered_json::array()}};
    for (const auto& change : preview.files) files[ChangeKindCode(change.kind)].push_back(change.path);
    nlohmann::ordered_json overrides{{"added", nlohmann::ordered_json::array()},
                                     {"changed", nlohmann::ordered_json::array()},
                                     {"removed", nlohmann::ordered_json::array()},
                                     {"pinned_changed", preview.pinned_changed}};
    for (const auto& change : preview.overrides)
        overrides[ChangeKindCode(change.kind)].push_back({{"code", change.code}, {"name", change.name}});
    nlohmann::ordered_json installed{{"origin", InstalledOriginCode(preview.installed_origin)}};
    if (preview.installed_origin != InstalledOrigin::Nothing) {
        installed["content_id"] = preview.installed_content_id;
        installed["version"] = preview.installed_version;
        installed["procedure_count"] = preview.installed_procedure_count;
    }
    return nlohmann::ordered_json{
        {"would_install", true},
        {"content_id", preview.content_id},
        {"version", preview.version},
        {"created_at", preview.created_at},
        {"minimum_kiosk_version", preview.minimum_kiosk_version},
        {"signer", preview.signer},
        {"source", preview.source},
        {"procedure_count", preview.procedure_count},
        {"unpacked_bytes", preview.unpacked_bytes},
        {"installed", installed},
        {"procedures", procedures},
        {"files", files},
        {"overrides", overrides},
    };
}

}  // namespace kiosk::bundle
