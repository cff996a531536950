// The bundle format: keys as keygen writes them, what the packer puts in a zip, and that
// VerifiedBundle::Open accepts exactly what the packer made with a trusted key.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "kiosk/core/bundle/bundle_path.hpp"
#include "kiosk/core/bundle/install_progress.hpp"
#include "kiosk/core/bundle/verified_bundle.hpp"
#include "kiosk/core/config.hpp"
#include "kiosk/core/version.hpp"
#include "tests/core/bundle_test_support.hpp"

using namespace kiosk;
using namespace kiosk::bundle;
namespace fs = std::filesystem;

TEST_CASE("bundle keys: keygen writes a 0600 secret and a one-line public key that parses back") {
    testing::TemporaryDirectory directory;
    auto key = testing::NewKey("so-tttt-thu");
    REQUIRE(key.WriteKeyFiles(directory / "signer").ok());
    struct stat info {};
    REQUIRE(::stat((directory / "signer.secret").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    std::string public_text = testing::ReadFile(directory / "signer.pub");
    CHECK(std::count(public_text.begin(), public_text.end(), '\n') == 1);
    auto parsed = PublicKey::Parse(public_text);
    REQUIRE(parsed.ok());
    CHECK(parsed->SameKey(key.public_key()));
    CHECK(parsed->name() == "so-tttt-thu");
    CHECK(parsed->DisplayName().rfind("so-tttt-thu (ed25519:", 0) == 0);

    auto read = SigningKey::Read(directory / "signer.secret");
    REQUIRE(read.ok());
    CHECK(read->public_key().SameKey(key.public_key()));
    std::string signature = read->Sign("index bytes");
    CHECK(parsed->Verifies("index bytes", signature));
    CHECK_FALSE(parsed->Verifies("index bytez", signature));

    // A second keygen to the same name never replaces the key kiosks already trust.
    auto again = testing::NewKey("other");
    auto refused = again.WriteKeyFiles(directory / "signer");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("already exists") != std::string::npos);
    CHECK(SigningKey::Read(directory / "signer.secret")->public_key().SameKey(key.public_key()));
}

TEST_CASE("bundle keys: lines that are not keys are refused with a sentence") {
    CHECK_FALSE(PublicKey::Parse("").ok());
    CHECK_FALSE(PublicKey::Parse("ssh-ed25519 AAAA").ok());
    CHECK_FALSE(PublicKey::Parse("ed25519:not-base64!").ok());
    CHECK_FALSE(PublicKey::Parse("ed25519:AAAA").ok());  // 3 bytes, not 32
    CHECK(PublicKey::Parse("ed25519:AAAA").error().message.find("32 bytes") != std::string::npos);
    CHECK_FALSE(SigningKey::Parse("ed25519:AAAA").ok());
}

TEST_CASE("bundle config: content.trusted_keys and allow_unsigned are read, a bad key is refused naming it") {
    auto key = testing::NewKey("so-thu");
    auto config = ParseConfig(R"({"content": {"trusted_keys": [")" + key.public_key().Line() +
                                  R"("], "allow_unsigned": true}, "content_dir": "factory"})",
                              "/etc/kiosk");
    REQUIRE(config.ok());
    CHECK(config->content_dir == fs::path("/etc/kiosk/factory"));
    CHECK(config->content.allow_unsigned);
    auto trust = BundleTrust::FromConfig(config->content);
    REQUIRE(trust.ok());
    REQUIRE(trust->trusted_keys.size() == 1);
    CHECK(trust->Find(key.public_key().KeyText()) != nullptr);
    CHECK(trust->unsigned_bundles == UnsignedBundles::AllowForDevelopment);

    auto bad = ParseConfig(R"({"content": {"trusted_keys": [")" + key.public_key().Line() + R"(", "ed25519:AAAA"]}})", "/");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("content.trusted_keys[1]") != std::string::npos);
    auto wrong_type = ParseConfig(R"({"content": {"trusted_keys": "ed25519:AAAA"}})", "/");
    REQUIRE_FALSE(wrong_type.ok());
    CHECK(wrong_type.error().message.find("content.trusted_keys") != std::string::npos);
    CHECK_FALSE(ParseConfig(R"({"content": {"allow_unsgned": true}})", "/").ok());
    CHECK_FALSE(ParseConfig(R"({})", "/")->content.allow_unsigned);
}

TEST_CASE("bundle pack: the zip holds the files as they are, a signed index listing each, and its signature") {
    testing::TemporaryDirectory directory;
    testing::WriteSmallContent(directory / "content", 4);
    auto key = testing::NewKey();
    auto report = testing::PackOrFail(directory / "content", directory / "v4.zip", key);
    CHECK(report.procedure_count == 3);
    CHECK(report.index.content_id == "xa-thu");
    CHECK(report.index.version == 4);
    CHECK(report.index.minimum_kiosk_version == SoftwareVersion());
    CHECK(report.index.signer_key == key.public_key().KeyText());

    auto entries = testing::ReadZipEntries(directory / "v4.zip");
    std::vector<std::string> names;
    for (const auto& entry : entries) names.push_back(entry.name);
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"bundle-index.json", "bundle-index.json.sig", "fields.json", "guides.json",
                                            "manifest.json", "media/buoc-1.png", "posters.json", "procedures.jsonl"});
    for (const auto& entry : entries) {
        if (entry.name.rfind("bundle-index", 0) == 0) continue;
        CHECK(entry.data == testing::ReadFile(directory / "content" / entry.name));  // as they are
        const BundleFile* listed = report.index.Find(entry.name);
        REQUIRE(listed);
        CHECK(listed->size == entry.data.size());
        CHECK(listed->sha256 == Sha256Digest::Of(entry.data));
    }
    std::string index_text = testing::EntryNamed(entries, kBundleIndexEntry).data;
    auto signature = DecodeBase64(testing::EntryNamed(entries, kBundleSignatureEntry).data.substr(0, 88));
    REQUIRE(signature);
    CHECK(key.public_key().Verifies(index_text, *signature));
    auto parsed = ParseBundleIndex(index_text);
    REQUIRE(parsed.ok());
    CHECK(SerializeBundleIndex(*parsed) == index_text);
}

TEST_CASE("bundle pack: broken content, a symlink or a missing key's file is refused where the bundle is made") {
    testing::TemporaryDirectory directory;
    testing::WriteSmallContent(directory / "content", 1);
    auto key = testing::NewKey();
    PackRequest request;
    request.content_directory = directory / "content";
    request.out_file = directory / "out.zip";
    request.key = key;

    testing::WriteFile(directory / "content" / "fields.json", "{\"fields\": [");
    auto broken = PackBundle(request);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.find("fields.json") != std::string::npos);
    CHECK_FALSE(fs::exists(directory / "out.zip"));

    testing::WriteSmallContent(directory / "content", 1);
    fs::create_symlink("/etc/passwd", directory / "content" / "media" / "link.png");
    auto linked = PackBundle(request);
    REQUIRE_FALSE(linked.ok());
    CHECK(linked.error().message.find("media/link.png is a symbolic link") != std::string::npos);
    CHECK_FALSE(fs::exists(directory / "out.zip"));
    CHECK_FALSE(SigningKey::Read(directory / "absent.secret").ok());
}

TEST_CASE("bundle verify: a packed bundle opens against its signer, and against no one else") {
    testing::TemporaryDirectory directory;
    testing::WriteSmallContent(directory / "content", 2);
    auto key = testing::NewKey("so-thu");
    testing::PackOrFail(directory / "content", directory / "v2.zip", key);

    auto opened = VerifiedBundle::Open(directory / "v2.zip", testing::TrustOnly(key));
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    CHECK(opened->signature() == SignatureState::Trusted);
    CHECK(opened->signer().rfind("so-thu (ed25519:", 0) == 0);
    CHECK(opened->index().files.size() == 6);
    CHECK(Sha256Digest::IsHex(opened->index_sha256()));

    auto stranger = testing::NewKey("stranger");
    auto untrusted = VerifiedBundle::Open(directory / "v2.zip", testing::TrustOnly(stranger));
    REQUIRE_FALSE(untrusted.ok());
    CHECK(untrusted.error().message.find("untrusted signer") != std::string::npos);
    CHECK(untrusted.error().message_vietnamese.find("Kiosk vẫn dùng nội dung cũ") != std::string::npos);

    // allow_unsigned lets in a bundle with no signature, never one signed by a stranger.
    BundleTrust development;
    development.unsigned_bundles = UnsignedBundles::AllowForDevelopment;
    CHECK_FALSE(VerifiedBundle::Open(directory / "v2.zip", development).ok());
    testing::PackOrFail(directory / "content", directory / "unsigned.zip", std::nullopt);
    auto unsigned_opened = VerifiedBundle::Open(directory / "unsigned.zip", development);
    REQUIRE(unsigned_opened.ok());
    CHECK(unsigned_opened->signature() == SignatureState::UnsignedAllowed);
    CHECK_FALSE(VerifiedBundle::Open(directory / "unsigned.zip", testing::TrustOnly(key)).ok());
}

TEST_CASE("bundle paths: only plain relative names are allowed") {
    for (const char* good : {"manifest.json", "media/buoc-1.png", "a/b/c.json", "ảnh/bước 1.png", "..hidden", "a..b"})
        CHECK_MESSAGE(!BundlePathProblem(good), good);
    for (const char* bad : {"", "/etc/passwd", "../x.json", "a/../../x", "a//b", "a/", "./a", "C:/x", "a\\b", "a\nb",
                            "bundle-index.json", "bundle-index.json.sig", "\xff.json"})
        CHECK_MESSAGE(BundlePathProblem(bad).has_value(), bad);
}

TEST_CASE("bundle versions and progress: versions compare as numbers, progress reads as staff expect") {
    for (const char* good : {"0.2.0", "1", "0.10", "10.0.0.1"}) CHECK_MESSAGE(IsDottedVersion(good), good);
    for (const char* bad : {"", ".1", "1.", "1..2", "1.2.x", "v1.2.3", "1.2.3 ", "-1.2.3"}) CHECK_MESSAGE(!IsDottedVersion(bad), bad);
    InstallProgress progress{InstallStage::BuildingCatalog, 0, 0, 2642, 5};
    CHECK(DescribeProgress(progress, Language::Vietnamese) == "Đang cài đặt 2.642 thủ tục…");
    CHECK(DescribeProgress(progress, Language::English) == "Installing 2,642 procedures…");
    CHECK(DescribeProgress({InstallStage::CheckingSignature}, Language::Vietnamese) == "Đang kiểm tra chữ ký…");
    progress.stage = InstallStage::Installed;
    CHECK(DescribeProgress(progress, Language::English) == "Installed version 5 (2,642 procedures).");
}
