#pragma once
// ImportReport: what an import read, wrote, and every kind of problem it met, with counts.
#include <map>
#include <string>

namespace kiosk::dvcqg {

struct ImportReport {
    int records_read = 0;      // JSONL lines read
    int raw_files_read = 0;    // raw per-procedure JSON files read
    int records_selected = 0;  // after --commune-only
    int procedures_written = 0;
    int fields_written = 0;
    std::map<std::string, int> problems;  // "time given without a unit (channel rows)" → 357

    void Count(const std::string& problem, int times = 1) { problems[problem] += times; }
    // A readable multi-line report for the command line.
    std::string Describe() const;
};

}  // namespace kiosk::dvcqg
