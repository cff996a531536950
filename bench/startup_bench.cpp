// Start-up and idle benchmark for the kiosk process (issue 2's targets):
//   process start → first frame presented   < 150 ms   (headless dummy driver, and under Xvfb)
//   peak RSS                                  < 60 MB
//   idle CPU over 30 s under Xvfb             < 0.5 % of a core
// It forks the real `kiosk run`, so it measures what a commune's machine runs.
// Usage: startup_bench [--runs N] [--idle-seconds S] [--config FILE] [--size WxH]
#include <CLI/CLI.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::filesystem::path KioskBinary() {
    return std::filesystem::read_symlink("/proc/self/exe").parent_path() / "kiosk";
}

struct Launch {
    pid_t pid = -1;
    int output = -1;  // the child's stdout
};

Launch Start(const std::vector<std::string>& arguments, const std::vector<std::string>& environment) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) return {};
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipe_ends[1], STDOUT_FILENO);
        close(pipe_ends[0]);
        for (const auto& variable : environment) putenv(const_cast<char*>(variable.c_str()));
        std::vector<char*> argv;
        for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(pipe_ends[1]);
    return {pid, pipe_ends[0]};
}

// Reads the child's stdout until "first-frame"; returns false if it exits first.
bool WaitForFirstFrame(int fd) {
    std::string seen;
    char buffer[256];
    while (seen.find("first-frame") == std::string::npos) {
        ssize_t got = read(fd, buffer, sizeof buffer);
        if (got <= 0) return false;
        seen.append(buffer, static_cast<size_t>(got));
    }
    return true;
}

struct Sample {
    double first_frame_ms = 0;
    double peak_rss_mb = 0;
};

bool MeasureStartup(const std::vector<std::string>& base_arguments, const std::vector<std::string>& environment,
                    Sample& sample) {
    auto arguments = base_arguments;
    arguments.insert(arguments.end(), {"--exit-after-frames", "3"});
    auto start = Clock::now();
    Launch launch = Start(arguments, environment);
    if (launch.pid < 0) return false;
    bool ok = WaitForFirstFrame(launch.output);
    sample.first_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    int status = 0;
    rusage usage{};
    wait4(launch.pid, &status, 0, &usage);
    close(launch.output);
    sample.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

double CpuSeconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto after_name = content.rfind(')');
    if (after_name == std::string::npos) return -1;
    std::vector<std::string> fields;
    std::string field;
    for (char c : content.substr(after_name + 2)) {
        if (c == ' ') {
            fields.push_back(field);
            field.clear();
        } else {
            field += c;
        }
    }
    // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted from after the name.
    double ticks = std::stod(fields.at(11)) + std::stod(fields.at(12));
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void Report(const char* label, std::vector<Sample> samples) {
    if (samples.empty()) {
        std::printf("%-34s no successful run\n", label);
        return;
    }
    std::sort(samples.begin(), samples.end(), [](auto& a, auto& b) { return a.first_frame_ms < b.first_frame_ms; });
    double peak = 0;
    for (auto& sample : samples) peak = std::max(peak, sample.peak_rss_mb);
    std::printf("%-34s first frame median %6.1f ms  min %6.1f  max %6.1f   peak RSS %5.1f MB   (%zu runs)\n", label,
                samples[samples.size() / 2].first_frame_ms, samples.front().first_frame_ms,
                samples.back().first_frame_ms, peak, samples.size());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kiosk start-up, memory and idle CPU benchmark"};
    int runs = 7;
    int idle_seconds = 30;
    std::string config, size = "1080x1920";
    app.add_option("--runs", runs, "start-up runs per mode");
    app.add_option("--idle-seconds", idle_seconds, "how long to measure idle CPU under Xvfb (0 skips)");
    app.add_option("--config", config, "kiosk configuration file");
    app.add_option("--size", size, "window size");
    CLI11_PARSE(app, argc, argv);

    std::string kiosk = KioskBinary().string();
    std::vector<std::string> arguments = {kiosk};
    if (!config.empty()) arguments.insert(arguments.end(), {"--config", config});
    arguments.insert(arguments.end(), {"run", "--windowed", "--size", size});
    std::string home = "HOME=" + (std::filesystem::temp_directory_path() / "kiosk-bench-home").string();

    std::vector<Sample> headless;
    for (int run = 0; run < runs; ++run) {
        Sample sample;
        if (MeasureStartup(arguments, {"SDL_VIDEODRIVER=dummy", "KIOSK_REPORT_FIRST_FRAME=1", home}, sample))
            headless.push_back(sample);
    }
    Report("headless (SDL dummy driver)", headless);

    // Xvfb: a real X server, as on a kiosk with X; SDL blocks in its event wait there.
    const char* display = ":97";
    Launch xvfb = Start({"/usr/bin/Xvfb", display, "-screen", "0", "1920x1920x24", "-nolisten", "tcp"}, {});
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    std::vector<std::string> x_environment = {"DISPLAY=:97", "SDL_VIDEODRIVER=x11", "SDL_FRAMEBUFFER_ACCELERATION=0",
                                              "KIOSK_REPORT_FIRST_FRAME=1", home};
    std::vector<Sample> xorg;
    for (int run = 0; run < runs; ++run) {
        Sample sample;
        if (MeasureStartup(arguments, x_environment, sample)) xorg.push_back(sample);
    }
    Report("Xvfb (SDL x11, software renderer)", xorg);

    if (idle_seconds > 0) {
        Launch idle = Start(arguments, x_environment);
        if (idle.pid > 0 && WaitForFirstFrame(idle.output)) {
            std::this_thread::sleep_for(std::chrono::seconds(2));  // let the settling frames pass
            double before = CpuSeconds(idle.pid);
            auto start = Clock::now();
            std::this_thread::sleep_for(std::chrono::seconds(idle_seconds));
            double after = CpuSeconds(idle.pid);
            double wall = std::chrono::duration<double>(Clock::now() - start).count();
            std::printf("%-34s %.3f %% of a core over %.0f s (%.3f s of CPU)\n", "idle CPU under Xvfb",
                        100.0 * (after - before) / wall, wall, after - before);
            kill(idle.pid, SIGTERM);
            waitpid(idle.pid, nullptr, 0);
        } else {
            std::printf("idle CPU under Xvfb: the kiosk did not start\n");
        }
    }
    if (xvfb.pid > 0) {
        kill(xvfb.pid, SIGTERM);
        waitpid(xvfb.pid, nullptr, 0);
    }
    return 0;
}
