// /api/v1/auth/…: sign-in, sign-out, the current user, password and TOTP.
#include <boost/json.hpp>

#include "api/support.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

std::string session_cookie(const Services& s, const http::Request& req, const std::string& value, int max_age) {
  bool secure = s.cookie_secure == CookieSecure::always ||
                (s.cookie_secure == CookieSecure::automatic && (req.secure || !req.loopback));
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) + (secure ? "; Secure" : "");
}

std::string required(json::Reader& r, std::string_view key) { return r.required_text(key, 200).value_or(""); }

}  // namespace

void add_auth_routes(http::Router& router, Services& s) {
  router.add("POST", "/api/v1/auth/login", [&s](http::Request& req) {
    auto body = json_body(req);
    json::Reader r(body);
    accounts::Credentials c;
    c.username = required(r, "username");
    c.password = r.secret("password").value_or("");
    c.totp = r.text("totp", 64);
    c.client = req.client;
    r.finish();
    auto session = s.accounts.login(c);
    s.mailbox.prepare_search(accounts::Service::actor_of(session.user), session.box_secret_key);
    req.locale = i18n::locale_from_code(session.user.locale);
    auto res = http::Response::json(200, session_json(session));
    res.set("Set-Cookie", session_cookie(s, req, session.token, s.session_hours * 3600));
    res.set("Cache-Control", "no-store");
    return res;
  });

  router.add("POST", "/api/v1/auth/logout", authed(s, [&s](http::Request& req, const Caller&) {
               s.accounts.logout(req.cookie(kSessionCookie));
               auto res = http::Response::empty(204);
               res.set("Set-Cookie", session_cookie(s, req, "", 0));
               return res;
             }));

  router.add("GET", "/api/v1/auth/me", authed(s, [](http::Request&, const Caller& c) {
               auto res = http::Response::json(200, session_json(c.session));
               res.set("Cache-Control", "no-store");
               return res;
             }));

  router.add("PATCH", "/api/v1/auth/me", authed(s, [&s](http::Request& req, const Caller& c) {
               auto body = json_body(req);
               json::Reader r(body);
               auto locale = r.required_text("locale", 8);
               r.finish();
               accounts::Session updated = c.session;
               updated.user = s.accounts.set_locale(c.actor, *locale);
               return http::Response::json(200, session_json(updated));
             }));

  router.add("POST", "/api/v1/auth/password", authed(s, [&s](http::Request& req, const Caller& c) {
               auto body = json_body(req);
               json::Reader r(body);
               auto current = r.secret("current_password").value_or("");
               auto next = r.secret("new_password").value_or("");
               r.finish();
               s.accounts.change_password(c.actor, current, next);
               return http::Response::empty(204);
             }));

  router.add("POST", "/api/v1/auth/totp/setup", authed(s, [&s](http::Request&, const Caller& c) {
               auto setup = s.accounts.begin_totp(c.actor);
               auto res = http::Response::json(
                   200, boost::json::object{
                            {"secret", setup.secret}, {"otpauth_uri", setup.otpauth_uri}, {"qr_svg", setup.qr_svg}});
               res.set("Cache-Control", "no-store");
               return res;
             }));

  router.add("POST", "/api/v1/auth/totp/enable", authed(s, [&s](http::Request& req, const Caller& c) {
               auto body = json_body(req);
               json::Reader r(body);
               auto code = required(r, "code");
               r.finish();
               boost::json::array codes;
               for (auto& code_text : s.accounts.enable_totp(c.actor, code)) codes.emplace_back(code_text);
               auto res = http::Response::json(200, boost::json::object{{"recovery_codes", codes}});
               res.set("Cache-Control", "no-store");
               return res;
             }));

  router.add("POST", "/api/v1/auth/totp/disable", authed(s, [&s](http::Request& req, const Caller& c) {
               auto body = json_body(req);
               json::Reader r(body);
               auto password = r.secret("password").value_or("");
               r.finish();
               s.accounts.disable_totp(c.actor, password);
               return http::Response::empty(204);
             }));
}

}  // namespace antq::api
