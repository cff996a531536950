#include "kiosk/ui/screens/staff_status_screen.hpp"

#include <chrono>
#include <filesystem>

#include "kiosk/core/bundle/content_status.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/staff/staff_wording.hpp"
#include "kiosk/core/version.hpp"
#include "kiosk/core/votes/vote_clock.hpp"
#include "kiosk/ui/context.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/button.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

constexpr double kRereadSeconds = 5;
constexpr size_t kAuditEntriesShown = 10;

std::string Line(std::string_view label, std::string_view value) { return std::string(label) + ": " + std::string(value); }

StaffFactSection KioskFacts(Context& context, Services& services) {
    StaffFactSection section{std::string(context.S("staff.status.kiosk")), {}, false};
    section.lines.push_back(Line(context.S("staff.status.kiosk_id"), context.config.kiosk_id));
    section.lines.push_back(Line(context.S("staff.status.software"), SoftwareVersion()));
    auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - services.started_at());
    section.lines.push_back(Line(context.S("staff.status.uptime"), staff::VietnameseDuration(uptime.count())));
    std::error_code error;
    auto space = std::filesystem::space(services.data_dir(), error);
    if (error) {
        section.lines.push_back(Line(context.S("staff.status.free_disk"), context.S("staff.status.unknown")));
    } else {
        section.lines.push_back(Line(context.S("staff.status.free_disk"), staff::VietnameseBytes(space.available)));
        if (space.available < 200'000'000ull) {
            section.warning = true;
            section.lines.push_back(std::string(context.S("staff.status.disk_low")));
        }
    }
    return section;
}

StaffFactSection ContentFacts(Context& context, Services& services) {
    StaffFactSection section{std::string(context.S("staff.status.content")), {}, false};
    auto store = bundle::ContentStore::Open(services.data_dir());
    bundle::ContentStatus status = bundle::DescribeContentStatus(store, context.config.content_dir);
    std::string created = staff::VietnameseDate(status.created);
    section.lines.push_back(i18n::Format(context.S("staff.status.content_version"),
                                         {std::to_string(status.version), status.content_id}));
    section.lines.push_back(Line(context.S("staff.status.procedures"), staff::VietnameseCount(status.procedure_count)));
    if (!created.empty()) {
        auto days = staff::DaysSince(status.created, context.wall_time).value_or(0);
        section.lines.push_back(i18n::Format(context.S("staff.status.created"), {created, std::to_string(days)}));
        if (days > context.config.content_max_age_days) {
            section.warning = true;
            section.lines.push_back(
                i18n::Format(context.S("staff.status.content_old"), {std::to_string(context.config.content_max_age_days)}));
        }
    }
    if (status.current) {
        section.lines.push_back(Line(context.S("staff.status.installed_at"), staff::VietnameseDate(status.current->installed_at)));
        section.lines.push_back(Line(context.S("staff.status.signer"), status.current->signer));
    } else {
        section.lines.push_back(std::string(context.S("staff.status.factory")));
    }
    if (status.previous)
        section.lines.push_back(i18n::Format(context.S("staff.status.previous"), {std::to_string(status.previous->version)}));
    if (!services.content_error().message.empty()) {
        section.warning = true;
        section.lines.push_back(services.content_error().message_vietnamese.empty() ? services.content_error().message
                                                                                    : services.content_error().message_vietnamese);
    }
    return section;
}

StaffFactSection VoteFacts(Context& context, Services& services) {
    StaffFactSection section{std::string(context.S("staff.status.votes")), {}, false};
    VoteOutbox* outbox = services.vote_outbox();
    if (!outbox) {
        section.warning = true;
        section.lines.push_back(std::string(context.S("staff.status.votes_broken")));
        return section;
    }
    std::int64_t now_ms = SystemVoteClock::Instance().WallNowMilliseconds();
    auto status = outbox->ReadStatus(now_ms);
    std::tm local{};
    localtime_r(&context.wall_time, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    auto delivered_today = outbox->CountDeliveredSince(static_cast<std::int64_t>(std::mktime(&local)) * 1000);
    if (!status || !delivered_today) {
        section.warning = true;
        section.lines.push_back(std::string(context.S("staff.status.votes_broken")));
        return section;
    }
    section.lines.push_back(Line(context.S("staff.status.pending"), staff::VietnameseCount(status->pending)));
    section.lines.push_back(Line(context.S("staff.status.delivered_today"), staff::VietnameseCount(*delivered_today)));
    section.lines.push_back(Line(context.S("staff.status.last_delivery"),
                                 status->last_delivery_at_ms
                                     ? staff::VietnameseDateTime(static_cast<std::time_t>(*status->last_delivery_at_ms / 1000))
                                     : std::string(context.S("staff.status.never"))));
    if (status->oldest_pending_age_s && *status->oldest_pending_age_s > 24 * 3600) section.warning = true;
    return section;
}

StaffFactSection ServerFacts(Context& context, Services& services) {
    StaffFactSection section{std::string(context.S("staff.status.server")), {}, false};
    if (context.config.server.url.empty()) {
        section.lines.push_back(std::string(context.S("staff.status.no_server")));
        return section;
    }
    section.lines.push_back(context.config.server.url);
    const ServerContact& contact = services.server_contact();
    std::string since = staff::VietnameseDateTime(contact.since);
    switch (contact.state) {
        case ServerContact::State::NotTriedYet: section.lines.push_back(std::string(context.S("staff.status.not_tried"))); break;
        case ServerContact::State::Reachable:
            section.lines.push_back(i18n::Format(context.S("staff.status.reachable"), {since}));
            break;
        case ServerContact::State::Unreachable:
            section.warning = true;
            section.lines.push_back(i18n::Format(context.S("staff.status.unreachable"), {since}));
            if (!contact.message.empty()) section.lines.push_back(contact.message);
            break;
        case ServerContact::State::TokenRefused:
            section.warning = true;
            section.lines.push_back(i18n::Format(context.S("staff.status.token_refused"), {since}));
            break;
    }
    return section;
}

StaffFactSection ErrorFacts(Context& context) {
    StaffFactSection section{std::string(context.S("staff.status.errors")), {}, false};
    auto errors = log::RecentErrors();
    if (errors.empty()) section.lines.push_back(std::string(context.S("staff.status.no_errors")));
    for (const auto& error : errors)
        section.lines.push_back(staff::VietnameseDateTime(error.time) + ": " +
                                (error.message_vietnamese.empty() ? error.message : error.message_vietnamese));
    section.warning = !errors.empty();
    return section;
}

StaffFactSection AuditFacts(Context& context, Services& services) {
    StaffFactSection section{std::string(context.S("staff.status.audit")), {}, false};
    for (const auto& entry : services.audit_log().Recent(kAuditEntriesShown))
        section.lines.push_back(staff::VietnameseDateTime(entry.time) + " · " + staff::AuditActionWords(entry.action) +
                                (entry.detail.empty() ? "" : " · " + entry.detail));
    if (section.lines.empty()) section.lines.push_back(std::string(context.S("staff.status.no_audit")));
    return section;
}

void DrawSection(Context& context, const StaffFactSection& section) {
    BeginCard(section.warning ? CardStyle::Warning : CardStyle::Plain);
    Paragraph(FontRole::Bold, context.palette.text, section.title);
    for (const auto& line : section.lines) Paragraph(FontRole::Body, context.palette.text, line);
    EndCard();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
}

struct StaffAction {
    const char* key;
    Icon icon;
    ScreenId screen;
};

constexpr StaffAction kActions[] = {
    {"staff.action.usb", Icon::Document, ScreenId::StaffUsb},
    {"staff.action.server", Icon::Search, ScreenId::StaffServer},
    {"staff.action.rollback", Icon::Back, ScreenId::StaffRollback},
    {"staff.action.screen_test", Icon::Check, ScreenId::StaffScreenTest},
};

// The staff's actions as big buttons, `columns` to a row; returns the height used.
float DrawActions(Context& context, ImVec2 origin, float width, int columns) {
    const Metrics& metrics = context.metrics;
    float button_width = (width - metrics.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int index = 0;
    for (const auto& action : kActions) {
        int row = index / columns, column = index % columns;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(column) * (button_width + metrics.gap),
                                         origin.y + static_cast<float>(row) * (metrics.button_height + metrics.gap)));
        if (Button(context.S(action.key), ImVec2(button_width, metrics.button_height), ButtonKind::Primary, action.icon,
                   action.key))
            context.navigator.Push({action.screen, {}});
        ++index;
    }
    int rows = (index + columns - 1) / columns;
    return static_cast<float>(rows) * metrics.button_height + static_cast<float>(rows - 1) * metrics.gap;
}

}  // namespace

std::vector<StaffFactSection> ReadStaffFacts() {
    Context& context = CurrentContext();
    Services& services = *context.services;
    return {KioskFacts(context, services), ContentFacts(context, services), VoteFacts(context, services),
            ServerFacts(context, services), ErrorFacts(context), AuditFacts(context, services)};
}

void StaffStatusScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    if (!context.services) return;
    if (read_at < 0 || context.now - read_at >= kRereadSeconds) {
        sections = ReadStaffFacts();
        read_at = context.now;
    }
    context.RequestWake(read_at + kRereadSeconds - context.now);
    float top = DrawPageTitle(area, context.S("staff.status.title")) + metrics.gap;
    if (context.Landscape()) {
        float left_width = area.Width() * 0.34f;
        DrawActions(context, ImVec2(area.min.x, top), left_width, 1);
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("staff-status", ImVec2(area.Width() - left_width - metrics.gap * 2, area.max.y - top));
    } else {
        top += DrawActions(context, ImVec2(area.min.x, top), area.Width(), 2) + metrics.gap;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("staff-status", ImVec2(area.Width(), area.max.y - top));
    }
    for (const auto& section : sections) DrawSection(context, section);
    EndScrollView();
}

}  // namespace kiosk::ui
