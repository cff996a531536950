#include "server/kiosk_tokens.hpp"

#include <fstream>
#include <sstream>

#include <sodium.h>

#include "kiosk/core/votes/vote.hpp"

namespace kiosk::server {

namespace {

// A comment starts at a '#' that begins a word: at the start of the line (after any
// blanks) or after a space or tab. A '#' inside a word is part of it, so a token such as
// "a1#b2" is kept whole instead of being cut silently at the '#'.
std::string WithoutComment(const std::string& line) {
    for (std::size_t index = 0; index < line.size(); ++index)
        if (line[index] == '#' && (index == 0 || line[index - 1] == ' ' || line[index - 1] == '\t'))
            return line.substr(0, index);
    return line;
}

// Tokens travel in an HTTP header: visible ASCII only.
bool IsTokenText(std::string_view token) {
    for (unsigned char character : token)
        if (character < 0x21 || character > 0x7e) return false;
    return !token.empty();
}

}  // namespace

Result<KioskTokens> KioskTokens::Parse(std::string_view text) {
    // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the first kiosk id.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) text.remove_prefix(kByteOrderMark.size());
    KioskTokens tokens;
    std::istringstream lines{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
        auto where = "tokens file line " + std::to_string(number) + ": ";
        if (line.find('\0') != std::string::npos) return Error{where + "contains a NUL byte", ""};
        line = WithoutComment(line);
        std::istringstream fields(line);
        std::string kiosk_id, token, extra;
        if (!(fields >> kiosk_id)) continue;  // blank or comment-only
        if (!(fields >> token))
            return Error{where + "expected \"KIOSK_ID TOKEN\" (a token cannot start with '#': that starts a comment)",
                         ""};
        if (fields >> extra)
            return Error{where + "expected exactly two fields, \"KIOSK_ID TOKEN\" (a comment starts with \" #\")", ""};
        if (!IsVoteCode(kiosk_id)) return Error{where + "the kiosk id must be 1-64 of A-Z a-z 0-9 . _ - /", ""};
        if (!IsTokenText(token))
            return Error{where + "the token must be visible ASCII characters only (no letters with marks, no control bytes)",
                         ""};
        for (const auto& [existing_kiosk, existing_token] : tokens.entries_) {
            if (existing_token == token) return Error{where + "this token is already given to " + existing_kiosk, ""};
            if (existing_kiosk == kiosk_id) return Error{where + "kiosk " + kiosk_id + " already has a token", ""};
        }
        tokens.entries_.emplace_back(kiosk_id, token);
    }
    return tokens;
}

Result<KioskTokens> KioskTokens::Load(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return Error{"cannot read the tokens file " + file.string(), ""};
    std::stringstream buffer;
    buffer << stream.rdbuf();
    auto tokens = Parse(buffer.str());
    if (!tokens) return Error{file.string() + ": " + tokens.error().message, ""};
    return tokens;
}

std::vector<std::string> KioskTokens::KioskIds() const {
    std::vector<std::string> ids;
    for (const auto& entry : entries_) ids.push_back(entry.first);
    return ids;
}

std::optional<std::string> KioskTokens::KioskFor(std::string_view token) const {
    std::optional<std::string> found;
    for (const auto& [kiosk_id, expected] : entries_) {
        // Compare every entry in full so response time does not reveal a token's prefix.
        if (expected.size() == token.size() && sodium_memcmp(expected.data(), token.data(), token.size()) == 0)
            found = kiosk_id;
    }
    return found;
}

}  // namespace kiosk::server
