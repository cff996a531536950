// kiosk search: the search screen's code on the command line.
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/catalog/content_source.hpp"
#include "kiosk/core/search/search_index.hpp"

namespace kiosk::app {
namespace {

struct SearchArguments {
    bool json = false;
    bool include_weak = false;
    int limit = 10;
    std::string content_dir;
    std::vector<std::string> words;
};

int Search(const GlobalOptions& options, const SearchArguments& arguments) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    // The content the screens would show, with the same fall back to the last good one
    // (or the directory given with --content).
    auto settings = catalog::ContentSourceSettings::FromConfig(*config);
    settings.exact_directory = arguments.content_dir;
    auto shown = catalog::ContentSource(settings).Open();
    shown.WriteLog();
    if (!shown.catalog) return 1;
    const catalog::Catalog* catalog = shown.catalog.get();
    std::string query;
    for (const auto& word : arguments.words) query += (query.empty() ? "" : " ") + word;
    size_t limit = static_cast<size_t>(std::max(arguments.limit, 1));
    auto hits = arguments.include_weak ? catalog->SearchIncludingWeak(query, limit) : catalog->Search(query, limit);
    if (arguments.json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& hit : hits) {
            auto summary = catalog->FindSummary(hit.code);
            list.push_back({{"code", hit.code},
                            {"name", hit.name},
                            {"score", std::round(hit.score * 10000.0) / 10000.0},
                            {"confidence", std::round(hit.confidence * 10000.0) / 10000.0},
                            {"field", summary ? summary->field_id : std::string()},
                            {"commune_level", summary && summary->commune_level}});
        }
        std::cout << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (hits.empty()) {
        std::cout << "Không tìm thấy thủ tục phù hợp ở xã với \"" << query << "\".\n";
        return 0;
    }
    int rank = 0;
    for (const auto& hit : hits) {
        auto summary = catalog->FindSummary(hit.code);
        char score[64];
        std::snprintf(score, sizeof score, "%.3f (khớp %.0f %%)", hit.score, hit.confidence * 100);
        std::cout << ++rank << ". " << hit.name << "\n   " << hit.code << "  ·  điểm " << score;
        if (hit.confidence < search::SearchIndex::kWeakBelow) std::cout << "  ·  yếu, không hiện trên kiosk";
        if (summary) std::cout << "  ·  " << summary->glance_time << "  ·  " << summary->glance_fee;
        std::cout << "\n";
    }
    return 0;
}

}  // namespace

void AddSearchCommand(CLI::App& app, GlobalOptions& options) {
    auto arguments = std::make_shared<SearchArguments>();
    CLI::App* command = app.add_subcommand("search", "search procedures the way the kiosk's search screen does");
    command->add_flag("--json", arguments->json,
                      "print one JSON array of {code, name, score, confidence, …}, best first; [] when nothing fits");
    command->add_flag("--include-weak", arguments->include_weak,
                      "also list the weak results the kiosk does not show (to review the synonym table)");
    command->add_option("--limit", arguments->limit, "at most this many results (default 10)")->check(CLI::Range(1, 1000));
    command->add_option("--content", arguments->content_dir, "content directory (default: the configured one)");
    command->add_option("QUERY", arguments->words, "what a citizen would type")->required();
    command->callback([&options, arguments] { options.exit_code = Search(options, *arguments); });
}

}  // namespace kiosk::app
