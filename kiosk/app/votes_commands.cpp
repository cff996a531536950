// kiosk votes add | status | flush | retry-rejected: the vote screen's code on the command line, for IT,
// scripts and tests. `add` goes through the same VoteRecorder as a tap on a face.
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/votes/vote_delivery.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"

namespace kiosk::app {
namespace {

struct AddArguments {
    int rating = 0;
    VoteContext context;
};

// Opens the outbox, telling IT when a corrupt one had to be moved aside.
std::unique_ptr<VoteOutbox> OpenOutboxOrReport(const Config& config, const char* command) {
    auto outbox = VoteOutbox::Open(VoteOutboxPath(config));
    if (!outbox) {
        std::cerr << "kiosk votes " << command << ": " << outbox.error().message << "\n";
        return nullptr;
    }
    if (const auto& moved = (*outbox)->moved_aside())
        std::cerr << "kiosk votes " << command << ": the vote outbox was corrupt; it was moved to " << moved->string()
                  << " and a fresh one was started with the " << (*outbox)->salvaged()
                  << " pending vote(s) that could still be read from it\n";
    return std::move(*outbox);
}

int Add(const GlobalOptions& options, const AddArguments& arguments) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    auto outbox = OpenOutboxOrReport(*config, "add");
    if (!outbox) return 1;
    VoteRecorder recorder(*outbox, VoteRecorderSettings::FromConfig(*config));
    auto vote = recorder.Record(arguments.rating, arguments.context);
    if (!vote) {
        std::cerr << "kiosk votes add: " << vote.error().message << "\n";
        return 2;
    }
    std::cout << vote->uuid << std::endl;
    if (vote->suppressed())
        std::cerr << "kiosk votes add: kept but suppressed (" << SuppressionName(vote->suppression)
                  << "): it reaches the server marked and is not counted\n";
    return 0;
}

nlohmann::ordered_json StatusJson(const VoteOutboxStatus& status, const std::filesystem::path& file) {
    auto optional = [](const std::optional<std::int64_t>& value) {
        return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
    };
    auto optional_time = [](const std::optional<std::int64_t>& value) {
        return value ? nlohmann::ordered_json(FormatUtcTimestamp(*value)) : nlohmann::ordered_json(nullptr);
    };
    auto optional_text = [](const std::string& value) {
        return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
    };
    return {{"pending", status.pending},
            {"delivered", status.delivered},
            {"suppressed", status.suppressed},
            {"rejected", status.rejected},
            {"awaiting_reason", status.awaiting_reason},
            {"oldest_pending_age_s", optional(status.oldest_pending_age_s)},
            {"oldest_pending_recorded_at", optional_time(status.oldest_pending_recorded_at_ms)},
            {"last_delivery_at", optional_time(status.last_delivery_at_ms)},
            {"last_delivery_error", optional_text(status.last_delivery_error)},
            {"last_delivery_error_at", optional_time(status.last_delivery_error_at_ms)},
            {"last_rejection", optional_text(status.last_rejection)},
            {"moved_aside", optional_text(status.moved_aside)},
            {"salvaged", status.salvaged},
            {"outbox", file.string()}};
}

int Status(const GlobalOptions& options, bool json) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    // Read-only, so the status of a full disk can still be read; only a kiosk that never
    // recorded a vote gets its (empty) outbox created here.
    std::error_code absent;
    bool exists = std::filesystem::exists(VoteOutboxPath(*config), absent);
    std::unique_ptr<VoteOutbox> outbox;
    if (exists) {
        auto opened = VoteOutbox::OpenReadOnly(VoteOutboxPath(*config));
        if (!opened) {
            std::cerr << "kiosk votes status: " << opened.error().message << "\n";
            return 1;
        }
        outbox = std::move(*opened);
    } else {
        outbox = OpenOutboxOrReport(*config, "status");
        if (!outbox) return 1;
    }
    auto status = outbox->ReadStatus(SystemVoteClock::Instance().WallNowMilliseconds());
    if (!status) {
        std::cerr << "kiosk votes status: " << status.error().message << "\n";
        return 1;
    }
    auto document = StatusJson(*status, outbox->file());
    if (json) {
        std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const auto& [key, value] : document.items())
        std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << "\n";
    return 0;
}

int Flush(const GlobalOptions& options, double timeout_s) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    auto outbox = OpenOutboxOrReport(*config, "flush");
    if (!outbox) return 1;
    auto timeout = std::chrono::milliseconds(static_cast<std::int64_t>(std::max(timeout_s, 0.0) * 1000));
    FlushReport report = FlushVotes(*outbox, VoteUplinkSettings::FromConfig(*config), timeout);
    std::cout << "delivered " << report.delivered << ", rejected " << report.rejected << ", still pending "
              << report.still_pending << std::endl;
    if (!report.last_error.empty()) std::cerr << "kiosk votes flush: " << report.last_error << "\n";
    if (report.rejected > 0)
        std::cerr << "kiosk votes flush: the server rejected " << report.rejected
                  << " vote(s) (see kiosk votes status); once the cause is fixed, kiosk votes retry-rejected sends them again\n";
    // 0 only when every vote went: a rejected vote is not delivered either.
    return report.still_pending == 0 && report.rejected == 0 ? 0 : 1;
}

int RetryRejected(const GlobalOptions& options) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    auto outbox = OpenOutboxOrReport(*config, "retry-rejected");
    if (!outbox) return 1;
    auto requeued = outbox->RequeueRejected();
    if (!requeued) {
        std::cerr << "kiosk votes retry-rejected: " << requeued.error().message << "\n";
        return 1;
    }
    std::cout << "requeued " << *requeued << " rejected vote(s); they go with the next delivery (kiosk votes flush)"
              << std::endl;
    return 0;
}

}  // namespace

void AddVotesCommands(CLI::App& app, GlobalOptions& options) {
    auto* votes = app.add_subcommand("votes", "satisfaction votes: add one, show the outbox, deliver now");
    votes->require_subcommand(1);

    auto add_arguments = std::make_shared<AddArguments>();
    auto* add = votes->add_subcommand("add", "record a vote through the same code path as the vote screen");
    add->add_option("--rating", add_arguments->rating, "rating code 1..votes.scale (higher is better)")->required();
    add->add_option("--desk", add_arguments->context.desk_id, "desk/counter id (default: the configured desk_id)");
    add->add_option("--procedure", add_arguments->context.procedure_code, "procedure code (mã thủ tục)");
    add->add_option("--field", add_arguments->context.field_id, "field id (lĩnh vực)");
    add->add_option("--dossier", add_arguments->context.dossier_code, "dossier code (mã hồ sơ): one vote per dossier");
    add->add_option("--reason", add_arguments->context.reason_code, "reason code for a negative vote");
    add->callback([&options, add_arguments] { options.exit_code = Add(options, *add_arguments); });

    auto json = std::make_shared<bool>(false);
    auto* status = votes->add_subcommand("status", "counts of pending, delivered, suppressed and rejected votes");
    status->add_flag("--json", *json, "print JSON");
    status->callback([&options, json] { options.exit_code = Status(options, *json); });

    auto timeout_s = std::make_shared<double>(30.0);
    auto* flush = votes->add_subcommand("flush", "deliver pending votes now; exit 0 only when none is left");
    flush->add_option("--timeout", *timeout_s, "give up after this many seconds (default 30)")
        ->check(CLI::Range(0.0, 86400.0));
    flush->callback([&options, timeout_s] { options.exit_code = Flush(options, *timeout_s); });

    auto* retry = votes->add_subcommand("retry-rejected",
                                        "send the votes the server rejected again (after fixing the cause, e.g. the token)");
    retry->callback([&options] { options.exit_code = RetryRejected(options); });
}

}  // namespace kiosk::app
