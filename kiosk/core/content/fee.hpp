#pragma once
// Fee: what one channel costs, as the portal wrote it and, where the text allows, in đồng.
#include <optional>
#include <string>

namespace kiosk::content {

enum class FeeKind {
    Free,     // "Miễn phí" or 0 đồng
    Amount,   // a sum in đồng (amount_dong is set)
    Other,    // text we keep but cannot turn into đồng ("10 USD", "Theo quy định")
    Unknown,  // the portal gave nothing: citizens read "Chưa xác minh"
};

struct Fee {
    FeeKind kind = FeeKind::Unknown;
    std::optional<long long> amount_dong;
    std::string text;  // the portal's own words, NFC, kept for staff and for Other
};

const char* FeeKindCode(FeeKind kind);  // "free", "amount", "other", "unknown"
std::optional<FeeKind> FeeKindFromCode(std::string_view code);

}  // namespace kiosk::content
