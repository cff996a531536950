# Fails the build when a file in kiosk/core includes SDL or Dear ImGui.
# The core must stay windowless so every rule is testable without a display.
file(GLOB_RECURSE files "${CORE_DIR}/*.cpp" "${CORE_DIR}/*.hpp" "${CORE_DIR}/*.h")
set(offenders "")
foreach(file ${files})
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](SDL|imgui|backends/imgui)")
  if(lines)
    list(APPEND offenders "${file}: ${lines}")
  endif()
endforeach()
if(offenders)
  message(FATAL_ERROR "kiosk/core must not include SDL or ImGui (move the code to kiosk/ui or kiosk/platform):\n${offenders}")
endif()
