#include "server/json_reply.hpp"

namespace kiosk::server {

void ReplyJson(httplib::Response& response, int status, const nlohmann::json& body) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

void ReplyError(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    ReplyJson(response, status, nlohmann::json{{"error", code}, {"message", message}});
}

}  // namespace kiosk::server
