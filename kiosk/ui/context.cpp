#include "kiosk/ui/context.hpp"

#include <cassert>

#include "kiosk/ui/frame_record.hpp"

namespace kiosk::ui {
namespace {
Context* current_context = nullptr;
FrameRecord frame_record;
}  // namespace

Context& CurrentContext() {
    assert(current_context && "SetCurrentContext must be called before drawing");
    return *current_context;
}

void SetCurrentContext(Context* context) { current_context = context; }

FrameRecord& CurrentFrameRecord() { return frame_record; }

}  // namespace kiosk::ui
