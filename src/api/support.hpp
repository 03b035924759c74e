#pragma once
// Helpers shared by the API adapters: sessions and CSRF, bodies, parameters, JSON views.
#include <boost/json.hpp>

#include <functional>

#include "api/api.hpp"
#include "http/message.hpp"
#include "platform/json/json.hpp"

namespace antq::api {

inline constexpr const char* kSessionCookie = "antq_session";

struct Caller {
  Actor actor;
  accounts::Session session;
};

using AuthedHandler = std::function<http::Response(http::Request&, const Caller&)>;

// Requires a live session (401 otherwise) and, on state-changing methods, the session's
// CSRF token in X-CSRF-Token (403 otherwise). Switches the request to the user's language.
http::Handler authed(Services& services, AuthedHandler handler);

// The JSON object in the body; 415 when the body is not declared JSON.
boost::json::object json_body(const http::Request& req);
// Integer query parameter within [min, max]; `fallback` when absent.
int int_param(const http::Request& req, std::string_view name, int fallback, int min, int max);
std::optional<std::int64_t> optional_id_param(const http::Request& req, std::string_view name);
std::optional<std::string> text_param(const http::Request& req, std::string_view name);
bool flag_param(const http::Request& req, std::string_view name);
// The {id} path parameter; 404 when it is not a positive integer.
std::int64_t path_id(const http::Request& req, const std::string& name = "id");

boost::json::object unit_json(const units::Unit& unit, const std::string& today);
boost::json::object user_json(const accounts::User& user);
boost::json::object session_json(const accounts::Session& session);

}  // namespace antq::api
