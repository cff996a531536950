#include "kiosk/core/dvcqg/portal_bullets.hpp"

#include <regex>

#include "kiosk/core/text.hpp"

namespace kiosk::dvcqg {
namespace {

std::string Trim(std::string_view text) { return text::CollapseWhitespace(text); }

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

Bulleted SplitBullet(std::string_view raw) {
    std::string line = Trim(raw);
    Bulleted result;
    result.text = line;
    // Dashes and dots used as list marks; one glued to the word ("-Nộp hồ sơ", "-02 ảnh")
    // counts too. Vietnamese procedure text has no negative numbers to protect.
    for (std::string_view mark : {"- ", "– ", "— ", "• ", "-", "–", "—", "•", "+ ", "+", "* ", "*"}) {
        if (!StartsWith(line, mark)) continue;
        std::string rest = Trim(std::string_view(line).substr(mark.size()));
        result.kind = mark[0] == '+' ? BulletKind::Plus : mark[0] == '*' ? BulletKind::Star : BulletKind::Dash;
        result.mark = Trim(mark);
        result.text = rest;
        return result;
    }
    static const std::regex step(R"(^(Bước\s*\d+\s*[:.\-–]?)\s*)", std::regex::icase);
    // "đ" is two bytes in UTF-8: an alternative, not a member of a byte class.
    static const std::regex roman(R"(^(\((?:[ivx]{1,5}|\d{1,2}|[a-z]|đ)\))\s*)");
    static const std::regex letter(R"(^((?:[a-z]|đ)[).])\s+)");
    static const std::regex number(R"(^((?:\d{1,2}\.)+\d{0,2}|\d{1,2}\))\s+)");
    std::smatch match;
    auto take = [&](const std::regex& pattern, BulletKind kind) {
        if (!std::regex_search(line, match, pattern)) return false;
        result.kind = kind;
        result.mark = Trim(match[1].str());
        result.text = Trim(std::string_view(line).substr(match[0].length()));
        return true;
    };
    if (take(step, BulletKind::Step) || take(roman, BulletKind::Roman) || take(letter, BulletKind::Letter) ||
        take(number, BulletKind::Number))
        return result;
    return result;
}

std::string StripBullets(std::string_view line) {
    std::string text = Trim(line);
    for (int guard = 0; guard < 4; ++guard) {
        Bulleted bulleted = SplitBullet(text);
        if (bulleted.kind == BulletKind::None) break;
        text = bulleted.text;
    }
    return text;
}

bool IsNotesHeading(std::string_view line, std::string& rest) {
    std::string text = StripBullets(line);
    std::string folded = text::Fold(text);
    for (std::string_view heading : {"luu y", "chu y", "ghi chu"}) {
        if (folded.rfind(heading, 0) != 0) continue;
        // "Lưu ý:" or "Lưu ý" alone; not "Lưu ý rằng …" in a sentence without a colon.
        size_t colon = text.find(':');
        size_t words_end = 0;
        for (int words = 0; words < 2 && words_end < text.size(); ++words) {
            size_t space = text.find(' ', words_end);
            words_end = space == std::string::npos ? text.size() : space + 1;
        }
        if (colon != std::string::npos && colon <= words_end + 1) {
            rest = Trim(std::string_view(text).substr(colon + 1));
            return true;
        }
        if (text::SplitWords(folded).size() == 2) {
            rest.clear();
            return true;
        }
    }
    return false;
}

}  // namespace kiosk::dvcqg
