#include "server/connection_state.hpp"

namespace kiosk::server {
namespace {

thread_local ConnectionState* current_connection = nullptr;

}  // namespace

ConnectionState* CurrentConnection() { return current_connection; }

CurrentConnectionScope::CurrentConnectionScope(ConnectionState& state) { current_connection = &state; }

CurrentConnectionScope::~CurrentConnectionScope() { current_connection = nullptr; }

}  // namespace kiosk::server
