#pragma once
// How a JSON value's type reads in an error sentence ("found text", "found a list"), shared
// by the config reader and the content loader so both name types the same way.
#include <nlohmann/json.hpp>

namespace kiosk {

const char* JsonTypeName(const nlohmann::json& value);

}  // namespace kiosk
