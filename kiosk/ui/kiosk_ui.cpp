#include "kiosk/ui/kiosk_ui.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <string>

#include "kiosk/ui/frame_record.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/staff_mode.hpp"
#include "kiosk/ui/staff_page_frame.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/shapes.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kFullScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                              ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr double kCountdownSeconds = 10;

// The right-hand button of the bottom bar: the hotline where a citizen may be lost,
// the vote where they are done.
HelpAction HelpFor(ScreenId screen) {
    Context& context = CurrentContext();
    switch (screen) {
        case ScreenId::Hotline:
            return {std::string(context.T("frame.rate")), Icon::Smile, {ScreenId::Vote, {}}};
        case ScreenId::Vote:
        case ScreenId::VoteReason:
        case ScreenId::VoteThanks: return {};
        default: return {std::string(context.T("frame.hotline")), Icon::Phone, {ScreenId::Hotline, {}}};
    }
}

void BeginFullScreenWindow(const char* name) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin(name, nullptr, kFullScreenFlags);
}

}  // namespace

KioskUi::KioskUi(Config config, Fonts& fonts, Services* services) {
    context_.config = std::move(config);
    context_.session = Session::StartingFrom(context_.config);
    context_.fonts = &fonts;
    context_.services = services;
    // Desk mode: a tablet at the counter whose home is the vote.
    if (context_.config.votes.desk_mode) context_.navigator = Navigator({ScreenId::Vote, {}});
    context_.navigator.SetIdleTimes(context_.config.idle_timeout_s, kCountdownSeconds, context_.config.attract_after_s);
    context_.navigator.SetStaffIdleTime(kStaffIdleSeconds);
}

bool KioskUi::PrepareFrame(ImVec2 display_size) {
    SetCurrentContext(&context_);
    context_.display_size = display_size;
    context_.metrics = MetricsFor(display_size, context_.session.text_size);
    bool staff_palette = IsStaffScreen(context_.navigator.Current().screen);
    context_.palette = staff_palette ? StaffPalette() : PaletteFor(context_.session.theme);
    bool layout_changed = applied_text_size_ != context_.session.text_size || applied_theme_ != context_.session.theme ||
                          applied_staff_palette_ != staff_palette ||
                          applied_display_size_.x != display_size.x || applied_display_size_.y != display_size.y;
    if (context_.fonts->NeedsBuild(context_.session.text_size, context_.metrics.scale)) {
        if (!context_.fonts->Build(context_.session.text_size, context_.metrics.scale)) {
            // Keep the old atlas and the old text size rather than draw with no font.
            context_.session.text_size = applied_text_size_;
            context_.metrics = MetricsFor(display_size, context_.session.text_size);
        }
        layout_changed = true;
    }
    if (layout_changed) {
        ApplyStyle(context_.palette, context_.metrics);
        applied_text_size_ = context_.session.text_size;
        applied_theme_ = context_.session.theme;
        applied_staff_palette_ = staff_palette;
        applied_display_size_ = display_size;
    }
    return context_.fonts->TakeTextureDirty();
}

void KioskUi::NoteInput(double now) { context_.navigator.NoteInput(now); }

namespace {

// Within display.screen_hours at this wall-clock time (local time)?
bool ScreenLit(const ScreenHours& hours, std::time_t wall_time) {
    if (hours.AlwaysLit()) return true;
    std::tm local{};
    localtime_r(&wall_time, &local);
    return hours.LitAt(local.tm_hour * 60 + local.tm_min);
}

}  // namespace

double KioskUi::SecondsUntilWake(double now) const {
    double wake = std::min(context_.navigator.SecondsUntilNextIdleChange(now), context_.wake_at - now);
    if (context_.navigator.State() == IdleState::Countdown) wake = std::min(wake, 1.0);  // the seconds tick down
    if (context_.navigator.State() == IdleState::Attract) wake = std::min(wake, attract_.SecondsUntilNextPoster(now));
    if (attract_.showing && attract_.dark) {
        // Dark: no clock to turn; the next frame is a touch's, or the lit hours'.
        std::tm local{};
        std::time_t wall_time = context_.wall_time;
        localtime_r(&wall_time, &local);
        return std::max(0.0, std::min(wake, context_.config.display.screen_hours.SecondsUntilChange(local)));
    }
    // The clock in the top bar shows minutes: wake at the next minute.
    double to_next_minute = 60.0 - std::fmod(static_cast<double>(context_.wall_time), 60.0);
    return std::max(0.0, std::min(wake, to_next_minute));
}

void KioskUi::ForgetCitizen() {
    context_.session = Session::StartingFrom(context_.config);
    screens_ = Screens{};
}

void KioskUi::Draw(double now, std::time_t wall_time) {
    SetCurrentContext(&context_);
    CurrentFrameRecord().Clear();
    context_.now = now;
    context_.wall_time = wall_time;
    context_.animating = false;
    context_.wake_at = 1e18;
    IdleState idle = context_.navigator.Update(now);
    bool session_ended = context_.navigator.TakeSessionEnded();
    if (session_ended) ForgetCitizen();
    if (context_.staff_mode_open && !IsStaffScreen(context_.navigator.Current().screen)) NoteStaffModeEnd(session_ended);
    if (context_.services) context_.services->run_queue().RunPending();
    SwitchContentAtHome();
    DrainUplinkEvents();

    attract_.dark = idle == IdleState::Attract && !ScreenLit(context_.config.display.screen_hours, wall_time);
    BeginFullScreenWindow("kiosk");
    if (idle == IdleState::Attract) {
        attract_.Draw();
    } else if (attract_.HoldsWakingTouch()) {
        // The finger that woke the kiosk is still down: it must not press a home tile.
    } else {
        const catalog::Catalog* catalog = context_.services ? context_.services->catalog() : nullptr;
        std::string commune = catalog && !catalog->manifest().commune.name.empty() ? catalog->manifest().commune.name
                                                                                  : std::string(context_.T("app.name"));
        bool demo = catalog && catalog->manifest().demo;
        ScreenId screen = context_.navigator.Current().screen;
        PageArea area = IsStaffScreen(screen) ? DrawStaffPageFrame(commune) : DrawPageFrame(commune, demo, HelpFor(screen));
        DrawScreen(area);
    }
    ImGui::End();
    if (idle == IdleState::Countdown) DrawIdleCountdown();

    // ImGui lays a window out by the content it measured the frame before, and a scroll
    // view makes room for its indicator the frame after that: a new screen, language or
    // text size takes three frames to settle, which are drawn even if no touch follows.
    Layout layout{context_.navigator.Current(), context_.session.language, context_.session.text_size};
    if (!(layout == settled_layout_)) {
        settled_layout_ = layout;
        frames_to_settle_ = 3;
    }
    if (frames_to_settle_ > 0) {
        --frames_to_settle_;
        context_.animating = true;
    }
}

void KioskUi::SwitchContentAtHome() {
    // New content waits until nobody is reading: the kiosk is home, with no finger down.
    // A citizen mid-screen keeps the procedure they are reading.
    Services* services = context_.services;
    if (!services || !services->has_pending_content()) return;
    const Navigator& navigator = context_.navigator;
    if (navigator.Depth() != 1 || !(navigator.Current() == navigator.HomeRoute()) || ImGui::IsAnyMouseDown()) return;
    services->SwitchToPendingContent();
    screens_ = Screens{};  // nothing may keep pointing into the old catalog
    context_.animating = true;  // draw the new content now, not at the next touch
}

void KioskUi::NoteStaffModeEnd(bool by_idle) {
    context_.staff_mode_open = false;
    staff_screens_ = StaffScreens{};
    RecordStaffAction("staff_mode_closed", "ok", context_.S(by_idle ? "staff.closed.idle" : "staff.closed.button"),
                      ShownContentVersion(), ShownContentVersion());
}

void KioskUi::DrawScreen(const PageArea& area) {
    Route route = context_.navigator.Current();  // a copy: Draw may navigate
    // Only the PIN pad is open to anyone; the screens behind it need the right PIN.
    if (IsStaffScreen(route.screen) && route.screen != ScreenId::StaffPin && !context_.staff_mode_open) {
        context_.navigator.Home();
        route = context_.navigator.Current();
    }
    if (!(route == last_route_)) {
        // Back among the citizens: nothing typed or seen on the PIN pad or behind it remains.
        if (IsStaffScreen(last_route_.screen) && !IsStaffScreen(route.screen)) staff_screens_ = StaffScreens{};
        if (route.screen == ScreenId::StaffStatus) staff_screens_.status.read_at = -1;
        // Entering a screen: timers start afresh, a failure shown earlier is forgotten.
        if (route.screen == ScreenId::VoteThanks) screens_.vote_thanks.shown_since = -1;
        if (route.screen == ScreenId::Vote) screens_.vote.failure.clear();
        last_route_ = route;
    }
    switch (route.screen) {
        case ScreenId::Home: screens_.home.Draw(area); break;
        case ScreenId::Fields: screens_.fields.Draw(area); break;
        case ScreenId::FieldProcedures: screens_.field_procedures.Draw(area, route.argument); break;
        case ScreenId::ProcedureDetail: screens_.procedure_detail.Draw(area, route.argument); break;
        case ScreenId::Search: screens_.search.Draw(area); break;
        case ScreenId::Vote: screens_.vote.Draw(area); break;
        case ScreenId::VoteReason: screens_.vote_reason.Draw(area, route.argument); break;
        case ScreenId::VoteThanks: screens_.vote_thanks.Draw(area); break;
        case ScreenId::OnlineServices: screens_.online_services.Draw(area); break;
        case ScreenId::Guide: screens_.guide.Draw(area, route.argument); break;
        case ScreenId::Hotline: screens_.hotline.Draw(area); break;
        case ScreenId::Results: screens_.results.Draw(area); break;
        case ScreenId::StaffPin: staff_screens_.pin.Draw(area); break;
        case ScreenId::StaffStatus: staff_screens_.status.Draw(area); break;
        case ScreenId::StaffScreenTest: staff_screens_.screen_test.Draw(area); break;
        case ScreenId::StaffUsb: staff_screens_.usb.Draw(area); break;
        case ScreenId::StaffServer: staff_screens_.server.Draw(area); break;
        case ScreenId::StaffRollback: staff_screens_.rollback.Draw(area); break;
    }
}

void KioskUi::DrainUplinkEvents() {
    // The worker reports through a queue; only this (the UI) thread reads it. The votes
    // themselves are in the outbox, so these events are for the log only.
    VoteUplink* uplink = context_.services ? context_.services->vote_uplink() : nullptr;
    if (!uplink) return;
    ServerContact& contact = context_.services->server_contact();
    while (auto event = uplink->events().TryPop()) {
        switch (event->kind) {
            case UplinkEvent::Kind::Rejected:
                std::fprintf(stderr, "kiosk: the server rejected vote %s: %s\n", event->uuid.c_str(), event->message.c_str());
                contact.Note(ServerContact::State::Reachable, context_.wall_time);
                break;
            case UplinkEvent::Kind::Delivered: contact.Note(ServerContact::State::Reachable, context_.wall_time); break;
            case UplinkEvent::Kind::DeliveryFailed:
                contact.Note(ServerContact::State::Unreachable, context_.wall_time, event->message);
                break;
            case UplinkEvent::Kind::AuthenticationFailed:
                contact.Note(ServerContact::State::TokenRefused, context_.wall_time, event->message);
                break;
            case UplinkEvent::Kind::OutboxFailed: break;  // the outbox, not the server
        }
    }
}

void KioskUi::DrawIdleCountdown() {
    // A panel over a dimmed screen: the citizen sees what will happen and can stay.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::SetNextWindowFocus();
    ImGui::SetNextWindowBgAlpha(0);  // the screen below stays visible under the dimming
    ImGui::Begin("idle-countdown", nullptr, kFullScreenFlags & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    draw_list->AddRectFilled(ImVec2(0, 0), context_.display_size, IM_COL32(0, 0, 0, 150));
    const Metrics& metrics = context_.metrics;
    float width = std::min(context_.display_size.x - 2 * metrics.margin, metrics.Px(900));
    float padding = metrics.Px(40);
    int seconds = static_cast<int>(std::ceil(context_.navigator.CountdownRemaining(context_.now)));
    std::string body = i18n::Format(context_.T("idle.body"), {std::to_string(seconds)});
    float inner = width - 2 * padding;
    ImVec2 title_size = MeasureText(FontRole::Heading, context_.T("idle.title"), inner);
    ImVec2 body_size = MeasureText(FontRole::Body, body, inner);
    float height = padding * 3 + title_size.y + body_size.y + metrics.gap + metrics.button_height;
    ImVec2 min((context_.display_size.x - width) * 0.5f, (context_.display_size.y - height) * 0.5f);
    FillRoundedRect(draw_list, min, ImVec2(min.x + width, min.y + height), context_.palette.surface, metrics.rounding * 2);
    DrawTextAt(draw_list, FontRole::Heading, ImVec2(min.x + padding, min.y + padding), context_.palette.text,
               context_.T("idle.title"), inner);
    DrawTextAt(draw_list, FontRole::Body, ImVec2(min.x + padding, min.y + padding + title_size.y + metrics.gap),
               context_.palette.text, body, inner);
    ImGui::SetCursorScreenPos(ImVec2(min.x + padding, min.y + height - padding - metrics.button_height));
    if (Button(context_.T("idle.continue"), ImVec2(inner, metrics.button_height), ButtonKind::Primary, Icon::Check))
        context_.navigator.NoteInput(context_.now);
    ImGui::End();
    context_.animating = false;  // the countdown only needs a frame a second (SecondsUntilWake)
}

}  // namespace kiosk::ui
