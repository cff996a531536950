// The words each enum is written as in content files. They are part of the documented
// format (docs/content-format.md): change them only with a new schema version.
#include "kiosk/core/content/channel.hpp"
#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/online_level.hpp"
#include "kiosk/core/content/procedure.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk::content {

const char* FeeKindCode(FeeKind kind) {
    switch (kind) {
        case FeeKind::Free: return "free";
        case FeeKind::Amount: return "amount";
        case FeeKind::ProvinceSet: return "province_set";
        case FeeKind::Other: return "other";
        case FeeKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<FeeKind> FeeKindFromCode(std::string_view code) {
    for (FeeKind kind : {FeeKind::Free, FeeKind::Amount, FeeKind::ProvinceSet, FeeKind::Other, FeeKind::Unknown})
        if (code == FeeKindCode(kind)) return kind;
    return std::nullopt;
}

const char* ChannelKindCode(ChannelKind kind) {
    switch (kind) {
        case ChannelKind::InPerson: return "truc_tiep";
        case ChannelKind::Online: return "truc_tuyen";
        case ChannelKind::Post: return "buu_chinh";
        case ChannelKind::Other: return "khac";
    }
    return "khac";
}

std::optional<ChannelKind> ChannelKindFromCode(std::string_view code) {
    for (ChannelKind kind : {ChannelKind::InPerson, ChannelKind::Online, ChannelKind::Post, ChannelKind::Other})
        if (code == ChannelKindCode(kind)) return kind;
    return std::nullopt;
}

ChannelKind ChannelKindFromPortalName(std::string_view name) {
    std::string folded = text::Fold(text::CollapseWhitespace(name));
    if (folded == "truc tiep") return ChannelKind::InPerson;
    if (folded == "truc tuyen") return ChannelKind::Online;
    if (folded == "dich vu buu chinh" || folded == "buu chinh") return ChannelKind::Post;
    return ChannelKind::Other;
}

const char* OnlineLevelCode(OnlineLevel level) {
    switch (level) {
        case OnlineLevel::FullyOnline: return "toan_trinh";
        case OnlineLevel::Partly: return "mot_phan";
        case OnlineLevel::OnlineFiling: return "truc_tuyen";
        case OnlineLevel::InformationOnly: return "thong_tin";
        case OnlineLevel::None: return "none";
        case OnlineLevel::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<OnlineLevel> OnlineLevelFromCode(std::string_view code) {
    for (OnlineLevel level : {OnlineLevel::FullyOnline, OnlineLevel::Partly, OnlineLevel::OnlineFiling, OnlineLevel::InformationOnly,
                              OnlineLevel::None, OnlineLevel::Unknown})
        if (code == OnlineLevelCode(level)) return level;
    return std::nullopt;
}

const char* TimeUnitCode(TimeUnit unit) {
    switch (unit) {
        case TimeUnit::WorkingDays: return "ngay_lam_viec";
        case TimeUnit::Days: return "ngay";
        case TimeUnit::Hours: return "gio";
        case TimeUnit::Months: return "thang";
        case TimeUnit::SameDay: return "trong_ngay";
        case TimeUnit::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<TimeUnit> TimeUnitFromCode(std::string_view code) {
    for (TimeUnit unit : {TimeUnit::WorkingDays, TimeUnit::Days, TimeUnit::Hours, TimeUnit::Months, TimeUnit::SameDay,
                          TimeUnit::Unknown})
        if (code == TimeUnitCode(unit)) return unit;
    return std::nullopt;
}

const char* DocumentKindCode(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::Paper: return "giay_to";
        case DocumentKind::ConditionalPaper: return "giay_to_theo_truong_hop";
    }
    return "giay_to";
}

std::optional<DocumentKind> DocumentKindFromCode(std::string_view code) {
    for (DocumentKind kind : {DocumentKind::Paper, DocumentKind::ConditionalPaper})
        if (code == DocumentKindCode(kind)) return kind;
    return std::nullopt;
}

bool Procedure::HasOnlineChannel() const {
    for (const auto& channel : channels)
        if (channel.kind == ChannelKind::Online) return true;
    return false;
}

bool Procedure::InForceOn(std::string_view today) const {
    // ISO dates compare correctly as text.
    if (!effective_from.empty() && std::string_view(effective_from) > today) return false;
    if (!effective_until.empty() && std::string_view(effective_until) <= today) return false;
    return true;
}

}  // namespace kiosk::content
