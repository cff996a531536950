#pragma once
// Files that are either wholly old or wholly new, whatever happens: the contents go to a
// temporary file beside the target, are fsynced, renamed over the target, and the
// directory is fsynced so the rename itself survives a power cut.
#include <filesystem>
#include <string>
#include <string_view>

#include "kiosk/core/result.hpp"

namespace kiosk {

#include <sys/types.h>

Status WriteFileAtomically(const std::filesystem::path& file, std::string_view contents, mode_t mode = 0644);
// fsyncs a directory, so that files created, renamed or removed in it stay so after a power cut.
Status SyncDirectory(const std::filesystem::path& directory);
// An errno as a sentence that says what is true ("the disk is full", "permission denied").
std::string DescribeErrno(int error_number);

}  // namespace kiosk
