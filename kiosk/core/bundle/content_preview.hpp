#pragma once
// ContentPreview: what installing a bundle would change, against the content the kiosk
// shows now (the installed release, or the factory content_dir before the first install).
// The staff screen and `kiosk content preview --json` show exactly this. Procedures are
// compared by code on their full content; every other file is compared generically by its
// SHA-256, so a file added to the format later (overrides.json, pictures …) shows up with
// no change here.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/staged_content.hpp"

namespace kiosk::bundle {

enum class ChangeKind { Added, Changed, Removed };
enum class InstalledOrigin { Installed, Factory, Nothing };

struct ProcedureChange {
    ChangeKind kind = ChangeKind::Added;
    std::string code;
    std::string name;  // the new name; the old one for a removed procedure
};

struct FileChange {
    ChangeKind kind = ChangeKind::Added;
    std::string path;  // "overrides.json", "media/vneid-buoc-1.png"
};

struct ContentPreview {
    // The bundle.
    std::string content_id;
    long long version = 0;
    std::string created_at;
    std::string minimum_kiosk_version;
    std::string signer;  // as VerifiedBundle::signer()
    std::string source;  // bundle file name or directory
    int procedure_count = 0;
    std::uint64_t unpacked_bytes = 0;
    // What the kiosk shows now.
    InstalledOrigin installed_origin = InstalledOrigin::Nothing;
    std::string installed_content_id;
    long long installed_version = 0;
    int installed_procedure_count = 0;
    // The changes, each sorted by code or path. procedures.jsonl itself is not in `files`:
    // its changes are the procedures'.
    std::vector<ProcedureChange> procedures;
    std::vector<FileChange> files;
    // The commune's corrections (overrides.json) by procedure code, and whether the pinned
    // list changed: staff see "the commune's words changed" apart from the portal's.
    std::vector<ProcedureChange> overrides;
    bool pinned_changed = false;

    int Count(ChangeKind kind) const;
    int CountOverrides(ChangeKind kind) const;
};

// Compares staged content with the content directory the kiosk shows now (empty path:
// nothing). Content there that does not load counts as no procedures.
ContentPreview ComparePreview(const StagedContent& staged, const std::filesystem::path& installed_directory,
                              InstalledOrigin origin);

// The JSON `kiosk content preview --json` prints:
// {"would_install": true, "content_id", "version", "created_at", "minimum_kiosk_version", "signer", "source",
//  "procedure_count", "unpacked_bytes",
//  "installed": {"origin": "installed"|"factory"|"nothing", "content_id", "version", "procedure_count"},
//  "procedures": {"added": [{"code", "name"}], "changed": [...], "removed": [...]},
//  "files": {"added": ["path"], "changed": [...], "removed": [...]},
//  "overrides": {"added": [{"code", "name"}], "changed": [...], "removed": [...], "pinned_changed": false}}
nlohmann::ordered_json PreviewToJson(const ContentPreview& preview);

const char* InstalledOriginCode(InstalledOrigin origin);

}  // namespace kiosk::bundle
