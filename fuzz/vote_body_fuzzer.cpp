// libFuzzer target: the vote bodies on both ends of the wire — what kiosk-server reads from a
// POST /api/v1/votes ({"votes": [...]}, each item through VoteFromJson, the one validator the
// kiosk and the server share) and what the kiosk reads back (ParseVotesAnswer).
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/core/votes/vote.hpp"
#include "kiosk/core/votes/vote_sender.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string body(reinterpret_cast<const char*>(data), size);
    auto document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    std::vector<kiosk::Vote> sent;
    if (document.is_object() && document.contains("votes") && document["votes"].is_array()) {
        for (const auto& item : document["votes"]) {
            auto vote = kiosk::VoteFromJson(item);
            if (!vote) {
                if (vote.error().message.empty()) __builtin_trap();
                continue;
            }
            // What is accepted must survive the trip back to JSON and in again unchanged.
            auto again = kiosk::VoteFromJson(kiosk::VoteToJson(*vote));
            if (!again || again->uuid != vote->uuid || again->rating != vote->rating) __builtin_trap();
            sent.push_back(*vote);
        }
    }
    // The same bytes as a server's answer about those votes.
    (void)kiosk::ParseVotesAnswer(body, sent);
    return 0;
}
