#pragma once
// What the three update screens (USB, server, roll back) share: a job's progress as a bar
// with words, the preview of a bundle in plain Vietnamese, and the sentence a job ended with.
#include <memory>
#include <string>

#include "kiosk/core/bundle/content_preview.hpp"
#include "kiosk/core/bundle/install_progress.hpp"

namespace kiosk::ui {

// One install, preview or rollback in flight. The screen holds it and the worker's
// callbacks (run on the UI thread through the run queue) hold it too, so a result that
// arrives after staff left the screen still lands somewhere, and is still audited.
struct StaffJob {
    enum class Phase { None, Running, Succeeded, Failed };
    Phase phase = Phase::None;
    std::string progress_text;  // "Đang kiểm tra chữ ký…"
    float progress = 0;         // 0 … 1
    std::string outcome;        // the sentence it ended with

    void Start(std::string first_words);
    void NoteProgress(const bundle::InstallProgress& progress);
    void Finish(bool succeeded, std::string sentence);
    bool running() const { return phase == Phase::Running; }
};

// How far an install has come, 0 … 1, from its stage and the bytes of that stage.
float InstallFraction(const bundle::InstallProgress& progress);

// Draws the job at the cursor: a progress bar with its words while it runs, the outcome
// (green or red) when it ended; nothing before it started.
void DrawStaffJob(const StaffJob& job);

// The preview at the cursor, in a card: version, date, signer, what the kiosk shows now,
// procedures added / changed / removed by name, other files changed (overrides …).
void DrawContentPreview(const bundle::ContentPreview& preview);

}  // namespace kiosk::ui
