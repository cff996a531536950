#pragma once
// Fee: what one channel costs, as the portal wrote it and, where the text allows, in đồng.
// The portal's fee note ("Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh … quyết định. Miễn lệ
// phí cho …") is kept whole in `description`: it is what a citizen needs when the amount
// is set by the province or has exemptions.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::content {

enum class FeeKind {
    Free,          // "Miễn phí" or 0 đồng, and nothing in the description says otherwise
    Amount,        // a sum in đồng (amount_dong is set)
    ProvinceSet,   // the province's People's Council sets it: "Theo mức của tỉnh" + description
    Other,         // text we keep but cannot turn into đồng ("10 USD")
    Unknown,       // the portal gave nothing
};

struct Fee {
    FeeKind kind = FeeKind::Unknown;
    std::optional<long long> amount_dong;
    std::string text;         // the portal's fee cell, NFC ("Miễn phí", "5,000 Việt Nam Đồng")
    std::string description;  // the portal's note on the fee, in full; may be empty
};

const char* FeeKindCode(FeeKind kind);  // "free", "amount", "province_set", "other", "unknown"
std::optional<FeeKind> FeeKindFromCode(std::string_view code);

}  // namespace kiosk::content
