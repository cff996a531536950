#pragma once
// KioskTokens: which bearer token belongs to which kiosk, read from the tokens file
// (one "KIOSK_ID TOKEN" pair a line; a '#' at the start of a line or after a blank
// starts a comment, a '#' inside a word is part of it; a UTF-8 byte order mark at the
// start is skipped; CRLF line ends are accepted). A token authenticates one kiosk, and a
// vote is accepted only under its own kiosk's token.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/result.hpp"

namespace kiosk::server {

class KioskTokens {
public:
    static Result<KioskTokens> Parse(std::string_view text);
    static Result<KioskTokens> Load(const std::filesystem::path& file);

    // The kiosk id for a presented token; compared in constant time per entry.
    std::optional<std::string> KioskFor(std::string_view token) const;
    std::size_t size() const { return entries_.size(); }
    // Every kiosk the file names, in the file's order.
    std::vector<std::string> KioskIds() const;

private:
    std::vector<std::pair<std::string, std::string>> entries_;  // kiosk id, token
};

}  // namespace kiosk::server
