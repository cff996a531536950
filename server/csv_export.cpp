#include "server/csv_export.hpp"

namespace kiosk::server {
namespace {

void WriteField(std::ostream& out, const std::string& field) {
    // Spreadsheet programs run cells starting with = + - @ as formulas; codes never
    // start that way legitimately, but quoting costs nothing.
    bool quote = field.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
        out << field;
        return;
    }
    out << '"';
    for (char character : field) {
        if (character == '"') out << '"';
        out << character;
    }
    out << '"';
}

}  // namespace

Status ExportVotesCsv(VoteStore& store, std::ostream& out, std::int64_t from_ms, std::int64_t to_ms) {
    auto exported = store.ExportRows([&](const std::vector<std::string>& fields) {
        for (std::size_t index = 0; index < fields.size(); ++index) {
            if (index) out << ',';
            WriteField(out, fields[index]);
        }
        out << "\r\n";
    }, from_ms, to_ms);
    out.flush();
    if (exported && !out) return Error{"cannot write the CSV", ""};
    return exported;
}

}  // namespace kiosk::server
