#pragma once
// PublishedResults: the commune's reform results the plans ask to publicise: indices
// (PAR Index, SIPAS, PAPI, DGI, …) and exemplary people and units.
#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

struct PublishedIndex {
    std::string name;  // "PAR Index", "SIPAS", …
    int year = 0;
    double value = 0;
    std::optional<double> max;  // the scale's top, when it has one
    std::string unit;           // "điểm", "%"
    std::string note;
};

struct ExemplaryEntry {
    std::string name;
    std::string reason;
    int year = 0;  // 0: not given
};

struct PublishedResults {
    std::vector<PublishedIndex> indices;
    std::vector<ExemplaryEntry> exemplary;
};

}  // namespace kiosk::content
