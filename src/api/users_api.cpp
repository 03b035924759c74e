// /api/v1/users/…: user administration (administrators).
#include "api/users_api.hpp"

#include <boost/json.hpp>

namespace antq::api {
namespace {

struct Deps {
  accounts::Service& accounts;
};

http::Response list_users(const Deps& d, http::Request& req, const Caller& c) {
  accounts::UserFilter f;
  f.query = text_param(req, "q");
  f.role = text_param(req, "role");
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.accounts.list(c.actor, f);
  boost::json::array items;
  for (const auto& u : page.items) items.push_back(user_json(u));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response create_user(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  accounts::NewUser in;
  in.username = r.text("username", 64).value_or("");
  in.full_name = r.text("full_name", 400).value_or("");
  in.role = r.text("role", 40).value_or("");
  in.unit_id = r.integer("unit_id");
  in.password = r.secret("password").value_or("");
  in.locale = r.text("locale", 8).value_or("vi");
  r.finish();
  return http::Response::json(201, user_json(d.accounts.create(c.actor, in)));
}

http::Response get_user(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, user_json(d.accounts.get(c.actor, path_id(req))));
}

http::Response update_user(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  accounts::UserPatch p;
  p.full_name = r.text("full_name", 400);
  p.role = r.text("role", 40);
  p.unit_id = r.integer("unit_id");
  p.disabled = r.boolean("disabled");
  p.locale = r.text("locale", 8);
  p.identity_permission = r.boolean("identity_permission");
  p.phone = r.text("phone", 64);
  p.sms_opt_in = r.boolean("sms_opt_in");
  if (body.contains("password")) p.password = r.secret("password");
  r.finish();
  return http::Response::json(200, user_json(d.accounts.update(c.actor, id, p)));
}

}  // namespace

void add_users_routes(http::Router& router, const Auth& auth) {
  Routes<Deps> routes(router, auth, Deps{auth.accounts});
  routes.staff("GET", "/api/v1/users", list_users);
  routes.staff("POST", "/api/v1/users", create_user);
  routes.staff("GET", "/api/v1/users/{id}", get_user);
  routes.staff("PATCH", "/api/v1/users/{id}", update_user);
}

}  // namespace antq::api
