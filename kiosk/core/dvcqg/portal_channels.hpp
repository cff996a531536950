#pragma once
// The time and fee of one row of "Cách thức thực hiện", read from every cell the portal
// fills: the time's value and unit cells, its raw text, and the row's description ("Mô
// tả"), whose leading "(…)" is the portal's note on the fee.
#include <string>
#include <string_view>

#include "kiosk/core/content/fee.hpp"
#include "kiosk/core/content/processing_time.hpp"

namespace kiosk::dvcqg {

// Where the unit was found, for the import report.
enum class UnitSource { UnitCell, Value, Description, Steps, None };

struct ChannelTime {
    content::ProcessingTime time;
    UnitSource source = UnitSource::None;
};

// value "1", unit "" , raw "1", description "… trong thời hạn 01 ngày làm việc …" →
// {"1", WorkingDays}. In order: the unit cell; the value's own text ("01 ngày làm việc",
// "Trong ngày"); the row's description, when it names the same figure with a unit (or, with
// no figure at all, exactly one time); the procedure's steps, when the same figure appears
// there with one unit only. Else Unknown: never a guess.
ChannelTime ReadTime(std::string_view value, std::string_view unit, std::string_view raw, std::string_view description,
                     std::string_view steps);

struct ChannelFee {
    content::Fee fee;
    std::string description;   // the row's description without the fee note
    bool contradicted = false;  // the cell said "Miễn phí" and the note says otherwise
};

// The fee cell ("Miễn phí", "5,000 Việt Nam Đồng", "") with the row's description. The
// note ("(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định. Miễn lệ phí cho …)") goes
// whole into fee.description. "Miễn phí" stays Free only when the note does not contradict
// it: a note naming the province's council makes it ProvinceSet ("Theo mức của tỉnh"); a
// note naming a sum, a fee schedule or exemptions for some makes it Other ("Theo quy định").
ChannelFee ReadFee(std::string_view cell, std::string_view description);

// Does this text say the province's People's Council sets the fee?
bool SaysProvinceSetsFee(std::string_view text);

}  // namespace kiosk::dvcqg
