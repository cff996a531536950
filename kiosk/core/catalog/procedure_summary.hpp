#pragma once
// ProcedureSummary and FieldSummary: what list screens show, read without parsing any JSON.
#include <string>

#include "kiosk/core/content/online_level.hpp"

namespace kiosk::catalog {

struct ProcedureSummary {
    std::string code;
    std::string name;
    std::string field_id;
    content::OnlineLevel online_level = content::OnlineLevel::Unknown;
    bool has_online_channel = false;  // the portal lists a "Trực tuyến" channel
    std::string glance_time;          // "3 ngày làm việc" / "Hỏi cán bộ một cửa"
    std::string glance_fee;           // "Miễn phí" / "50.000 đồng" / "Hỏi cán bộ một cửa"
    bool commune_level = false;
};

struct FieldSummary {
    std::string id;
    std::string name;
    int display_order = 0;
    int procedure_count = 0;  // procedures in force today
};

}  // namespace kiosk::catalog
