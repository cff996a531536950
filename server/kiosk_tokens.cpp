#include "server/kiosk_tokens.hpp"

#include <fstream>
#include <sstream>

#include <sodium.h>

#include "kiosk/core/votes/vote.hpp"

namespace kiosk::server {

Result<KioskTokens> KioskTokens::Parse(std::string_view text) {
    KioskTokens tokens;
    std::istringstream lines{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream fields(line);
        std::string kiosk_id, token, extra;
        if (!(fields >> kiosk_id)) continue;  // blank or comment-only
        auto where = "tokens file line " + std::to_string(number) + ": ";
        if (!(fields >> token)) return Error{where + "expected \"KIOSK_ID TOKEN\"", ""};
        if (fields >> extra) return Error{where + "expected exactly two fields, \"KIOSK_ID TOKEN\"", ""};
        if (!IsVoteCode(kiosk_id)) return Error{where + "the kiosk id must be 1-64 of A-Z a-z 0-9 . _ - /", ""};
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
