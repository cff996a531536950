#pragma once
// The soak: the real kiosk, headless, driven for a number of frames by random touches
// (mostly on what is drawn to be touched, sometimes anywhere, drags, long pauses that let
// the idle countdown and the posters come) and measured as it goes: resident memory and
// the size of every file in its state directory. Shared by the short soak in ctest
// (tests/ui/soak_test.cpp) and the full 100,000 frames of bench/soak_bench.cpp.
#include <malloc.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include <imgui.h>

#include "kiosk/platform/headless_kiosk.hpp"

namespace kiosk::soak {

// Resident memory of this process, from /proc/self/statm. glibc keeps freed memory mapped
// for reuse (a long page's text laid out once stays in its arenas until trimmed), so the
// arenas are trimmed first: what is left is memory still in use, which is what a leak grows.
inline std::int64_t ResidentBytes() {
    malloc_trim(0);
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
}

// Every regular file under the state directory with its size.
inline std::map<std::string, std::int64_t> StateFiles(const std::filesystem::path& directory) {
    std::map<std::string, std::int64_t> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(directory, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error))
            files[std::filesystem::relative(it->path(), directory, error).string()] =
                static_cast<std::int64_t>(it->file_size(error));
    }
    return files;
}

struct SoakFigures {
    long long frames = 0;
    long long actions = 0, taps_on_targets = 0, taps_anywhere = 0, drags = 0, pauses = 0, renders = 0;
    std::int64_t resident_after_warm_up = 0;  // after the first `warm_up_frames`
    std::int64_t resident_at_end = 0;
    std::map<std::string, std::int64_t> files_after_warm_up, files_at_end;
    std::int64_t votes_after_warm_up = 0, votes_at_end = 0;  // in the outbox
    double ResidentGrowth() const {
        return static_cast<double>(resident_at_end - resident_after_warm_up) / static_cast<double>(resident_after_warm_up);
    }
};

// Frames the kiosk has drawn: ImGui's own count (the kiosk's context is current after any
// of its calls).
inline long long FramesDrawn() { return ImGui::GetFrameCount(); }

// Drives `kiosk` until it has drawn `frames` frames. `votes` counts the outbox's votes.
template <typename CountVotes>
SoakFigures RunSoak(platform::HeadlessKiosk& kiosk, const std::filesystem::path& state_directory, long long frames,
                    long long warm_up_frames, unsigned seed, CountVotes votes) {
    std::mt19937 random(seed);
    auto chance = [&](double probability) { return std::uniform_real_distribution<double>(0, 1)(random) < probability; };
    auto anywhere = [&] {
        return ImVec2(std::uniform_real_distribution<float>(0, static_cast<float>(kiosk.width()))(random),
                      std::uniform_real_distribution<float>(0, static_cast<float>(kiosk.height()))(random));
    };
    SoakFigures figures;
    const long long start = FramesDrawn();
    bool warmed_up = false;
    long long next_render = start;
    while (FramesDrawn() - start < frames) {
        ++figures.actions;
        const auto& targets = kiosk.record().tappables;
        if (chance(0.02)) {
            // A citizen walks away: the countdown, home, sometimes the posters.
            kiosk.Wait(chance(0.5) ? 105.0 : 330.0, 5.0);
            ++figures.pauses;
        } else if (chance(0.06)) {
            ImVec2 from = anywhere();
            kiosk.Drag(from, ImVec2(from.x, from.y + std::uniform_real_distribution<float>(-900, 900)(random)));
            ++figures.drags;
        } else if (chance(0.1) || targets.empty()) {
            kiosk.Tap(anywhere());
            ++figures.taps_anywhere;
        } else {
            const auto& target = targets[std::uniform_int_distribution<size_t>(0, targets.size() - 1)(random)];
            kiosk.Tap(target.Center());
            ++figures.taps_on_targets;
        }
        // Rasterize now and then, as a window's present would (every frame would take hours).
        if (FramesDrawn() >= next_render) {
            kiosk.Render();
            ++figures.renders;
            next_render = FramesDrawn() + 97;
        }
        if (!warmed_up && FramesDrawn() - start >= warm_up_frames) {
            warmed_up = true;
            figures.resident_after_warm_up = ResidentBytes();
            figures.files_after_warm_up = StateFiles(state_directory);
            figures.votes_after_warm_up = votes();
        }
    }
    figures.frames = FramesDrawn() - start;
    figures.resident_at_end = ResidentBytes();
    figures.files_at_end = StateFiles(state_directory);
    figures.votes_at_end = votes();
    return figures;
}

}  // namespace kiosk::soak
