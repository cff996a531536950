// kiosk content keygen / pack / verify / preview / install / status / rollback: content
// bundles made, checked and installed with the same core code the kiosk uses
// (kiosk/core/bundle/). Every refusal prints its sentence (English, then Vietnamese) on
// stderr and exits 1; a refused configuration exits 2.
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/bundle/bundle_packer.hpp"
#include "kiosk/core/bundle/content_status.hpp"
#include "kiosk/core/bundle/content_store.hpp"
#include "kiosk/core/bundle/signing_key.hpp"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;
using namespace kiosk::bundle;

int Refused(const char* command, const Error& error) {
    std::cerr << "kiosk content " << command << ": " << error.message << "\n";
    if (!error.message_vietnamese.empty()) std::cerr << error.message_vietnamese << "\n";
    return 1;
}

// The config's trust, factory content and store, or the exit code when the config is refused.
struct StoreSetup {
    Config config;
    InstallOptions options;
};

std::optional<StoreSetup> LoadSetup(const GlobalOptions& global, const char* command, int& exit_code) {
    auto config = global.LoadConfigOrReport();
    if (!config) {
        exit_code = 2;
        return std::nullopt;
    }
    auto trust = BundleTrust::FromConfig(config->content);
    if (!trust) {
        std::cerr << "kiosk content " << command << ": " << trust.error().message << "\n";
        exit_code = 2;
        return std::nullopt;
    }
    if (config->content.allow_unsigned) std::cerr << kUnsignedBundlesWarning << "\n";
    StoreSetup setup{*config, {}};
    setup.options.trust = std::move(*trust);
    setup.options.factory_content_dir = config->content_dir;
    return setup;
}

struct KeygenArguments {
    std::string out;
    std::string name;
};

int Keygen(const GlobalOptions& global, const KeygenArguments& arguments) {
    if (!global.LoadConfigOrReport()) return 2;
    std::string name = arguments.name.empty() ? fs::path(arguments.out).filename().string() : arguments.name;
    auto key = SigningKey::Generate(name);
    if (!key) return Refused("keygen", key.error());
    if (auto status = key->WriteKeyFiles(arguments.out); !status) return Refused("keygen", status.error());
    std::cout << "Wrote " << SecretKeyFile(arguments.out).string() << " (secret, mode 0600: keep it with whoever packs "
              << "bundles, never on a kiosk)\n"
              << "Wrote " << PublicKeyFile(arguments.out).string() << "; add this line to content.trusted_keys of every "
              << "kiosk that installs these bundles:\n"
              << key->public_key().Line() << "\n";
    return 0;
}

struct PackArguments {
    std::string directory;
    std::string key;
    std::string out;
    std::string minimum_kiosk_version;
    bool unsigned_bundle = false;
};

int Pack(const GlobalOptions& global, const PackArguments& arguments) {
    if (!global.LoadConfigOrReport()) return 2;
    PackRequest request;
    request.content_directory = arguments.directory;
    request.out_file = arguments.out;
    request.minimum_kiosk_version = arguments.minimum_kiosk_version;
    if (arguments.key.empty() == !arguments.unsigned_bundle)
        return Refused("pack", Error{"give either --key NAME.secret or --unsigned (a development bundle)",
                                     "Cần --key NAME.secret (hoặc --unsigned cho bản thử)."});
    if (!arguments.key.empty()) {
        auto key = SigningKey::Read(arguments.key);
        if (!key) return Refused("pack", key.error());
        request.key = std::move(*key);
    }
    auto report = PackBundle(request);
    if (!report) return Refused("pack", report.error());
    const auto& index = report->index;
    std::cout << "Packed " << arguments.directory << " into " << arguments.out << ": content \"" << index.content_id
              << "\" version " << index.version << ", " << report->procedure_count << " procedures, "
              << index.files.size() << " files, " << index.TotalSize() << " bytes (" << report->zip_bytes
              << " zipped), "
              << (request.key ? "signed by " + request.key->public_key().DisplayName() : std::string("UNSIGNED")) << "\n";
    return 0;
}

Result<ContentPreview> PreviewPath(ContentStore& store, const fs::path& path, const InstallOptions& options) {
    if (fs::is_directory(path)) return store.PreviewDirectory(path, options);
    return store.Preview(path, options);
}

int Verify(const GlobalOptions& global, const std::string& file) {
    int exit_code = 0;
    auto setup = LoadSetup(global, "verify", exit_code);
    if (!setup) return exit_code;
    auto store = ContentStore::Open(setup->config.data_dir);
    auto preview = PreviewPath(store, file, setup->options);
    if (!preview) return Refused("verify", preview.error());
    std::cout << "OK: " << file << " would install content \"" << preview->content_id << "\" version " << preview->version
              << " (" << preview->procedure_count << " procedures), signed by " << preview->signer << "\n";
    return 0;
}

int Preview(const GlobalOptions& global, const std::string& file, bool json) {
    int exit_code = 0;
    auto setup = LoadSetup(global, "preview", exit_code);
    if (!setup) return exit_code;
    auto store = ContentStore::Open(setup->config.data_dir);
    auto preview = PreviewPath(store, file, setup->options);
    if (!preview) {
        if (json)
            std::cout << nlohmann::ordered_json{{"would_install", false},
                                                {"error", preview.error().message},
                                                {"error_vietnamese", preview.error().message_vietnamese}}
                             .dump(2)
                      << "\n";
        return Refused("preview", preview.error());
    }
    if (json) {
        std::cout << PreviewToJson(*preview).dump(2) << "\n";
        return 0;
    }
    std::cout << "Installing " << file << " would change the content:\n"
              << "  now:        " << InstalledOriginCode(preview->installed_origin) << " \"" << preview->installed_content_id
              << "\" version " << preview->installed_version << " (" << preview->installed_procedure_count
              << " procedures)\n"
              << "  after:      \"" << preview->content_id << "\" version " << preview->version << " ("
              << preview->procedure_count << " procedures), made " << preview->created_at << "\n"
              << "  signer:     " << preview->signer << "\n"
              << "  procedures: " << preview->Count(ChangeKind::Added) << " added, " << preview->Count(ChangeKind::Changed)
              << " changed, " << preview->Count(ChangeKind::Removed) << " removed\n";
    for (const auto& change : preview->procedures)
        std::cout << "    " << (change.kind == ChangeKind::Added ? "+ " : change.kind == ChangeKind::Removed ? "- " : "~ ")
                  << change.code << " " << change.name << "\n";
    std::cout << "  commune's corrections (overrides.json): " << preview->CountOverrides(ChangeKind::Added) << " added, "
              << preview->CountOverrides(ChangeKind::Changed) << " changed, " << preview->CountOverrides(ChangeKind::Removed)
              << " removed" << (preview->pinned_changed ? "; pinned procedures changed" : "") << "\n";
    for (const auto& change : preview->overrides)
        std::cout << "    " << (change.kind == ChangeKind::Added ? "+ " : change.kind == ChangeKind::Removed ? "- " : "~ ")
                  << change.code << " " << change.name << "\n";
    std::cout << "  other files:";
    if (preview->files.empty()) std::cout << " unchanged";
    std::cout << "\n";
    for (const auto& change : preview->files)
        std::cout << "    " << (change.kind == ChangeKind::Added ? "+ " : change.kind == ChangeKind::Removed ? "- " : "~ ")
                  << change.path << "\n";
    return 0;
}

struct InstallArguments {
    std::string source;
    bool new_content_id = false;
};

int Install(const GlobalOptions& global, const InstallArguments& arguments) {
    int exit_code = 0;
    auto setup = LoadSetup(global, "install", exit_code);
    if (!setup) return exit_code;
    auto store = ContentStore::Open(setup->config.data_dir);
    InstallOptions& options = setup->options;
    options.content_id_change = arguments.new_content_id ? ContentIdChange::Allow : ContentIdChange::Refuse;
    std::optional<InstallStage> last_stage;
    options.progress = [&](const InstallProgress& progress) {
        if (last_stage == progress.stage) return;  // one line per stage, not per piece
        last_stage = progress.stage;
        std::cout << DescribeProgress(progress, Language::English) << std::endl;
    };
    auto release = fs::is_directory(arguments.source) ? store.InstallDirectory(arguments.source, options)
                                                      : store.Install(arguments.source, options);
    if (!release) return Refused("install", release.error());
    std::cout << "Installed content \"" << release->content_id << "\" version " << release->version << " ("
              << release->procedure_count << " procedures) into " << release->directory.string() << ", signed by "
              << release->signer << "\n";
    return 0;
}

int Status(const GlobalOptions& global, bool json) {
    auto config = global.LoadConfigOrReport();
    if (!config) return 2;
    auto store = ContentStore::Open(config->data_dir);
    auto status = DescribeContentStatus(store, config->content_dir);
    if (json) {
        std::cout << StatusToJson(status).dump(2) << "\n";
        return 0;
    }
    if (status.origin == ContentOrigin::Factory) {
        std::cout << "Content: the factory content in " << status.content_directory.string() << " (\"" << status.content_id
                  << "\" version " << status.version << ", " << status.procedure_count
                  << " procedures); no bundle installed yet\n";
        return 0;
    }
    const auto& current = *status.current;
    std::cout << "Content: \"" << current.content_id << "\" version " << current.version << " ("
              << current.procedure_count << " procedures), installed " << current.installed_at << " from "
              << current.source << ", signed by " << current.signer << "\n"
              << "  release: " << current.directory.string() << "\n"
              << "  previous: "
              << (status.previous ? "version " + std::to_string(status.previous->version) + " (kiosk content rollback)"
                                  : std::string("none"))
              << "\n";
    return 0;
}

int Rollback(const GlobalOptions& global) {
    auto config = global.LoadConfigOrReport();
    if (!config) return 2;
    auto store = ContentStore::Open(config->data_dir);
    auto release = store.Rollback();
    if (!release) return Refused("rollback", release.error());
    std::cout << "Rolled back to content \"" << release->content_id << "\" version " << release->version << " ("
              << release->procedure_count << " procedures)\n";
    return 0;
}

}  // namespace

void AddContentBundleCommands(CLI::App& content, GlobalOptions& options) {
    auto keygen = std::make_shared<KeygenArguments>();
    CLI::App* keygen_command = content.add_subcommand("keygen", "make a key pair that signs content bundles");
    keygen_command->add_option("--out", keygen->out, "writes NAME.pub and NAME.secret")->required();
    keygen_command->add_option("--name", keygen->name, "what kiosks call the signer (default: NAME's file name)");
    keygen_command->callback([&options, keygen] { options.exit_code = Keygen(options, *keygen); });

    auto pack = std::make_shared<PackArguments>();
    CLI::App* pack_command = content.add_subcommand("pack", "pack a content directory into a signed bundle");
    pack_command->add_option("DIR", pack->directory, "the content directory")->required();
    pack_command->add_option("--key", pack->key, "NAME.secret from keygen");
    pack_command->add_flag("--unsigned", pack->unsigned_bundle, "no signature (only kiosks with content.allow_unsigned)");
    pack_command->add_option("--out", pack->out, "the bundle to write (FILE.zip)")->required();
    pack_command->add_option("--minimum-kiosk-version", pack->minimum_kiosk_version,
                             "oldest kiosk that may install it (default: this kiosk's version)");
    pack_command->callback([&options, pack] { options.exit_code = Pack(options, *pack); });

    auto verify_file = std::make_shared<std::string>();
    CLI::App* verify = content.add_subcommand("verify", "check a bundle completely; exit 0 only when it would install");
    verify->add_option("FILE", *verify_file, "the bundle (FILE.zip) or a content directory")->required();
    verify->callback([&options, verify_file] { options.exit_code = Verify(options, *verify_file); });

    auto preview_file = std::make_shared<std::string>();
    auto preview_json = std::make_shared<bool>(false);
    CLI::App* preview = content.add_subcommand("preview", "what installing a bundle would change");
    preview->add_option("FILE", *preview_file, "the bundle (FILE.zip) or a content directory")->required();
    preview->add_flag("--json", *preview_json, "print JSON");
    preview->callback([&options, preview_file, preview_json] {
        options.exit_code = Preview(options, *preview_file, *preview_json);
    });

    auto install = std::make_shared<InstallArguments>();
    CLI::App* install_command = content.add_subcommand("install", "install a bundle or a content directory");
    install_command->add_option("SOURCE", install->source, "FILE.zip or DIR")->required();
    install_command->add_flag("--new-content-id", install->new_content_id,
                              "accept content with another content id than the installed one (a kiosk moved)");
    install_command->callback([&options, install] { options.exit_code = Install(options, *install); });

    auto status_json = std::make_shared<bool>(false);
    CLI::App* status = content.add_subcommand("status", "which content the kiosk shows and where it came from");
    status->add_flag("--json", *status_json, "print JSON");
    status->callback([&options, status_json] { options.exit_code = Status(options, *status_json); });

    CLI::App* rollback = content.add_subcommand("rollback", "go back to the previous installed version");
    rollback->callback([&options] { options.exit_code = Rollback(options); });
}

}  // namespace kiosk::app
