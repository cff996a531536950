#pragma once
// Procedure: one administrative procedure (thủ tục hành chính) with every field the
// portal publishes (Decree 63/2010 art. 8(2)), all text NFC.
#include <string>
#include <vector>

#include "kiosk/core/content/channel.hpp"
#include "kiosk/core/content/commune_override.hpp"
#include "kiosk/core/content/document.hpp"
#include "kiosk/core/content/online_level.hpp"

namespace kiosk::content {

struct LegalReference {
    std::string code;   // "53/2025/TT-BCA"
    std::string title;  // may be empty when only the code is known
};

struct ProcedureResult {
    std::string name;  // "Giấy chứng nhận kết hôn"
    std::string code;  // the portal's result code "KQ.G01.000064", may be empty
};

struct Agencies {
    std::string executing;     // Cơ quan thực hiện
    std::string competent;     // Cơ quan có thẩm quyền
    std::string authorized;    // Cơ quan được ủy quyền
    std::string coordinating;  // Cơ quan phối hợp
};

struct Procedure {
    std::string code;  // "1.000894", "1.012753.H19"
    std::string name;
    std::string decision_number;       // Số quyết định công bố
    std::vector<std::string> levels;   // "Cấp xã", "Cấp tỉnh", …
    std::string procedure_type;        // Loại thủ tục
    std::string field_id;              // id of a Field in fields.json
    std::string subjects;              // Đối tượng thực hiện
    Agencies agencies;
    std::string reception_address;
    std::vector<std::string> steps;    // Trình tự thực hiện, one paragraph each
    std::vector<Channel> channels;     // Cách thức thực hiện
    std::vector<Document> documents;   // Thành phần hồ sơ
    std::vector<LegalReference> legal_basis;
    std::string requirements;          // Yêu cầu, điều kiện
    std::vector<ProcedureResult> results;
    std::string related_procedures;
    std::string portal_url;            // the detail page on dichvucong.gov.vn
    std::string effective_from;        // YYYY-MM-DD or empty (unknown)
    std::string effective_until;       // YYYY-MM-DD or empty; after it the procedure is repealed
    OnlineLevel online_level = OnlineLevel::Unknown;
    bool commune_level = false;        // a commune People's Committee or commune police handles it
    CommuneNotes commune;              // from overrides.json only (never from procedures.jsonl)

    bool HasOnlineChannel() const;
    // In force on `today` (YYYY-MM-DD): not repealed and not waiting to start.
    bool InForceOn(std::string_view today) const;
};

}  // namespace kiosk::content
