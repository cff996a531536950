// A corpus of broken and hostile bundles, each one made from a real signed bundle by the
// real packer and then damaged the way a stick, a careless PC or an attacker would. Every
// one must be refused by ContentStore::Install with its own sentence (naming the problem),
// and the installed content must stay byte-identical. Preview (`kiosk content verify`)
// refuses each the same way.
#include <doctest/doctest.h>

#include <set>

#include "kiosk/core/bundle/content_store.hpp"
#include "tests/core/bundle_test_support.hpp"

using namespace kiosk;
using namespace kiosk::bundle;
namespace fs = std::filesystem;

namespace {

struct HostileCase {
    std::string kind;
    std::string expected;  // a phrase the English refusal must contain
    // Makes the hostile zip at `out` from the good signed v3 entries.
    std::function<void(std::vector<testing::ZipEntry> entries, const fs::path& out)> make;
    std::function<void(InstallOptions&)> adjust = {};  // limits or trust for this case
};

std::string Line(const std::string& text, const std::string& from, const std::string& to) {
    std::string result = text;
    auto at = result.find(from);
    if (at == std::string::npos) throw std::runtime_error("test setup: no \"" + from + "\" in the text");
    result.replace(at, from.size(), to);
    return result;
}

// Rewrites one file's bytes, lists it again in the index and signs it: a bundle whose
// signature is perfect but whose content is bad.
auto SignedWith(const bundle::SigningKey& key, const std::string& path, std::function<std::string(std::string)> edit) {
    return [&key, path, edit](std::vector<testing::ZipEntry> entries, const fs::path& out) {
        auto& entry = testing::EntryNamed(entries, path);
        entry.data = edit(entry.data);
        testing::Resign(entries, key);
        testing::WriteZipEntries(out, entries);
    };
}

}  // namespace

TEST_CASE("bundle hostile corpus: every broken or hostile bundle is refused with its own sentence, nothing changes") {
    testing::TemporaryDirectory directory;
    auto key = testing::NewKey("so-thu");
    auto stranger = testing::NewKey("ke-gia-mao");
    testing::WriteSmallContent(directory / "factory", 1);
    InstallOptions base_options;
    base_options.trust = testing::TrustOnly(key);
    base_options.factory_content_dir = directory / "factory";
    auto store = ContentStore::Open(directory / "data");
    testing::WriteSmallContent(directory / "v2", 2);
    testing::PackOrFail(directory / "v2", directory / "v2.zip", key);
    REQUIRE(store.Install(directory / "v2.zip", base_options).ok());
    testing::WriteSmallContent(directory / "v3", 3);
    testing::PackOrFail(directory / "v3", directory / "v3.zip", key);
    const auto good = testing::ReadZipEntries(directory / "v3.zip");
    const std::string good_bytes = testing::ReadFile(directory / "v3.zip");

    std::vector<HostileCase> cases = {
        {"not a zip at all", "is not a complete zip file",
         [](auto, const fs::path& out) { testing::WriteFile(out, "PK this is a text file named .zip\n"); }},
        {"an empty file", "is not a complete zip file", [](auto, const fs::path& out) { testing::WriteFile(out, ""); }},
        {"cut short while copied", "is not a complete zip file",
         [&](auto, const fs::path& out) { testing::WriteFile(out, good_bytes.substr(0, good_bytes.size() * 2 / 3)); }},
        {"no signature", "it is not signed",
         [](auto entries, const fs::path& out) {
             testing::RemoveEntry(entries, kBundleSignatureEntry);
             auto& index = testing::EntryNamed(entries, kBundleIndexEntry);
             auto parsed = *ParseBundleIndex(index.data);
             parsed.signer_key = "";
             index.data = SerializeBundleIndex(parsed);
             testing::WriteZipEntries(out, entries);
         }},
        {"signature missing, signer named", "is missing, though the index names a signer",
         [](auto entries, const fs::path& out) {
             testing::RemoveEntry(entries, kBundleSignatureEntry);
             testing::WriteZipEntries(out, entries);
         }},
        {"signed by an untrusted key", "untrusted signer",
         [&](auto entries, const fs::path& out) {
             testing::Resign(entries, stranger);
             testing::WriteZipEntries(out, entries);
         }},
        {"index changed after signing", "bad signature",
         [](auto entries, const fs::path& out) {
             auto& index = testing::EntryNamed(entries, kBundleIndexEntry);
             index.data = Line(index.data, "\"created_at\": \"", "\"created_at\": \"1");
             testing::WriteZipEntries(out, entries);
         }},
        {"signature not base64", "is not the base64 of a 64-byte ed25519 signature",
         [](auto entries, const fs::path& out) {
             testing::EntryNamed(entries, kBundleSignatureEntry).data = "*** not a signature ***\n";
             testing::WriteZipEntries(out, entries);
         }},
        {"a file changed, same size", "hash mismatch",
         [](auto entries, const fs::path& out) {
             auto& fields = testing::EntryNamed(entries, "fields.json");
             fields.data = Line(fields.data, "Hộ tịch", "Hộ tịcH");
             testing::WriteZipEntries(out, entries);
         }},
        {"a file longer than the index says", "size mismatch",
         [](auto entries, const fs::path& out) {
             testing::EntryNamed(entries, "posters.json").data += " ";
             testing::WriteZipEntries(out, entries);
         }},
        {"a file the index does not list", "a file the signed index does not list",
         [](auto entries, const fs::path& out) {
             entries.push_back({"extra.json", "{}"});
             testing::WriteZipEntries(out, entries);
         }},
        {"an index file missing from the zip", "which is not in the zip",
         [](auto entries, const fs::path& out) {
             testing::RemoveEntry(entries, "posters.json");
             testing::WriteZipEntries(out, entries);
         }},
        {"duplicate entries", "appears twice in the zip",
         [](auto entries, const fs::path& out) {
             // libzip will not write two entries of one name: write "fields.jsoX" and rename
             // it in the zip's bytes (local header and central directory alike).
             auto copy = testing::EntryNamed(entries, "fields.json");
             copy.name = "fields.jsoX";
             copy.data = "{\"fields\": []}";
             entries.push_back(copy);
             testing::WriteZipEntries(out, entries);
             testing::PatchBytes(out, "fields.jsoX", "fields.json");
         }},
        {"an absolute path", "the entry \"/etc/cron.d/evil\"",
         [](auto entries, const fs::path& out) {
             entries.push_back({"/etc/cron.d/evil", "* * * * * root sh"});
             testing::WriteZipEntries(out, entries);
         }},
        {"a path climbing out with ..", "the entry \"../../evil.json\"",
         [](auto entries, const fs::path& out) {
             entries.push_back({"../../evil.json", "{}"});
             testing::WriteZipEntries(out, entries);
         }},
        {"a symbolic link", "is a symbolic link",
         [](auto entries, const fs::path& out) {
             entries.push_back({"media/passwd.png", "/etc/passwd", S_IFLNK | 0777});
             testing::WriteZipEntries(out, entries);
         }},
        {"a device file", "is a device file, fifo or socket",
         [](auto entries, const fs::path& out) {
             entries.push_back({"media/disk.png", "", S_IFBLK | 0600});
             testing::WriteZipEntries(out, entries);
         }},
        {"one file over the size limit", "for one file",
         SignedWith(key, "posters.json", [](std::string data) { return data + std::string(5000, ' '); }),
         [](InstallOptions& options) { options.limits.max_file_bytes = 4096; }},
        {"a zip bomb", "betrays a zip bomb",
         [&](auto entries, const fs::path& out) {
             entries.push_back({"media/bomb.png", std::string(4 << 20, '\0')});
             testing::Resign(entries, key);
             testing::WriteZipEntries(out, entries);
         }},
        {"too much unpacked in total", "over the limit of 6000",
         SignedWith(key, "posters.json", [](std::string data) { return data + std::string(5000, ' '); }),
         [](InstallOptions& options) { options.limits.max_total_bytes = 6000; }},
        {"more than the disk can take", "MB free on the data disk",
         [](auto entries, const fs::path& out) { testing::WriteZipEntries(out, entries); },
         [](InstallOptions& options) { options.limits.keep_free_bytes = 1ull << 60; }},
        {"too many files", "entries, more than the 3 a bundle may hold",
         [](auto entries, const fs::path& out) { testing::WriteZipEntries(out, entries); },
         [](InstallOptions& options) { options.limits.max_files = 3; }},
        {"an index that is not JSON", "bundle-index.json is not valid JSON",
         [&](auto entries, const fs::path& out) {
             auto& index = testing::EntryNamed(entries, kBundleIndexEntry);
             index.data = "{\"signer_key\": \"" + key.public_key().KeyText() + "\", \"files\": [";
             testing::EntryNamed(entries, kBundleSignatureEntry).data = EncodeBase64(key.Sign(index.data)) + "\n";
             testing::WriteZipEntries(out, entries);
         }},
        {"an index of an unknown bundle format", "a bundle format this kiosk does not know",
         [&](auto entries, const fs::path& out) {
             testing::Resign(entries, key, [](BundleIndex& index) { index.bundle_format = 2; });
             testing::WriteZipEntries(out, entries);
         }},
        {"an index missing a field", "content_id",
         [&](auto entries, const fs::path& out) {
             auto& index = testing::EntryNamed(entries, kBundleIndexEntry);
             index.data = Line(index.data, "\"content_id\"", "\"content_name\"");
             testing::EntryNamed(entries, kBundleSignatureEntry).data = EncodeBase64(key.Sign(index.data)) + "\n";
             testing::WriteZipEntries(out, entries);
         }},
        {"an index naming a path with ..", "\"../fields.json\"",
         [&](auto entries, const fs::path& out) {
             testing::Resign(entries, key, [](BundleIndex& index) { index.files[0].path = "../fields.json"; });
             testing::WriteZipEntries(out, entries);
         }},
        {"a newer kiosk needed", "it needs kiosk version 99.0 or newer",
         [&](auto entries, const fs::path& out) {
             testing::Resign(entries, key, [](BundleIndex& index) { index.minimum_kiosk_version = "99.0"; });
             testing::WriteZipEntries(out, entries);
         }},
        {"index and manifest disagree", "but manifest.json says",
         [&](auto entries, const fs::path& out) {
             testing::Resign(entries, key, [](BundleIndex& index) { index.version = 9; });
             testing::WriteZipEntries(out, entries);
         }},
        {"invalid JSON", "fields.json is not valid JSON",
         SignedWith(key, "fields.json", [](std::string data) { return data.substr(0, data.size() / 2); })},
        {"a wrong type", "manifest.json",
         SignedWith(key, "manifest.json", [](std::string data) {
             return Line(data, "\"name\": \"Xã Thử\"", "\"name\": 12");
         })},
        {"a missing required field", "procedures.jsonl",
         SignedWith(key, "procedures.jsonl", [](std::string data) {
             return Line(data, "\"name\": \"Đăng ký kết hôn\", ", "");
         })},
        {"a procedure in an unknown field", "khong-co-linh-vuc",
         SignedWith(key, "procedures.jsonl", [](std::string data) {
             return Line(data, "\"field\": \"chung-thuc\"", "\"field\": \"khong-co-linh-vuc\"");
         })},
        {"a picture that is not in the bundle", "unknown media",
         SignedWith(key, "guides.json", [](std::string data) {
             return Line(data, "media/buoc-1.png", "media/khong-co.png");
         })},
        {"an unknown schema version", "schema_version",
         [&](auto entries, const fs::path& out) {
             auto& manifest = testing::EntryNamed(entries, "manifest.json");
             manifest.data = Line(manifest.data, "\"schema_version\": 1", "\"schema_version\": 99");
             testing::Resign(entries, key, [](BundleIndex& index) { index.schema_version = 99; });
             testing::WriteZipEntries(out, entries);
         }},
        {"text that is not UTF-8", "is not UTF-8 text",
         SignedWith(key, "posters.json", [](std::string data) {
             return Line(data, "Nộp hồ sơ", std::string("N\xe9p h\xf4 s\xa1", 9));
         })},
        {"the installed version again", "is not newer than the installed version 2",
         [&](auto, const fs::path& out) { fs::copy_file(directory / "v2.zip", out); }},
        {"an older version (downgrade)", "is not newer than the installed version 2",
         [&](auto, const fs::path& out) {
             testing::WriteSmallContent(directory / "v1-again", 1);
             testing::PackOrFail(directory / "v1-again", out, key);
         }},
        {"another commune's content", "--new-content-id",
         [&](auto, const fs::path& out) {
             testing::WriteSmallContent(directory / "xa-khac", 4, "xa-khac");
             testing::PackOrFail(directory / "xa-khac", out, key);
         }},
    };
    CHECK(cases.size() >= 20);

    const std::string before = testing::TreeFingerprint(directory / "data");
    std::set<std::string> sentences;
    int number = 0;
    for (const auto& hostile : cases) {
        CAPTURE(hostile.kind);
        const fs::path file = directory / ("hostile-" + std::to_string(++number) + ".zip");
        hostile.make(good, file);
        InstallOptions options = base_options;
        if (hostile.adjust) hostile.adjust(options);
        auto refused = store.Install(file, options);
        REQUIRE_FALSE_MESSAGE(refused.ok(), hostile.kind, " was installed");
        const Error& error = refused.error();
        CHECK_MESSAGE(error.message.find(hostile.expected) != std::string::npos, hostile.kind, ": ", error.message);
        CHECK_MESSAGE(!error.message_vietnamese.empty(), hostile.kind, ": no sentence for staff");
        CHECK_MESSAGE(testing::TreeFingerprint(directory / "data") == before, hostile.kind, " changed the installed content");
        auto previewed = store.Preview(file, options);
        CHECK_MESSAGE(!previewed.ok(), hostile.kind, " previews as installable");
        // The same sentence whatever the file is called.
        std::string sentence = error.message;
        for (auto at = sentence.find(file.filename().string()); at != std::string::npos;
             at = sentence.find(file.filename().string()))
            sentence.replace(at, file.filename().string().size(), "FILE");
        sentences.insert(sentence);
    }
    // Its own sentence each, except the ways of not being a zip (what libzip found may
    // differ, or not) and the installed version offered again or an older one.
    CHECK(sentences.size() >= cases.size() - 3);
    CHECK(store.Current()->version == 2);
    // And the good bundle they were all made from still installs.
    REQUIRE(store.Install(directory / "v3.zip", base_options).ok());
    CHECK(store.Current()->version == 3);
}
