#include "kiosk/core/dvcqg/portal_steps.hpp"

#include "kiosk/core/dvcqg/portal_bullets.hpp"

namespace kiosk::dvcqg {
namespace {

// Marks that are references the text itself uses ("thực hiện lại bước (i)") stay on
// details; list dashes and stars go (the page draws its own).
std::string DetailText(const Bulleted& line) {
    switch (line.kind) {
        case BulletKind::Roman:
        case BulletKind::Letter:
        case BulletKind::Number: return line.mark + " " + line.text;
        default: return line.text;
    }
}

bool SameStepMark(BulletKind step_mark, BulletKind kind) {
    if (kind == BulletKind::Step) return true;  // "Bước N" always starts a step
    return kind == step_mark;
}

}  // namespace

PortalSteps ReadSteps(const std::vector<std::string>& paragraphs) {
    PortalSteps out;
    bool in_notes = false;
    bool first = true;
    BulletKind step_mark = BulletKind::None;
    for (const auto& paragraph : paragraphs) {
        std::string rest;
        if (IsNotesHeading(paragraph, rest)) {
            in_notes = true;
            if (!rest.empty()) out.notes.push_back(rest);
            continue;
        }
        Bulleted line = SplitBullet(paragraph);
        std::string text = StripBullets(paragraph);
        if (text.empty() && line.kind != BulletKind::Step) continue;  // a mark alone
        if (in_notes) {
            out.notes.push_back(text);
            continue;
        }
        if (first) {
            step_mark = line.kind;
            first = false;
        }
        if (out.steps.empty() || SameStepMark(step_mark, line.kind)) {
            if (line.kind != BulletKind::None) ++out.marks_removed;
            out.steps.push_back({text, {}});
        } else if (out.steps.back().text.empty()) {
            // "Bước 2:" alone on its line: the next line is that step's text.
            out.steps.back().text = text;
        } else {
            ++out.continuations;
            out.steps.back().details.push_back(DetailText(line));
        }
    }
    std::erase_if(out.steps, [](const content::Step& step) { return step.text.empty(); });
    return out;
}

}  // namespace kiosk::dvcqg
