#include "kiosk/ui/screens/hotline_screen.hpp"

#include <string>
#include <vector>

#include "kiosk/ui/context.hpp"
#include "kiosk/ui/screens/qr_block.hpp"
#include "kiosk/ui/services.hpp"
#include "kiosk/ui/widgets/card.hpp"
#include "kiosk/ui/widgets/scroll_view.hpp"
#include "kiosk/ui/widgets/text.hpp"

namespace kiosk::ui {
namespace {

// The national channels are the same for every commune (domain.md); they are shown from
// here only when the content could not be read, so a citizen always has a number to call.
std::vector<content::FeedbackChannel> NationalChannels(const Context& context) {
    return {
        {std::string(context.T("hotline.national.name")), std::string(context.T("hotline.national.description")), "",
         "1800 1096"},
        {std::string(context.T("hotline.pakn.name")), std::string(context.T("hotline.pakn.description")),
         "https://dichvucong.gov.vn", ""},
        {std::string(context.T("hotline.citizens.name")), std::string(context.T("hotline.citizens.description")),
         "https://nguoidan.chinhphu.vn", ""},
        {std::string(context.T("hotline.businesses.name")), std::string(context.T("hotline.businesses.description")),
         "https://doanhnghiep.chinhphu.vn", ""},
    };
}

void LabelAndValue(std::string_view label, std::string_view value) {
    if (value.empty()) return;
    Context& context = CurrentContext();
    Paragraph(FontRole::Small, context.palette.text_muted, label);
    Paragraph(FontRole::Body, context.palette.text, value);
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
}

void DrawCommune(Context& context, const catalog::Catalog& catalog, const content::Contacts& contacts) {
    BeginCard(CardStyle::Accent);
    Paragraph(FontRole::Small, context.palette.text_muted, context.T("hotline.commune.title"));
    Paragraph(FontRole::Bold, context.palette.text, catalog.manifest().commune.name);
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    if (!contacts.hotline.empty()) {
        Paragraph(FontRole::Small, context.palette.text_muted, context.T("hotline.commune.hotline"));
        QrBlock(TelephoneUri(contacts.hotline), context.T("qr.caption.call"), contacts.hotline);
        ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    }
    LabelAndValue(context.T("hotline.address"), contacts.address);
    LabelAndValue(context.T("hotline.hours"), contacts.opening_hours);
    LabelAndValue(context.T("hotline.email"), contacts.email);
    EndCard();
}

void DrawChannel(Context& context, const content::FeedbackChannel& channel) {
    BeginCard();
    Paragraph(FontRole::Bold, context.palette.text, channel.name);
    if (!channel.description.empty()) Paragraph(FontRole::Body, context.palette.text_muted, channel.description);
    ImGui::Dummy(ImVec2(0, context.metrics.Px(8)));
    if (!channel.phone.empty()) {
        QrBlock(TelephoneUri(channel.phone), context.T("qr.caption.call"), channel.phone);
    } else {
        bool mail = channel.url.starts_with("mailto:");
        QrBlock(channel.url, context.T(mail ? "qr.caption.mail" : "qr.caption.page"), ReadableAddress(channel.url));
    }
    EndCard();
    ImGui::Dummy(ImVec2(0, context.metrics.Px(4)));
}

void DrawChannels(Context& context, const std::vector<content::FeedbackChannel>& channels, const std::string& hotline) {
    Paragraph(FontRole::Heading, context.palette.text, context.T("hotline.channels.title"));
    for (const auto& channel : channels) {
        // The commune's own hotline is already at the top of the page.
        if (!channel.phone.empty() && channel.phone == hotline) continue;
        DrawChannel(context, channel);
    }
}

}  // namespace

void HotlineScreen::Draw(const PageArea& area) {
    Context& context = CurrentContext();
    const Metrics& metrics = context.metrics;
    const catalog::Catalog* catalog = context.services ? context.services->catalog() : nullptr;
    content::Contacts contacts = catalog ? catalog->Contacts() : content::Contacts{};
    std::vector<content::FeedbackChannel> channels =
        contacts.feedback_channels.empty() ? NationalChannels(context) : contacts.feedback_channels;

    float top = DrawPageTitle(area, context.T("hotline.title")) + metrics.gap;
    ImVec2 size(area.Width(), area.max.y - top);

    auto draw_commune = [&] {
        if (catalog) {
            DrawCommune(context, *catalog, contacts);
        } else {
            BeginCard(CardStyle::Warning);
            Paragraph(FontRole::Body, context.palette.text, context.T("hotline.content_missing"));
            EndCard();
        }
        ImGui::Dummy(ImVec2(0, metrics.Px(4)));
    };
    if (context.Landscape()) {
        // The commune on the left, the channels on the right: both seen without scrolling.
        float left_width = (size.x - metrics.gap * 2) * 0.45f;
        ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
        BeginScrollView("hotline-commune", ImVec2(left_width, size.y));
        draw_commune();
        EndScrollView();
        ImGui::SetCursorScreenPos(ImVec2(area.min.x + left_width + metrics.gap * 2, top));
        BeginScrollView("hotline-channels", ImVec2(size.x - left_width - metrics.gap * 2, size.y));
        DrawChannels(context, channels, contacts.hotline);
        EndScrollView();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(area.min.x, top));
    BeginScrollView("hotline", size);
    draw_commune();
    DrawChannels(context, channels, contacts.hotline);
    EndScrollView();
}

}  // namespace kiosk::ui
