#include "kiosk/platform/headless_kiosk.hpp"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <ctime>

#include "kiosk/ui/widgets/button.hpp"

namespace kiosk::platform {

Result<std::unique_ptr<HeadlessKiosk>> HeadlessKiosk::Create(const Config& config, int width, int height,
                                                              ui::Services* services) {
    if (width < 320 || height < 320 || width > 8192 || height > 8192)
        return Error{"screen size must be between 320 and 8192 pixels a side, got " + std::to_string(width) + "x" +
                     std::to_string(height)};
    auto font_files = ResolveFontFiles(DefaultFontsJson());
    if (!font_files) return font_files.error();

    std::unique_ptr<HeadlessKiosk> kiosk(new HeadlessKiosk(config.display.rotation));
    kiosk->output_ = ScreenSize{width, height};
    kiosk->logical_ = kiosk->canvas_.Logical(kiosk->output_);
    // A software renderer on a memory surface needs no video driver at all.
    kiosk->surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGB888);
    if (!kiosk->surface_) return Error{std::string("cannot create a drawing surface: ") + SDL_GetError()};
    kiosk->renderer_ = SDL_CreateSoftwareRenderer(kiosk->surface_);
    if (!kiosk->renderer_) return Error{std::string("cannot create the software renderer: ") + SDL_GetError()};

    kiosk->imgui_ = ImGui::CreateContext();
    kiosk->MakeCurrent();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(kiosk->logical_.width), static_cast<float>(kiosk->logical_.height));
    if (!services) {
        kiosk->owned_services_ = ui::Services::Open(config);
        services = kiosk->owned_services_.get();
    }
    kiosk->services_ = services;
    kiosk->fonts_ = std::make_unique<ui::Fonts>(font_files.value());
    kiosk->ui_ = std::make_unique<ui::KioskUi>(config, *kiosk->fonts_, services);
    ui::CurrentFrameRecord().enabled = true;
    if (!ImGui_ImplSDLRenderer_Init(kiosk->renderer_)) return Error{"cannot start ImGui's SDL renderer backend"};
    kiosk->renderer_backend_ready_ = true;
    kiosk->ui_->NoteInput(kiosk->now_);
    return kiosk;
}

HeadlessKiosk::~HeadlessKiosk() {
    if (imgui_) {
        MakeCurrent();
        if (renderer_backend_ready_) ImGui_ImplSDLRenderer_Shutdown();
        ui_.reset();
        ImGui::DestroyContext(imgui_);
    }
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
}

void HeadlessKiosk::MakeCurrent() { ImGui::SetCurrentContext(imgui_); }

void HeadlessKiosk::Frame(double seconds) {
    MakeCurrent();
    now_ += seconds;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(seconds);
    io.DisplaySize = ImVec2(static_cast<float>(logical_.width), static_cast<float>(logical_.height));
    if (ui_->PrepareFrame(io.DisplaySize)) texture_dirty_ = true;
    if (texture_dirty_) {
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        ImGui_ImplSDLRenderer_CreateFontsTexture();
        texture_dirty_ = false;
    }
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    std::time_t wall_time =
        wall_time_ ? *wall_time_ + static_cast<std::time_t>(now_ - wall_time_set_at_) : std::time(nullptr);
    ui_->Draw(now_, wall_time);
    ImGui::Render();
}

void HeadlessKiosk::Settle(int frames) {
    for (int i = 0; i < frames; ++i) Frame();
}

void HeadlessKiosk::Tap(ImVec2 position) {
    MakeCurrent();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = position;
    Frame();  // the finger arrives (hover)
    io.MouseDown[0] = true;
    ui_->NoteInput(now_);
    Frame();
    io.MouseDown[0] = false;
    Frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // a finger leaves no hover behind
    Settle();
}

void HeadlessKiosk::TapScreen(ImVec2 output_position) {
    ScreenPoint point = ToLogical({output_position.x, output_position.y}, logical_, canvas_.rotation());
    Tap(ImVec2(point.x, point.y));
}

ImVec2 HeadlessKiosk::OnScreen(ImVec2 position) const {
    ScreenPoint point = ToOutput({position.x, position.y}, logical_, canvas_.rotation());
    return ImVec2(point.x, point.y);
}

bool HeadlessKiosk::TapLabel(std::string_view label) {
    for (const auto& item : record().tappables) {
        if (item.label == label) {
            Tap(item.Center());
            return true;
        }
    }
    return false;
}

void HeadlessKiosk::Hold(ImVec2 position, double seconds, ImVec2 drift) {
    MakeCurrent();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = position;
    Frame();
    io.MouseDown[0] = true;
    ui_->NoteInput(now_);
    constexpr double kStep = 1.0 / 30.0;
    int steps = static_cast<int>(seconds / kStep + 0.5);
    for (int step = 1; step <= steps; ++step) {
        float t = static_cast<float>(step) / static_cast<float>(steps);
        io.MousePos = ImVec2(position.x + drift.x * t, position.y + drift.y * t);
        Frame(kStep);
    }
    io.MouseDown[0] = false;
    Frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    Settle();
}

void HeadlessKiosk::Drag(ImVec2 from, ImVec2 to, int steps) {
    MakeCurrent();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    Frame();
    io.MouseDown[0] = true;
    ui_->NoteInput(now_);
    Frame();
    for (int step = 1; step <= steps; ++step) {
        float t = static_cast<float>(step) / static_cast<float>(steps);
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        Frame();
    }
    io.MouseDown[0] = false;
    Frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void HeadlessKiosk::SetWallTime(std::time_t wall_time) {
    wall_time_ = wall_time;
    wall_time_set_at_ = now_;
}

void HeadlessKiosk::Wait(double seconds, double step_seconds) {
    for (double waited = 0; waited < seconds; waited += step_seconds) Frame(step_seconds);
}

void HeadlessKiosk::Render() {
    MakeCurrent();
    canvas_.Draw(renderer_, ImGui::GetDrawData(), output_);
    SDL_RenderFlush(renderer_);
}

std::vector<unsigned char> HeadlessKiosk::Pixels() {
    Render();
    std::vector<unsigned char> pixels(static_cast<size_t>(output_.width) * static_cast<size_t>(output_.height) * 4);
    // Read before any present: the software renderer's target is our surface.
    SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), output_.width * 4);
    return pixels;
}

Status HeadlessKiosk::SavePng(const std::filesystem::path& file) {
    auto pixels = Pixels();
    std::error_code error;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
    // Write beside the target and rename, so a failed write never leaves half a PNG.
    auto temporary = file;
    temporary += ".partial";
    if (!stbi_write_png(temporary.c_str(), output_.width, output_.height, 4, pixels.data(), output_.width * 4))
        return Error{"cannot write " + file.string()};
    std::filesystem::rename(temporary, file, error);
    if (error) return Error{"cannot write " + file.string() + ": " + error.message()};
    return Success();
}

}  // namespace kiosk::platform
