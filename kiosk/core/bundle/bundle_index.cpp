#include "kiosk/core/bundle/bundle_index.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "kiosk/core/bundle/bundle_path.hpp"
#include "kiosk/core/bundle/bundle_refusal.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/content/json_field_reader.hpp"

namespace kiosk::bundle {

std::uint64_t BundleIndex::TotalSize() const {
    std::uint64_t total = 0;
    for (const auto& file : files) total += file.size;
    return total;
}

const BundleFile* BundleIndex::Find(std::string_view path) const {
    auto found = std::lower_bound(files.begin(), files.end(), path,
                                  [](const BundleFile& file, std::string_view wanted) { return file.path < wanted; });
    return found != files.end() && found->path == path ? &*found : nullptr;
}

bool IsDottedVersion(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.') return false;
    for (size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '.' && text[at - 1] == '.') return false;
        if (text[at] != '.' && (text[at] < '0' || text[at] > '9')) return false;
    }
    return text.size() <= 32;
}

std::string SerializeBundleIndex(const BundleIndex& index) {
    nlohmann::ordered_json document;
    document["bundle_format"] = index.bundle_format;
    document["content_id"] = index.content_id;
    document["version"] = index.version;
    document["schema_version"] = index.schema_version;
    document["minimum_kiosk_version"] = index.minimum_kiosk_version;
    document["created_at"] = index.created_at;
    document["signer_key"] = index.signer_key;
    auto& files = document["files"] = nlohmann::ordered_json::array();
    for (const auto& file : index.files) files.push_back({{"path", file.path}, {"size", file.size}, {"sha256", file.sha256}});
    return document.dump(2) + "\n";
}

Result<BundleIndex> ParseBundleIndex(std::string_view text) {
    using content::ContentProblem;
    auto document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded())
        return BundleRefusal(std::string(kBundleIndexEntry) + " is not valid JSON",
                             std::string("tệp ") + kBundleIndexEntry + " không đúng định dạng JSON");
    BundleIndex index;
    try {
        content::JsonFieldReader reader(document, kBundleIndexEntry, "");
        long long format = reader.RequiredInteger("bundle_format");
        if (format != kBundleFormatVersion)
            throw ContentProblem{kBundleIndexEntry, "bundle_format",
                                 "is " + std::to_string(format) + ", a bundle format this kiosk does not know (it reads " +
                                     std::to_string(kBundleFormatVersion) + "; a newer kiosk made it)"};
        index.bundle_format = static_cast<int>(format);
        index.content_id = reader.RequiredText("content_id");
        if (index.content_id.empty()) reader.Fail("content_id", "is empty");
        index.version = reader.RequiredInteger("version");
        if (index.version < 1) reader.Fail("version", "must be 1 or more");
        index.schema_version = static_cast<int>(reader.RequiredInteger("schema_version"));
        index.minimum_kiosk_version = reader.RequiredText("minimum_kiosk_version");
        if (!IsDottedVersion(index.minimum_kiosk_version))
            reader.Fail("minimum_kiosk_version", "is \"" + index.minimum_kiosk_version + "\", not a version like \"0.2.0\"");
        index.created_at = reader.RequiredText("created_at");
        index.signer_key = reader.OptionalText("signer_key");
        auto files = reader.RequiredObjectList("files");
        std::set<std::string> paths;
        for (size_t position = 0; position < files.size(); ++position) {
            const auto& item = files[position];
            BundleFile file;
            file.path = item.RequiredText("path");
            if (auto problem = BundlePathProblem(file.path))
                item.Fail("path", "\"" + file.path + "\" " + problem->message);
            long long size = item.RequiredInteger("size");
            if (size < 0) item.Fail("size", "must not be negative");
            file.size = static_cast<std::uint64_t>(size);
            file.sha256 = item.RequiredText("sha256");
            if (!Sha256Digest::IsHex(file.sha256)) item.Fail("sha256", "must be 64 lower-case hex digits");
            if (!paths.insert(file.path).second) item.Fail("path", "\"" + file.path + "\" is listed twice");
            index.files.push_back(std::move(file));
        }
    } catch (const ContentProblem& problem) {
        std::string where = problem.file + (problem.field.empty() ? "" : ", field \"" + problem.field + "\"");
        std::string noi = problem.file + (problem.field.empty() ? "" : ", mục \"" + problem.field + "\"");
        return BundleRefusal(where + " " + problem.what, noi + " bị thiếu hoặc sai");
    }
    std::sort(index.files.begin(), index.files.end(),
              [](const BundleFile& left, const BundleFile& right) { return left.path < right.path; });
    return index;
}

}  // namespace kiosk::bundle
