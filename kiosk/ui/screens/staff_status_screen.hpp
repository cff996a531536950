#pragma once
// The staff's home screen: what the kiosk is and how it is doing — kiosk id, software,
// the content shown (version, age, signer), votes, the server, disk, uptime, the last
// errors in plain words and the latest staff actions — with the staff actions on top.
// The facts are read when the screen opens and every few seconds after, not every frame.
#include <string>
#include <vector>

#include "kiosk/ui/page_frame.hpp"

namespace kiosk::ui {

struct StaffFactSection {
    std::string title;
    std::vector<std::string> lines;
    bool warning = false;  // something here needs the staff's attention
};

struct StaffStatusScreen {
    std::vector<StaffFactSection> sections;
    double read_at = -1;  // `now` when sections were read; -1: read on the next frame

    void Draw(const PageArea& area);
};

// Reads every fact anew (the outbox, the content store, the log, the audit log, the disk).
std::vector<StaffFactSection> ReadStaffFacts();

}  // namespace kiosk::ui
