#pragma once
// "Trình tự thực hiện" as steps the kiosk numbers itself. The portal writes steps as lines
// with its own marks ("- ", "Bước 1:", "a)"); sub-cases under a step use other marks
// ("(i)", "+ ") or none. Rule: the mark of the first line is the step mark; a line with it
// (or "Bước N") starts a step, any other line continues the step before it (its details).
// "Lưu ý:" and everything after it are the steps' notes, never a numbered step.
#include <string>
#include <vector>

#include "kiosk/core/content/procedure.hpp"

namespace kiosk::dvcqg {

struct PortalSteps {
    std::vector<content::Step> steps;
    std::vector<std::string> notes;
    int marks_removed = 0;   // step lines whose leading portal mark was removed
    int continuations = 0;   // lines kept with the step before them
};

// `paragraphs`: the section's lines, cleaned (NFC, whitespace collapsed, no empty lines).
PortalSteps ReadSteps(const std::vector<std::string>& paragraphs);

}  // namespace kiosk::dvcqg
