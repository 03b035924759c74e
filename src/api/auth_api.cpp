// /api/v1/auth/…: sign-in, sign-out, the current user, password and TOTP.
#include "api/auth_api.hpp"

#include <boost/json.hpp>

namespace antq::api {
namespace {

struct Deps {
  Auth auth;
};

std::string session_cookie(const Auth& auth, const http::Request& req, const std::string& value, int max_age) {
  bool secure = auth.cookie_secure == CookieSecure::always ||
                (auth.cookie_secure == CookieSecure::automatic && (req.secure || !req.loopback));
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) + (secure ? "; Secure" : "");
}

std::string required(json::Reader& r, std::string_view key) { return r.required_text(key, 200).value_or(""); }

http::Response no_store(http::Response res) {
  res.set("Cache-Control", "no-store");
  return res;
}

http::Response login(const Deps& d, http::Request& req) {
  auto body = json_body(req);
  json::Reader r(body);
  accounts::Credentials c;
  c.username = required(r, "username");
  c.password = r.secret("password").value_or("");
  c.totp = r.text("totp", 64);
  c.client = req.client;
  r.finish();
  auto session = d.auth.accounts.login(c);
  req.locale = i18n::locale_from_code(session.user.locale);
  auto res = http::Response::json(200, session_json(session));
  res.set("Set-Cookie", session_cookie(d.auth, req, session.token, d.auth.session_hours * 3600));
  return no_store(std::move(res));
}

http::Response logout(const Deps& d, http::Request& req, const Caller&) {
  d.auth.accounts.logout(req.cookie(kSessionCookie));
  auto res = http::Response::empty(204);
  res.set("Set-Cookie", session_cookie(d.auth, req, "", 0));
  return res;
}

http::Response me(const Deps&, http::Request&, const Caller& c) {
  return no_store(http::Response::json(200, session_json(c.session)));
}

// The signed-in user's own language, phone and SMS reminders.
http::Response update_me(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  accounts::UserPatch patch;
  patch.locale = r.text("locale", 8);
  patch.phone = r.text("phone", 64);
  patch.sms_opt_in = r.boolean("sms_opt_in");
  r.finish();
  if (!patch.locale && !patch.phone && !patch.sms_opt_in) throw Error::field("locale", "required");
  accounts::Session updated = c.session;
  updated.user = d.auth.accounts.update_own(c.actor, patch);
  return http::Response::json(200, session_json(updated));
}

http::Response change_password(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto current = r.secret("current_password").value_or("");
  auto next = r.secret("new_password").value_or("");
  r.finish();
  d.auth.accounts.change_password(c.actor, current, next);
  return http::Response::empty(204);
}

http::Response setup_totp(const Deps& d, http::Request&, const Caller& c) {
  auto setup = d.auth.accounts.begin_totp(c.actor);
  return no_store(http::Response::json(
      200,
      boost::json::object{{"secret", setup.secret}, {"otpauth_uri", setup.otpauth_uri}, {"qr_svg", setup.qr_svg}}));
}

http::Response enable_totp(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto code = required(r, "code");
  r.finish();
  boost::json::array codes;
  for (auto& code_text : d.auth.accounts.enable_totp(c.actor, code)) codes.emplace_back(code_text);
  return no_store(http::Response::json(200, boost::json::object{{"recovery_codes", codes}}));
}

http::Response disable_totp(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto password = r.secret("password").value_or("");
  r.finish();
  d.auth.accounts.disable_totp(c.actor, password);
  return http::Response::empty(204);
}

}  // namespace

void add_auth_routes(http::Router& router, const Auth& auth) {
  Routes<Deps> routes(router, auth, Deps{auth});
  routes.open("POST", "/api/v1/auth/login", login);
  routes.staff("POST", "/api/v1/auth/logout", logout);
  routes.staff("GET", "/api/v1/auth/me", me);
  routes.staff("PATCH", "/api/v1/auth/me", update_me);
  routes.staff("POST", "/api/v1/auth/password", change_password);
  routes.staff("POST", "/api/v1/auth/totp/setup", setup_totp);
  routes.staff("POST", "/api/v1/auth/totp/enable", enable_totp);
  routes.staff("POST", "/api/v1/auth/totp/disable", disable_totp);
}

}  // namespace antq::api
