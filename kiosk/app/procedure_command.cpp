// kiosk procedure show: the procedure detail screen's page on the command line. It prints
// the same ProcedurePage the screen draws (kiosk/core/page), as text or JSON.
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/page/page_json.hpp"
#include "kiosk/core/page/page_text.hpp"

namespace kiosk::app {
namespace {

struct ShowArguments {
    bool json = false;
    bool all = false;
    std::string language;  // "vi" / "en"; empty: the configured one
    std::string content_dir;
    std::string code;
};

std::string DumpJson(const nlohmann::ordered_json& value) {
    return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

int Show(const GlobalOptions& options, const ShowArguments& arguments) {
    if (arguments.all == !arguments.code.empty()) {
        std::cerr << "kiosk procedure show: give one procedure CODE, or --all\n";
        return 2;
    }
    if (arguments.all && !arguments.json) {
        std::cerr << "kiosk procedure show: --all prints JSON; add --json\n";
        return 2;
    }
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    Language language = config->language;
    if (arguments.language == "vi") language = Language::Vietnamese;
    if (arguments.language == "en") language = Language::English;
    // The content the screens would show, with the same fall back to the last good one.
    auto settings = catalog::ContentSourceSettings::FromConfig(*config);
    settings.exact_directory = arguments.content_dir;
    auto shown = catalog::ContentSource(settings).Open();
    shown.WriteLog();
    if (!shown.catalog) return 1;
    const catalog::Catalog& catalog = *shown.catalog;

    if (arguments.all) {
        nlohmann::ordered_json pages = nlohmann::ordered_json::array();
        for (const auto& code : catalog.CodesInForce()) {
            auto page = page::PageFromCatalog(catalog, code, language, config->content_max_age_days);
            if (!page) {
                std::cerr << "kiosk procedure show: " << page.error().message << "\n";
                return 1;
            }
            pages.push_back(page::PageToJson(*page));
        }
        std::cout << DumpJson(pages) << "\n";
        return 0;
    }
    auto page = page::PageFromCatalog(catalog, arguments.code, language, config->content_max_age_days);
    if (!page) {
        std::cerr << "kiosk procedure show: " << page.error().message << "\n";
        return 1;
    }
    if (arguments.json) std::cout << DumpJson(page::PageToJson(*page)) << "\n";
    else std::cout << page::PageToText(*page);
    return 0;
}

}  // namespace

void AddProcedureCommands(CLI::App& app, GlobalOptions& options) {
    CLI::App* procedure = app.add_subcommand("procedure", "read procedures the way the kiosk shows them");
    procedure->require_subcommand(1);
    auto arguments = std::make_shared<ShowArguments>();
    CLI::App* show = procedure->add_subcommand("show", "print a procedure's detail page exactly as the screen shows it");
    show->add_option("CODE", arguments->code, "procedure code, e.g. 1.001193");
    show->add_flag("--all", arguments->all, "every procedure in force (with --json: one JSON list of pages)");
    show->add_flag("--json", arguments->json, "print the page as JSON (parts, sections, facts, papers)");
    show->add_option("--lang", arguments->language, "the kiosk's language for its own words (default: configured)")
        ->check(CLI::IsMember({"vi", "en"}));
    show->add_option("--content", arguments->content_dir, "content directory (default: the configured one)");
    show->callback([&options, arguments] { options.exit_code = Show(options, *arguments); });
}

}  // namespace kiosk::app
