// kiosk heartbeat --once: sends one health report to the commune server now, as the
// running kiosk does every few minutes — for staff checking a new install, and for tests.
#include <iostream>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/heartbeat/heartbeat_collector.hpp"
#include "kiosk/core/heartbeat/heartbeat_sender.hpp"
#include "kiosk/core/staff/audit_log.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"

namespace kiosk::app {
namespace {

int SendOnce(const GlobalOptions& options) {
    auto config = options.LoadConfigOrReport();
    if (!config) return 2;
    if (config->server.url.empty()) {
        std::cerr << "kiosk heartbeat: server.url is not set in the configuration, so there is no server to report to\n";
        return 2;
    }
    KioskVitals vitals;
    vitals.SetContentVersion(ContentVersionOfDirectory(config->content_dir));
    HeartbeatSources sources{config->kiosk_id, VoteOutboxPath(*config), config->data_dir, &vitals};
    // Every staff action the audit log holds: the server keeps each once, by its sequence.
    sources.audit_log_file = staff::AuditLogPath(config->data_dir);
    Heartbeat heartbeat = CollectHeartbeat(sources);
    auto settings = HeartbeatSettings::FromConfig(*config);
    HeartbeatSender sender(settings);
    if (auto sent = sender.Send(heartbeat); !sent) {
        std::cerr << "kiosk heartbeat: not delivered: " << sent.error().message << "\n";
        return 1;
    }
    std::cout << "heartbeat delivered to " << settings.Endpoint() << "\n"
              << HeartbeatToJson(heartbeat).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

}  // namespace

void AddHeartbeatCommand(CLI::App& app, GlobalOptions& options) {
    auto* heartbeat = app.add_subcommand("heartbeat", "report this kiosk's health to the commune server");
    auto once = std::make_shared<bool>(false);
    heartbeat->add_flag("--once", *once, "send one heartbeat now; exit 1 with the reason when it is not delivered")
        ->required();
    heartbeat->callback([&options] { options.exit_code = SendOnce(options); });
}

}  // namespace kiosk::app
