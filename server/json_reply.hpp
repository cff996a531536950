#pragma once
// The JSON answers of the reference server: every failure is a 4xx/5xx with the body
// {"error": code, "message": sentence} (docs/protocol.md, "Errors").
#include <httplib.h>

#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::server {

void ReplyJson(httplib::Response& response, int status, const nlohmann::json& body);
void ReplyError(httplib::Response& response, int status, const std::string& code, const std::string& message);

}  // namespace kiosk::server
