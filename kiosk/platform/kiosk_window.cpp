#include "kiosk/platform/kiosk_window.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <systemd/sd-daemon.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <thread>

#include "kiosk/core/font_files.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/platform/rotated_canvas.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/services.hpp"

namespace kiosk::platform {
namespace {

std::atomic<bool> stop_requested{false};

void OnStopSignal(int) {
    stop_requested = true;
    // Wake the event loop; SDL_PushEvent is safe to call from a signal handler's context
    // in practice (it takes SDL's event lock, which the main thread never holds long).
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    SDL_PushEvent(&event);
}

bool IsInput(const SDL_Event& event) {
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEMOTION:
        case SDL_MOUSEWHEEL:
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
        case SDL_KEYDOWN:
        case SDL_TEXTINPUT: return true;
        default: return false;
    }
}

// A kiosk takes no typed text and needs no desktop session, but SDL's start on X11 would
// still parse the locale's whole Compose table (XIM: 20–40 ms measured) and let
// libdbus fork a dbus-launch where no session bus runs. Both are skipped unless the
// environment already says otherwise.
void SkipDesktopServicesTheKioskDoesNotUse() {
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0);
}

double MonotonicSeconds() { return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency()); }

}  // namespace

int RunKioskWindow(const Config& config, const WindowOptions& options, ui::Services* services) {
    auto font_files = ResolveFontFiles(DefaultFontsJson());
    if (!font_files) {
        log::Failure(font_files.error());
        return 4;
    }

    // The font atlas is baked on a second thread while this one opens the display, which
    // is mostly waiting for the display server's replies. It is baked for the window size,
    // or for a full screen with the usual 1080 px short side; a display of another size
    // rebuilds it once in the first frame. The thread is ImGui's only user until joined.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk writes no imgui.ini
    io.LogFilename = nullptr;
    ui::Fonts fonts(font_files.value());
    auto kiosk_ui = std::make_unique<ui::KioskUi>(config, fonts, services);
    ScreenSize expected = LogicalSize({options.width, options.height}, config.display.rotation);
    ImVec2 expected_size(static_cast<float>(expected.width), static_cast<float>(expected.height));
    std::thread font_baker([&] {
        kiosk_ui->PrepareFrame(expected_size);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // converted once here, uploaded later
    });
    auto stop_baking = [&] {
        if (font_baker.joinable()) font_baker.join();
    };

    // We handle SIGTERM ourselves: SDL would turn it into SDL_QUIT, which the kiosk must
    // ignore when it comes from Alt+F4.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");  // a finger is a mouse to ImGui
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // no GL context behind a software renderer
    SkipDesktopServicesTheKioskDoesNotUse();
    std::signal(SIGTERM, OnStopSignal);
    std::signal(SIGINT, OnStopSignal);

    auto fail = [&](const char* what, const char* advice = "") {
        log::Failure(std::string(what) + " (" + SDL_GetError() + ")." + advice);
        stop_baking();
        kiosk_ui.reset();
        ImGui::DestroyContext();
        SDL_Quit();
        return 3;
    };
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0)
        return fail("no display to draw on", " Set DISPLAY, run under a Wayland/X session or on the console with KMSDRM, "
                                             "or use 'kiosk screenshot' to render without a display.");

    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= options.windowed ? SDL_WINDOW_RESIZABLE : (SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
    SDL_Window* window = SDL_CreateWindow("Kiosk Một Cửa", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          options.width, options.height, flags);
    if (!window) return fail("cannot open a window");
    SDL_ShowCursor(options.windowed ? SDL_ENABLE : SDL_DISABLE);
    // The software renderer by default: the kiosk draws only when something changes, and it
    // spares the ~100 MB and ~300 ms a GL context costs on machines without a real GPU.
    // SDL_RENDER_DRIVER=opengl (or any SDL driver name) picks another.
    bool driver_chosen = std::getenv("SDL_RENDER_DRIVER") != nullptr;
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, driver_chosen ? 0 : SDL_RENDERER_SOFTWARE);
    if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer) {
        SDL_DestroyWindow(window);
        return fail("cannot create a renderer");
    }
    // While the atlas may still be baking: the first clear makes the software renderer set
    // up the window's framebuffer and touch its pages, work the first frame would wait for.
    SDL_RenderClear(renderer);
    SDL_RenderFlush(renderer);
    stop_baking();

    RotatedCanvas canvas(config.display.rotation);
    auto output_size = [&] {
        int width = 0, height = 0;
        SDL_GetRendererOutputSize(renderer, &width, &height);
        return ScreenSize{width, height};
    };
    // Where a touch reported in output pixels falls on the UI's canvas (display.rotation).
    auto on_canvas = [&](int x, int y) {
        ScreenPoint point = ToLogical({static_cast<float>(x), static_cast<float>(y)}, canvas.Logical(output_size()),
                                      canvas.rotation());
        return ImVec2(point.x, point.y);
    };
    ImGui_ImplSDL2_InitForSDLRenderer(window);
    ImGui_ImplSDLRenderer_Init(renderer);
    kiosk_ui->NoteInput(MonotonicSeconds());
    // A task posted by a worker (new content, a USB stick, progress) wakes the sleeping loop:
    // SDL_PushEvent is safe from any thread, and the frame it causes drains the run queue.
    const Uint32 run_queue_event = SDL_RegisterEvents(1);
    if (services && run_queue_event != static_cast<Uint32>(-1))
        services->run_queue().SetWake([run_queue_event] {
            SDL_Event wake{};
            wake.type = run_queue_event;
            SDL_PushEvent(&wake);
        });

    uint64_t watchdog_usec = 0;
    bool watchdog = sd_watchdog_enabled(0, &watchdog_usec) > 0;
    int frames_to_draw = 3;  // ImGui settles its layout over a couple of frames
    int frames_drawn = 0;
    std::optional<ImVec2> pointer;  // the last position a mouse or finger event reported
    bool notified_ready = false;
    bool running = true;
    while (running && !stop_requested) {
        // Sleep until an event, the next timed change on screen, or the watchdog's beat.
        SDL_Event event;
        bool got_event;
        if (frames_to_draw > 0 || kiosk_ui->WantsAnotherFrame()) {
            got_event = SDL_PollEvent(&event);
        } else {
            double wait = kiosk_ui->SecondsUntilWake(MonotonicSeconds());
            if (watchdog) wait = std::min(wait, static_cast<double>(watchdog_usec) / 2e6);
            int timeout_ms = static_cast<int>(std::min(wait, 3600.0) * 1000.0) + 1;
            got_event = SDL_WaitEventTimeout(&event, timeout_ms);
            if (!got_event) frames_to_draw = std::max(frames_to_draw, 1);
        }
        while (got_event) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (IsInput(event)) {
                kiosk_ui->NoteInput(MonotonicSeconds());
                frames_to_draw = 3;
            }
            if (event.type == SDL_WINDOWEVENT) frames_to_draw = 3;
            if (event.type == run_queue_event) frames_to_draw = std::max(frames_to_draw, 1);
            bool exit_request = event.type == SDL_QUIT ||
                                (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE);
            if (exit_request && options.allow_exit) running = false;  // otherwise: ignored on purpose
            if (event.type == SDL_MOUSEMOTION) pointer = on_canvas(event.motion.x, event.motion.y);
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_LEAVE) pointer.reset();
            bool button = event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEBUTTONUP;
            if (button) {
                pointer = on_canvas(event.button.x, event.button.y);
                // ImGui 1.86 sees one pointer state a frame: a press or a release closes the
                // batch, so a drag is pressed where the finger landed, not where it went next.
                break;
            }
            got_event = SDL_PollEvent(&event);
        }
        if (watchdog) sd_notify(0, "WATCHDOG=1");
        if (frames_to_draw <= 0 && !kiosk_ui->WantsAnotherFrame()) continue;

        ScreenSize output = output_size();
        ScreenSize logical = canvas.Logical(output);
        const int width = logical.width, height = logical.height;
        if (kiosk_ui->PrepareFrame(ImVec2(static_cast<float>(width), static_cast<float>(height)))) {
            ImGui_ImplSDLRenderer_DestroyFontsTexture();
            ImGui_ImplSDLRenderer_CreateFontsTexture();
        }
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        // Where the events put the pointer: the backend polls SDL's global mouse state,
        // which on X11 lags behind XTest input and misses moves while a button is held.
        if (pointer) io.MousePos = *pointer;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        ImGui::NewFrame();
        kiosk_ui->Draw(MonotonicSeconds(), std::time(nullptr));
        ImGui::Render();
        canvas.Draw(renderer, ImGui::GetDrawData(), output);
        SDL_RenderPresent(renderer);
        --frames_to_draw;
        ++frames_drawn;
        if (!notified_ready) {
            sd_notify(0, "READY=1");
            notified_ready = true;
            // The start-up benchmark times the process from fork to this line.
            if (std::getenv("KIOSK_REPORT_FIRST_FRAME")) {
                std::fputs("first-frame\n", stdout);
                std::fflush(stdout);
            }
        }
        if (options.exit_after_frames > 0 && frames_drawn >= options.exit_after_frames) running = false;
    }

    sd_notify(0, "STOPPING=1");
    if (services) services->run_queue().SetWake({});  // no events for a closing SDL
    kiosk_ui.reset();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}

}  // namespace kiosk::platform
