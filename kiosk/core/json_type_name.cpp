#include "kiosk/core/json_type_name.hpp"

namespace kiosk {

const char* JsonTypeName(const nlohmann::json& value) {
    using nlohmann::json;
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a true/false value";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "a whole number";
        case json::value_t::number_float: return "a decimal number";
        case json::value_t::string: return "text";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        default: return "something else";
    }
}

}  // namespace kiosk
