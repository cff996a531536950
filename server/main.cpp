// kiosk-server — the reference commune server: receives kiosks' votes, answers per vote,
// shows staff a report, and hands kiosks the newest content bundle. `kiosk-server --listen
// HOST:PORT --db FILE --tokens FILE` serves; `kiosk-server export --db FILE --csv` writes
// every vote to standard output; `kiosk-server content publish FILE.zip --db FILE
// --trusted-keys FILE` accepts a bundle after verifying it; `kiosk-server content status
// --db FILE` says what is published and which kiosk has which version.
#include <CLI/CLI.hpp>
#include <httplib.h>

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/content_api.hpp"
#include "server/content_store.hpp"
#include "server/csv_export.hpp"
#include "server/fleet_api.hpp"
#include "server/fleet_store.hpp"
#include "server/guarded_http_server.hpp"
#include "server/kiosk_tokens.hpp"
#include "server/report_routes.hpp"
#include "server/request_admission.hpp"
#include "server/staff_password.hpp"
#include "server/vote_api.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {
namespace {

struct ListenAddress {
    std::string host;
    int port = 0;
};

struct ServeOptions {
    std::string listen, database_file, tokens_file, staff_password_file;
    ConnectionLimits limits;
    double header_timeout_s = 10, request_timeout_s = 60;
    int stale_after_minutes = 15;
};

std::optional<ListenAddress> ParseListen(const std::string& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
    ListenAddress address;
    address.host = text.substr(0, colon);
    if (address.host.size() > 2 && address.host.front() == '[' && address.host.back() == ']')
        address.host = address.host.substr(1, address.host.size() - 2);
    try {
        std::size_t used = 0;
        address.port = std::stoi(text.substr(colon + 1), &used);
        if (used != text.size() - colon - 1 || address.port < 0 || address.port > 65535) return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return address;
}

std::chrono::milliseconds Milliseconds(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

int Serve(ServeOptions options) {
    auto address = ParseListen(options.listen);
    if (!address) {
        std::cerr << "kiosk-server: --listen must be HOST:PORT (PORT 0 picks a free port), found \"" << options.listen
                  << "\"\n";
        return 2;
    }
    auto tokens = KioskTokens::Load(options.tokens_file);
    if (!tokens) {
        std::cerr << "kiosk-server: " << tokens.error().message << "\n";
        return 2;
    }
    if (tokens->size() == 0) std::cerr << "kiosk-server: warning: the tokens file names no kiosk; every vote will get 401\n";
    auto store = VoteStore::Open(options.database_file);
    if (!store) {
        std::cerr << "kiosk-server: " << store.error().message << "\n";
        return 1;
    }
    auto fleet = FleetStore::Open(options.database_file);
    if (!fleet) {
        std::cerr << "kiosk-server: " << fleet.error().message << "\n";
        return 1;
    }
    auto content = ServerContentStore::Open(options.database_file);
    if (!content) {
        std::cerr << "kiosk-server: " << content.error().message << "\n";
        return 1;
    }

    // Signals go to one thread that stops the server cleanly: requests in progress finish
    // (and their batches commit) before the process exits.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    options.limits.header_timeout = Milliseconds(options.header_timeout_s);
    options.limits.request_timeout = Milliseconds(options.request_timeout_s);
    // The staff pages are open on the commune LAN unless a password is given.
    std::shared_ptr<StaffPassword> staff_password;
    if (!options.staff_password_file.empty()) {
        auto loaded = StaffPassword::Load(options.staff_password_file);
        if (!loaded) {
            std::cerr << "kiosk-server: " << loaded.error().message << "\n";
            return 2;
        }
        staff_password = *loaded;
    }
    Authenticator staff = StaffAuthenticator(staff_password);
    GuardedHttpServer server(options.limits);
    RequestAdmission admission(options.limits);

    // Every route of the server, in one place.
    VoteApi votes(**store, *tokens);
    votes.Register(server, admission);
    ReportRoutes reports(**store, staff);
    reports.Register(server, admission);
    FleetApi fleet_api(**fleet, *tokens, std::chrono::minutes(options.stale_after_minutes), staff);
    fleet_api.Register(server, admission);
    ContentApi content_api(**content, *tokens);
    content_api.Register(server, admission);
    admission.Install(server);

    auto port = server.Bind(address->host, address->port);
    if (!port) {
        std::cerr << "kiosk-server: " << port.error().message << "\n";
        return 1;
    }
    std::cout << "listening on " << address->host << ":" << *port << std::endl;  // tests read this line

    std::atomic<bool> finished{false};
    std::thread signal_thread([&] {
        timespec tick{0, 200'000'000};
        while (!finished) {
            int received = sigtimedwait(&signals, nullptr, &tick);
            if (received == SIGTERM || received == SIGINT) {
                std::cerr << "kiosk-server: stopping on signal " << received << "\n";
                server.stop();
                return;
            }
        }
    });
    bool listened = server.listen_after_bind();
    finished = true;
    signal_thread.join();
    std::cout << "stopped" << std::endl;
    return listened ? 0 : 1;
}

// kiosk-server hash-password: the line for --staff-password-file. The password is read
// from the terminal twice with echo off, or as one line from standard input otherwise;
// never from the command line, where `ps` and the shell's history would keep it.
std::string ReadHidden(const char* prompt, bool terminal) {
    if (terminal) std::cerr << prompt << std::flush;
    termios saved{};
    if (terminal) {
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int HashPassword() {
    bool terminal = ::isatty(STDIN_FILENO);
    std::string password = ReadHidden("Staff password: ", terminal);
    if (terminal && ReadHidden("Again: ", terminal) != password) {
        std::cerr << "kiosk-server hash-password: the two passwords differ; nothing was made\n";
        return 1;
    }
    auto hash = HashStaffPassword(password);
    std::fill(password.begin(), password.end(), '\0');
    if (!hash) {
        std::cerr << "kiosk-server hash-password: " << hash.error().message << "\n";
        return 1;
    }
    std::cout << *hash << "\n";
    return 0;
}

int Export(const std::string& database_file) {
    std::error_code error;
    if (!std::filesystem::exists(database_file, error)) {
        std::cerr << "kiosk-server: no database at " << database_file << "\n";
        return 1;
    }
    auto store = VoteStore::Open(database_file);
    if (!store) {
        std::cerr << "kiosk-server: " << store.error().message << "\n";
        return 1;
    }
    if (auto exported = ExportVotesCsv(**store, std::cout); !exported) {
        std::cerr << "kiosk-server: " << exported.error().message << "\n";
        return 1;
    }
    return 0;
}

int PublishContent(const std::string& bundle_file, const std::string& database_file, const std::string& keys_file) {
    auto trust = ReadTrustedKeys(keys_file);
    if (!trust) {
        std::cerr << "kiosk-server content publish: " << trust.error().message << "\n";
        return 2;
    }
    auto store = ServerContentStore::Open(database_file);
    if (!store) {
        std::cerr << "kiosk-server content publish: " << store.error().message << "\n";
        return 1;
    }
    auto published = (*store)->Publish(bundle_file, *trust);
    if (!published) {
        std::cerr << "kiosk-server content publish: " << published.error().message << "\n";
        return 1;
    }
    std::cout << "Published content \"" << published->content_id << "\" version " << published->version << " ("
              << published->size << " bytes, signed by " << published->signer << ", sha256 " << published->sha256
              << "); kiosks get it at their next check\n";
    return 0;
}

int ContentStatus(const std::string& database_file, bool json) {
    std::error_code error;
    if (!std::filesystem::exists(database_file, error)) {
        std::cerr << "kiosk-server content status: no database at " << database_file << "\n";
        return 1;
    }
    auto store = ServerContentStore::Open(database_file);
    if (!store) {
        std::cerr << "kiosk-server content status: " << store.error().message << "\n";
        return 1;
    }
    auto newest = (*store)->Newest();
    auto kiosks = (*store)->KioskContents();
    if (!newest || !kiosks) {
        std::cerr << "kiosk-server content status: cannot read the content tables\n";
        return 1;
    }
    if (json) {
        nlohmann::json out{{"published", nullptr}, {"kiosks", nlohmann::json::array()}};
        if (*newest)
            out["published"] = {{"content_id", (*newest)->content_id}, {"version", (*newest)->version},
                                {"sha256", (*newest)->sha256},         {"size", (*newest)->size},
                                {"signer", (*newest)->signer},         {"published_at", (*newest)->published_at}};
        for (const auto& kiosk : *kiosks)
            out["kiosks"].push_back({{"kiosk_id", kiosk.kiosk_id},
                                     {"content_id", kiosk.content_id},
                                     {"version", kiosk.version},
                                     {"reported_at", kiosk.reported_at},
                                     {"up_to_date", *newest && kiosk.content_id == (*newest)->content_id &&
                                                        kiosk.version >= (*newest)->version}});
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (*newest)
        std::cout << "Published: \"" << (*newest)->content_id << "\" version " << (*newest)->version << ", signed by "
                  << (*newest)->signer << ", published " << (*newest)->published_at << "\n";
    else
        std::cout << "Published: nothing yet (kiosk-server content publish FILE.zip)\n";
    for (const auto& kiosk : *kiosks) {
        bool current = *newest && kiosk.content_id == (*newest)->content_id && kiosk.version >= (*newest)->version;
        std::cout << "  " << kiosk.kiosk_id << ": \"" << kiosk.content_id << "\" version " << kiosk.version << " (as of "
                  << kiosk.reported_at << ")" << (current ? "" : "  <- not up to date") << "\n";
    }
    return 0;
}

}  // namespace
}  // namespace kiosk::server

int main(int argc, char** argv) {
    using kiosk::server::ServeOptions;
    CLI::App app{"kiosk-server — reference commune server for Kiosk Một Cửa votes"};
    ServeOptions serve;
    std::string export_database;
    bool csv = false;
    app.add_option("--listen", serve.listen, "HOST:PORT to listen on; port 0 picks a free one and prints it");
    app.add_option("--db", serve.database_file, "the votes database (SQLite), created when absent");
    app.add_option("--tokens", serve.tokens_file, "file of \"KIOSK_ID TOKEN\" lines")->check(CLI::ExistingFile);
    app.add_option("--max-connections", serve.limits.workers, "connections served at once (default 32)")
        ->check(CLI::Range(2, 1024));
    app.add_option("--max-connections-per-address", serve.limits.connections_per_address,
                   "of those, how many one client address may hold (default 8)")
        ->check(CLI::Range(1, 1024));
    app.add_option("--header-timeout", serve.header_timeout_s,
                   "seconds a request's line and headers may take to arrive (default 10)")
        ->check(CLI::Range(0.1, 600.0));
    app.add_option("--request-timeout", serve.request_timeout_s,
                   "seconds a whole request, body included, may take to arrive (default 60)")
        ->check(CLI::Range(0.1, 3600.0));
    app.add_option("--stale-after-minutes", serve.stale_after_minutes,
                   "a kiosk silent for longer is shown in red on /fleet (default 15)")
        ->check(CLI::Range(1, 10080));
    app.add_option("--staff-password-file", serve.staff_password_file,
                   "file with the hash of the staff pages' password (from: kiosk-server hash-password); "
                   "without it /report and /fleet are open to anyone who reaches the server")
        ->check(CLI::ExistingFile);
    auto* hash_command = app.add_subcommand(
        "hash-password", "read a staff password (terminal, or one line on standard input) and print its hash");
    auto* export_command = app.add_subcommand("export", "write every vote to standard output");
    export_command->add_option("--db", export_database, "the votes database")->required();
    export_command->add_flag("--csv", csv, "as CSV with a header (the only format)")->required();
    auto* content_command = app.add_subcommand("content", "content bundles for the kiosks");
    std::string publish_file, content_database, trusted_keys_file;
    bool status_json = false;
    auto* publish_command = content_command->add_subcommand("publish", "verify a bundle and offer it to every kiosk");
    publish_command->add_option("FILE", publish_file, "the bundle (FILE.zip) from `kiosk content pack`")->required();
    publish_command->add_option("--db", content_database, "the server's database")->required();
    publish_command->add_option("--trusted-keys", trusted_keys_file,
                                "file of the NAME.pub lines whose signatures are accepted")
        ->required()
        ->check(CLI::ExistingFile);
    auto* status_command = content_command->add_subcommand("status", "what is published and which kiosk has which version");
    status_command->add_option("--db", content_database, "the server's database")->required();
    status_command->add_flag("--json", status_json, "print JSON");
    content_command->require_subcommand(1);
    app.require_subcommand(0, 1);
    CLI11_PARSE(app, argc, argv);

    if (export_command->parsed()) return kiosk::server::Export(export_database);
    if (publish_command->parsed()) return kiosk::server::PublishContent(publish_file, content_database, trusted_keys_file);
    if (status_command->parsed()) return kiosk::server::ContentStatus(content_database, status_json);
    if (hash_command->parsed()) return kiosk::server::HashPassword();
    if (serve.listen.empty() || serve.database_file.empty() || serve.tokens_file.empty()) {
        std::cerr << "kiosk-server: serving needs --listen HOST:PORT --db FILE --tokens FILE\n";
        return 2;
    }
    if (serve.limits.connections_per_address >= serve.limits.workers) {
        std::cerr << "kiosk-server: --max-connections-per-address must be less than --max-connections: one client could "
                     "then take every worker\n";
        return 2;
    }
    return kiosk::server::Serve(serve);
}
