// kiosk_core is compiled with IMGUI_USER_CONFIG pointing here, so that imgui.h cannot be
// included from the core by any path: the core must stay free of ImGui and SDL.
#error "kiosk/core must not include Dear ImGui: move this code to kiosk/ui."
