// votes_bench — how fast the kiosk can promise a vote, and how fast it can deliver a backlog.
//   1. durable commits: VoteRecorder::Record (WAL, synchronous=FULL) one after another;
//      prints commits per second and the p50/p99/max latency. Target: p99 < 10 ms.
//   2. delivery: 1,000 pending votes to the real kiosk-server on 127.0.0.1 (random port)
//      through FlushVotes, the code path of the uplink and `kiosk votes flush`. Target: < 2 s.
// Figures go to docs/benchmarks.md, "Votes".
#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "kiosk/core/votes/vote_delivery.hpp"
#include "kiosk/core/votes/vote_outbox.hpp"
#include "kiosk/core/votes/vote_recorder.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::duration duration) {
    return std::chrono::duration<double, std::milli>(duration).count();
}

fs::path FreshDirectory(const fs::path& parent) {
    std::random_device device;
    fs::path directory = parent / ("kiosk-votes-bench-" + std::to_string(device()));
    fs::create_directories(directory);
    return directory;
}

// kiosk-server on 127.0.0.1:0; returns its pid and port, or pid -1.
std::pair<pid_t, int> StartServer(const fs::path& binary, const fs::path& directory) {
    std::string database = (directory / "server.sqlite").string();
    std::string tokens = (directory / "tokens").string();
    std::FILE* file = std::fopen(tokens.c_str(), "w");
    std::fputs("kiosk-bench tok-bench-0123456789abcdef\n", file);
    std::fclose(file);
    std::vector<std::string> arguments{binary.string(), "--listen", "127.0.0.1:0", "--db", database, "--tokens", tokens};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    int pipe_ends[2];
    if (pipe2(pipe_ends, O_CLOEXEC) != 0) return {-1, 0};
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_ends[1]);
    std::string line;
    pollfd descriptor{pipe_ends[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&descriptor, 1, 5000) > 0) {
        char chunk[256];
        ssize_t got = read(pipe_ends[0], chunk, sizeof chunk);
        if (got <= 0) break;
        line.append(chunk, static_cast<std::size_t>(got));
    }
    close(pipe_ends[0]);
    auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        return {-1, 0};
    }
    return {pid, std::stoi(line.substr(colon + 1))};
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"votes_bench — durable vote commits and delivery of a backlog"};
    int commits = 2000;
    int backlog = 1000;
    int rounds = 3;
    std::string parent = fs::temp_directory_path().string();
    app.add_option("--commits", commits, "votes to commit one by one");
    app.add_option("--backlog", backlog, "pending votes to deliver per round");
    app.add_option("--rounds", rounds, "delivery rounds");
    app.add_option("--dir", parent, "where to put the outbox (use the kiosk's real disk)");
    CLI11_PARSE(app, argc, argv);

    setenv("no_proxy", "127.0.0.1", 1);
    fs::path directory = FreshDirectory(parent);
    auto outbox = kiosk::VoteOutbox::Open(directory / "votes.sqlite");
    if (!outbox) {
        std::cerr << "votes_bench: " << outbox.error().message << "\n";
        return 1;
    }
    kiosk::VoteRecorder recorder(**outbox, {"kiosk-bench", "quay-1", 3, 10, 0});

    std::vector<double> latencies;
    latencies.reserve(static_cast<std::size_t>(commits));
    auto started = Clock::now();
    for (int index = 0; index < commits; ++index) {
        auto before = Clock::now();
        auto vote = recorder.Record(1 + index % 3, {.procedure_code = "1.000894"});
        latencies.push_back(Milliseconds(Clock::now() - before));
        if (!vote) {
            std::cerr << "votes_bench: " << vote.error().message << "\n";
            return 1;
        }
    }
    double seconds = Milliseconds(Clock::now() - started) / 1000.0;
    std::sort(latencies.begin(), latencies.end());
    auto at = [&](double quantile) { return latencies[static_cast<std::size_t>(quantile * (latencies.size() - 1))]; };
    std::printf("durable commits: %d in %.2f s = %.0f commits/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                "(target p99 < 10 ms: %s)\n",
                commits, seconds, commits / seconds, at(0.50), at(0.99), latencies.back(),
                at(0.99) < 10.0 ? "met" : "MISSED");

    fs::path server_binary = fs::read_symlink("/proc/self/exe").parent_path() / "kiosk-server";
    for (int round = 0; round < rounds; ++round) {
        fs::path round_directory = directory / ("round-" + std::to_string(round));
        fs::create_directories(round_directory);
        auto [pid, port] = StartServer(server_binary, round_directory);
        if (pid < 0) {
            std::cerr << "votes_bench: cannot start " << server_binary << "\n";
            return 1;
        }
        auto round_outbox = kiosk::VoteOutbox::Open(round_directory / "votes.sqlite");
        kiosk::VoteRecorder round_recorder(**round_outbox, {"kiosk-bench", "quay-1", 3, 0, 0});
        for (int index = 0; index < backlog; ++index) (void)round_recorder.Record(1 + index % 3);
        kiosk::VoteUplinkSettings settings;
        settings.server_url = "http://127.0.0.1:" + std::to_string(port);
        settings.token = "tok-bench-0123456789abcdef";
        auto before = Clock::now();
        auto report = kiosk::FlushVotes(**round_outbox, settings, std::chrono::seconds(60));
        double elapsed = Milliseconds(Clock::now() - before);
        std::printf("delivery round %d: %lld votes delivered in %.0f ms (%lld still pending; target < 2000 ms: %s)\n",
                    round + 1, static_cast<long long>(report.delivered), elapsed,
                    static_cast<long long>(report.still_pending),
                    elapsed < 2000.0 && report.still_pending == 0 ? "met" : "MISSED");
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove_all(directory, ignored);
    return 0;
}
