// /api/v1/users/…: user administration (administrators).
#include <boost/json.hpp>

#include "api/support.hpp"

namespace antq::api {

void add_users_routes(http::Router& router, Services& s) {
  router.add(
      "GET", "/api/v1/users", authed(s, [&s](http::Request& req, const Caller& c) {
        accounts::UserFilter f;
        f.query = text_param(req, "q");
        f.role = text_param(req, "role");
        f.page = int_param(req, "page", 1, 1, 1000000);
        f.page_size = int_param(req, "page_size", 50, 1, 500);
        auto page = s.accounts.list(c.actor, f);
        boost::json::array items;
        for (const auto& u : page.items) items.push_back(user_json(u));
        return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
      }));

  router.add("POST", "/api/v1/users", authed(s, [&s](http::Request& req, const Caller& c) {
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
               return http::Response::json(201, user_json(s.accounts.create(c.actor, in)));
             }));

  router.add("GET", "/api/v1/users/{id}", authed(s, [&s](http::Request& req, const Caller& c) {
               return http::Response::json(200, user_json(s.accounts.get(c.actor, path_id(req))));
             }));

  router.add("PATCH", "/api/v1/users/{id}", authed(s, [&s](http::Request& req, const Caller& c) {
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
               if (body.contains("password")) p.password = r.secret("password");
               r.finish();
               return http::Response::json(200, user_json(s.accounts.update(c.actor, id, p)));
             }));
}

}  // namespace antq::api
