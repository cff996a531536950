#pragma once
// Procedure: one administrative procedure (thủ tục hành chính) with every field the
// portal publishes (Decree 63/2010 art. 8(2)), all text NFC.
#include <string>
#include <vector>

#include "kiosk/core/content/channel.hpp"
#include "kiosk/core/content/document.hpp"
#include "kiosk/core/content/online_level.hpp"

namespace kiosk::content {

// One document of "Căn cứ pháp lý", split out of the portal's glued table.
struct LegalDocument {
    std::string number;  // "53/2025/TT-BCA"
    std::string date;    // the date it was signed, YYYY-MM-DD, or "" when the portal does not say
    std::string issuer;  // "Bộ Công an", "Chính phủ", read from the number's suffix; may be empty
    std::string title;   // as published; may be empty when only the number is known
};

// One step of "Trình tự thực hiện": the portal's own bullets ("-", "+", "(i)", "a)") are
// removed from `text`; the bullets that continue a step (sub-cases "(i) Trường hợp …",
// "+ …") are its `details`, in order, with their own marks removed too.
struct Step {
    std::string text;
    std::vector<std::string> details;
    bool operator==(const Step&) const = default;
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
    std::vector<Step> steps;           // Trình tự thực hiện
    std::vector<std::string> step_notes;  // the "Lưu ý" the portal put under the steps
    std::vector<Channel> channels;     // Cách thức thực hiện
    std::vector<Document> documents;   // Thành phần hồ sơ: papers, then conditional papers
    std::vector<std::string> document_notes;  // rows of Thành phần hồ sơ that are notes, not papers
    std::vector<LegalDocument> legal_basis;
    std::string requirements;          // Yêu cầu, điều kiện
    std::vector<ProcedureResult> results;
    std::string related_procedures;
    std::string portal_url;            // the detail page on dichvucong.gov.vn
    std::string effective_from;        // YYYY-MM-DD or empty (unknown)
    std::string effective_until;       // YYYY-MM-DD or empty; after it the procedure is repealed
    OnlineLevel online_level = OnlineLevel::Unknown;
    bool commune_level = false;        // a commune People's Committee or commune police handles it

    bool HasOnlineChannel() const;
    // In force on `today` (YYYY-MM-DD): not repealed and not waiting to start.
    bool InForceOn(std::string_view today) const;
};

}  // namespace kiosk::content
