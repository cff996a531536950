#include "server/content_store.hpp"

#include <fstream>
#include <sstream>

#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/bundle_refusal.hpp"
#include "kiosk/core/bundle/durable_writer.hpp"
#include "kiosk/core/bundle/public_key.hpp"
#include "kiosk/core/bundle/sha256_digest.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"

namespace kiosk::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS content_bundles (
    sha256 TEXT PRIMARY KEY,        -- of the zip's bytes; the file is <db>.bundles/<sha256>.zip
    content_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL,       -- when it was packed
    signer TEXT NOT NULL,
    published_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kiosk_content (
    kiosk_id TEXT PRIMARY KEY,
    content_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    reported_at TEXT NOT NULL
);
)sql";

constexpr const char* kColumns = "sha256, content_id, version, size, created_at, signer, published_at";

Result<std::string> FileSha256(const fs::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return Error{"cannot read " + file.string(), ""};
    bundle::Sha256Digest digest;
    std::string buffer(1 << 16, '\0');
    while (stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || stream.gcount() > 0)
        digest.Update(std::string_view(buffer.data(), static_cast<size_t>(stream.gcount())));
    if (stream.bad()) return Error{"cannot read " + file.string(), ""};
    return digest.Hex();
}

}  // namespace

Result<bundle::BundleTrust> ReadTrustedKeys(const fs::path& file) {
    std::ifstream stream(file);
    if (!stream) return Error{"cannot read the trusted keys file " + file.string(), ""};
    bundle::BundleTrust trust;
    trust.keys_named = "the --trusted-keys file " + file.string();
    std::string line;
    int number = 0;
    while (std::getline(stream, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
        auto key = bundle::PublicKey::Parse(line);
        if (!key) return Error{file.string() + " line " + std::to_string(number) + " " + key.error().message, ""};
        trust.trusted_keys.push_back(*key);
    }
    if (trust.trusted_keys.empty())
        return Error{file.string() + " names no key; put the NAME.pub line of each signer in it", ""};
    return trust;
}

Result<std::unique_ptr<ServerContentStore>> ServerContentStore::Open(const fs::path& database_file) {
    auto database = SqliteDatabase::Open(database_file, SqliteDatabase::Mode::Create);
    if (!database) return database.error();
    (*database)->SetBusyTimeout(5000);
    for (const char* setup : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", kSchema})
        if (auto done = (*database)->Execute(setup); !done)
            return Error{"content tables in " + database_file.string() + ": " + done.error().message, ""};
    fs::path bundles = database_file;
    bundles += ".bundles";
    return std::unique_ptr<ServerContentStore>(new ServerContentStore(std::move(*database), bundles));
}

Result<PublishedBundle> ServerContentStore::Publish(const fs::path& bundle_file, const bundle::BundleTrust& trust) {
    auto verified = bundle::VerifiedBundle::Open(bundle_file, trust, {}, bundle::FileCheck::Now);
    if (!verified) return verified.error();
    const auto& index = verified->index();
    auto newest = Newest();
    if (!newest) return newest.error();
    if (*newest && (*newest)->content_id == index.content_id && (*newest)->version >= index.version)
        return bundle::BundleRefusal("its version " + std::to_string(index.version) +
                                         " is not newer than the published version " +
                                         std::to_string((*newest)->version) + " of \"" + index.content_id + "\"",
                                     "phiên bản không mới hơn phiên bản đã đăng");
    auto sha256 = FileSha256(bundle_file);
    if (!sha256) return sha256.error();

    std::error_code error;
    fs::create_directories(bundles_directory_, error);
    if (error) return Error{"cannot create " + bundles_directory_.string() + ": " + error.message(), ""};
    PublishedBundle published;
    published.sha256 = *sha256;
    published.content_id = index.content_id;
    published.version = index.version;
    published.size = fs::file_size(bundle_file, error);
    published.created_at = index.created_at;
    published.signer = verified->signer();
    published.published_at = bundle::UtcTimestampNow();
    published.file = bundles_directory_ / (published.sha256 + ".zip");
    // Written beside and renamed: a kiosk downloading never sees half a file under its name.
    std::ifstream stream(bundle_file, std::ios::binary);
    std::stringstream bytes;
    bytes << stream.rdbuf();
    if (bundle::Sha256Digest::Of(bytes.str()) != published.sha256)
        return Error{bundle_file.string() + " changed while it was published; publish it again", ""};
    if (auto written = bundle::WriteFileDurably(published.file, bytes.str(), bundle::ExistingFile::Replace); !written)
        return written.error();

    std::lock_guard lock(mutex_);
    auto insert = database_->Prepare(std::string("INSERT OR REPLACE INTO content_bundles (") + kColumns +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return insert.error();
    insert->Bind(1, published.sha256)
        .Bind(2, published.content_id)
        .Bind(3, static_cast<std::int64_t>(published.version))
        .Bind(4, static_cast<std::int64_t>(published.size))
        .Bind(5, published.created_at)
        .Bind(6, published.signer)
        .Bind(7, published.published_at);
    if (auto done = insert->Run(); !done) return done.error();
    return published;
}

Result<std::optional<PublishedBundle>> ServerContentStore::Select(const std::string& where, const std::string& argument) {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare(std::string("SELECT ") + kColumns + " FROM content_bundles " + where);
    if (!select) return select.error();
    if (!argument.empty()) select->Bind(1, argument);
    auto row = select->Step();
    if (!row) return row.error();
    if (!*row) return std::optional<PublishedBundle>();
    PublishedBundle published;
    published.sha256 = select->Text(0);
    published.content_id = select->Text(1);
    published.version = select->Integer(2);
    published.size = static_cast<std::uint64_t>(select->Integer(3));
    published.created_at = select->Text(4);
    published.signer = select->Text(5);
    published.published_at = select->Text(6);
    published.file = bundles_directory_ / (published.sha256 + ".zip");
    return std::optional<PublishedBundle>(std::move(published));
}

Result<std::optional<PublishedBundle>> ServerContentStore::Newest() {
    return Select("ORDER BY rowid DESC LIMIT 1", "");  // the last one published
}

Result<std::optional<PublishedBundle>> ServerContentStore::Find(const std::string& sha256) {
    return Select("WHERE sha256 = ?1", sha256);
}

Status ServerContentStore::RecordKioskContent(const KioskContentReport& report) {
    std::lock_guard lock(mutex_);
    auto upsert = database_->Prepare(
        "INSERT INTO kiosk_content (kiosk_id, content_id, version, reported_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (kiosk_id) DO UPDATE SET content_id = ?2, version = ?3, reported_at = ?4");
    if (!upsert) return upsert.error();
    upsert->Bind(1, report.kiosk_id)
        .Bind(2, report.content_id)
        .Bind(3, static_cast<std::int64_t>(report.version))
        .Bind(4, report.reported_at);
    return upsert->Run();
}

Result<std::vector<KioskContentReport>> ServerContentStore::KioskContents() {
    std::lock_guard lock(mutex_);
    auto select = database_->Prepare("SELECT kiosk_id, content_id, version, reported_at FROM kiosk_content ORDER BY kiosk_id");
    if (!select) return select.error();
    std::vector<KioskContentReport> reports;
    while (true) {
        auto row = select->Step();
        if (!row) return row.error();
        if (!*row) break;
        reports.push_back({select->Text(0), select->Text(1), select->Integer(2), select->Text(3)});
    }
    return reports;
}

}  // namespace kiosk::server
