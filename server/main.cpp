// kiosk-server — the reference commune server: receives kiosks' votes, answers per vote,
// and shows staff a report. `kiosk-server --listen HOST:PORT --db FILE --tokens FILE`
// serves; `kiosk-server export --db FILE --csv` writes every vote to standard output.
#include <CLI/CLI.hpp>
#include <httplib.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "server/csv_export.hpp"
#include "server/kiosk_tokens.hpp"
#include "server/vote_api.hpp"
#include "server/vote_store.hpp"

namespace kiosk::server {
namespace {

struct ListenAddress {
    std::string host;
    int port = 0;
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

int Serve(const std::string& listen, const std::string& database_file, const std::string& tokens_file) {
    auto address = ParseListen(listen);
    if (!address) {
        std::cerr << "kiosk-server: --listen must be HOST:PORT (PORT 0 picks a free port), found \"" << listen << "\"\n";
        return 2;
    }
    auto tokens = KioskTokens::Load(tokens_file);
    if (!tokens) {
        std::cerr << "kiosk-server: " << tokens.error().message << "\n";
        return 2;
    }
    if (tokens->size() == 0) std::cerr << "kiosk-server: warning: the tokens file names no kiosk; every vote will get 401\n";
    auto store = VoteStore::Open(database_file);
    if (!store) {
        std::cerr << "kiosk-server: " << store.error().message << "\n";
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

    httplib::Server server;
    VoteApi api(**store, *tokens);
    api.Register(server);
    server.set_tcp_nodelay(true);  // headers and body go in separate writes: do not wait on delayed ACKs
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);

    int port = address->port == 0 ? server.bind_to_any_port(address->host) : address->port;
    if (address->port != 0 && !server.bind_to_port(address->host, address->port)) port = -1;
    if (port <= 0) {
        std::cerr << "kiosk-server: cannot listen on " << listen << "\n";
        return 1;
    }
    std::cout << "listening on " << address->host << ":" << port << std::endl;  // tests read this line

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

int Export(const std::string& database_file) {
    if (!std::filesystem::exists(database_file)) {
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

}  // namespace
}  // namespace kiosk::server

int main(int argc, char** argv) {
    CLI::App app{"kiosk-server — reference commune server for Kiosk Một Cửa votes"};
    std::string listen, database_file, tokens_file, export_database;
    bool csv = false;
    app.add_option("--listen", listen, "HOST:PORT to listen on; port 0 picks a free one and prints it");
    app.add_option("--db", database_file, "the votes database (SQLite), created when absent");
    app.add_option("--tokens", tokens_file, "file of \"KIOSK_ID TOKEN\" lines")->check(CLI::ExistingFile);
    auto* export_command = app.add_subcommand("export", "write every vote to standard output");
    export_command->add_option("--db", export_database, "the votes database")->required();
    export_command->add_flag("--csv", csv, "as CSV with a header (the only format)")->required();
    app.require_subcommand(0, 1);
    CLI11_PARSE(app, argc, argv);

    if (export_command->parsed()) return kiosk::server::Export(export_database);
    if (listen.empty() || database_file.empty() || tokens_file.empty()) {
        std::cerr << "kiosk-server: serving needs --listen HOST:PORT --db FILE --tokens FILE\n";
        return 2;
    }
    return kiosk::server::Serve(listen, database_file, tokens_file);
}
