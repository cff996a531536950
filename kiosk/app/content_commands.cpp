// kiosk content import-dvcqg / kiosk content check: make and inspect content directories
// with the same core code the kiosk loads them with.
#include <iostream>
#include <map>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/content/content_directory.hpp"
#include "kiosk/core/content/display_text.hpp"
#include "kiosk/core/dvcqg/dvcqg_importer.hpp"

namespace kiosk::app {
namespace {

struct ImportArguments {
    std::string source;
    std::string out;
    bool commune_only = false;
    std::string report;  // --report FILE.json: the defect report
};

int Import(const GlobalOptions& options, const ImportArguments& arguments) {
    if (!options.LoadConfigOrReport()) return 2;
    dvcqg::ImportOptions import{arguments.source, arguments.out, arguments.commune_only};
    auto report = dvcqg::ImportDvcqg(import);
    if (!report) {
        std::cerr << "kiosk content import-dvcqg: " << report.error().message << "\n";
        return 1;
    }
    std::cout << "Imported " << arguments.source << " into " << arguments.out
              << (arguments.commune_only ? " (commune-level procedures only)" : "") << "\n"
              << report->Describe();
    if (!arguments.report.empty()) {
        if (auto written = content::WriteTextFile(arguments.report, report->DefectReportJson(arguments.source, arguments.commune_only));
            !written) {
            std::cerr << "kiosk content import-dvcqg: the defect report: " << written.error().message << "\n";
            return 1;
        }
        std::cout << "Defect report written to " << arguments.report << "\n";
    }
    // Prove the output loads the way the kiosk will load it.
    auto loaded = content::LoadContentDirectory(arguments.out);
    if (!loaded) {
        std::cerr << "kiosk content import-dvcqg: the written content does not load: " << loaded.error().message << "\n";
        return 1;
    }
    return 0;
}

int Check(const GlobalOptions& options, std::string directory) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    if (directory.empty()) {
        // No directory named: the content the kiosk would show, by the screens' own rule.
        catalog::ContentSource source(catalog::ContentSourceSettings::FromConfig(*config));
        directory = source.WantedDirectory().string();
        auto shown = source.Open();
        if (shown.fallback)
            std::cerr << "kiosk content check: the kiosk shows the last good content from " << shown.shown.string()
                      << " (" << shown.catalog->manifest().content_id << ", version " << shown.catalog->manifest().version
                      << ") instead of " << directory << "\n";
    }
    auto bundle = content::LoadContentDirectory(directory);
    if (!bundle) {
        std::cerr << "kiosk content check: " << bundle.error().message << "\n"
                  << bundle.error().message_vietnamese << "\n";
        return 1;
    }
    const auto& manifest = bundle->manifest;
    std::map<std::string, int> online_levels;
    int unknown_fee = 0, unknown_time = 0, commune_level = 0, no_documents = 0;
    for (const auto& procedure : bundle->procedures) {
        ++online_levels[content::OnlineLevelCode(procedure.online_level)];
        if (content::GlanceFee(procedure) == content::kAskAtTheDesk) ++unknown_fee;
        if (content::GlanceTime(procedure) == content::kAskAtTheDesk) ++unknown_time;
        if (procedure.commune_level) ++commune_level;
        if (procedure.documents.empty()) ++no_documents;
    }
    std::cout << "Content " << directory << ": OK (schema version " << manifest.schema_version << ")\n"
              << "  content id:      " << manifest.content_id << ", version " << manifest.version << ", created "
              << manifest.created << (manifest.demo ? " (DEMO values)" : "") << "\n"
              << "  commune:         " << manifest.commune.name << ", " << manifest.commune.province << "\n"
              << "  hotline:         " << manifest.commune.hotline << "\n"
              << "  portal codes:    province \"" << manifest.commune.portal_province_code << "\", ward \""
              << manifest.commune.portal_ward_code << "\"\n"
              << "  procedures:      " << bundle->procedures.size() << " (" << commune_level << " commune-level)\n"
              << "  fields:          " << bundle->fields.size() << "\n"
              << "  synonyms:        " << bundle->synonyms.size() << "\n"
              << "  guides:          " << bundle->guides.size() << "\n"
              << "  feedback channels: " << bundle->contacts.feedback_channels.size() << "\n"
              << "  posters:         " << bundle->posters.size() << "\n"
              << "  published indices: " << bundle->results.indices.size() << ", exemplary entries: "
              << bundle->results.exemplary.size() << "\n"
              << "  vote reasons:    " << manifest.vote_reasons.size() << "\n"
              << "  online level:   ";
    for (const auto& [level, count] : online_levels) std::cout << " " << level << "=" << count;
    std::cout << "\n  shown as \"" << content::kAskAtTheDesk << "\": fee " << unknown_fee << ", time " << unknown_time
              << "; no documents listed: " << no_documents << "\n";
    return 0;
}

}  // namespace

void AddContentCommands(CLI::App& app, GlobalOptions& options) {
    CLI::App* content = app.add_subcommand("content", "make, check and install content");
    content->require_subcommand(1);

    auto import = std::make_shared<ImportArguments>();
    CLI::App* import_command =
        content->add_subcommand("import-dvcqg", "import the National Public Service Portal data into a content directory");
    import_command->add_option("SOURCE", import->source, "the portal data (procedures_all.jsonl and raw/)")
        ->required()
        ->check(CLI::ExistingDirectory);
    import_command->add_option("--out", import->out, "the content directory to write")->required();
    import_command->add_flag("--commune-only", import->commune_only,
                             "only procedures a commune People's Committee or commune police handles");
    import_command->add_option("--report", import->report,
                               "write the defect report (per kind: found in the source, fixed, procedures still having one) as JSON");
    import_command->callback([&options, import] { options.exit_code = Import(options, *import); });

    auto directory = std::make_shared<std::string>();
    CLI::App* check = content->add_subcommand("check", "validate a content directory and print a summary");
    check->add_option("DIR", *directory, "the content directory (default: the one the kiosk would show)");
    check->callback([&options, directory] { options.exit_code = Check(options, *directory); });

    AddContentBundleCommands(*content, options);
}

}  // namespace kiosk::app
