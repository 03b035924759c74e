#pragma once
// Helpers shared by the API adapters: sessions and CSRF, bodies, parameters, JSON views.
#include <boost/json.hpp>

#include <functional>

#include "http/message.hpp"
#include "http/router.hpp"
#include "modules/accounts/service.hpp"
#include "modules/units/model.hpp"
#include "platform/geo/geo.hpp"
#include "platform/json/json.hpp"

namespace antq::api {

inline constexpr const char* kSessionCookie = "antq_session";

enum class CookieSecure { automatic, always, never };

// The auth settings every module's routes get besides their own services: who a session
// cookie belongs to, and how the cookie is set.
struct Auth {
  accounts::Service& accounts;
  CookieSecure cookie_secure = CookieSecure::automatic;
  int session_hours = 12;
};

struct Caller {
  Actor actor;
  accounts::Session session;
};

using AuthedHandler = std::function<http::Response(http::Request&, const Caller&)>;

// Requires a live session (401 otherwise) and, on state-changing methods, the session's
// CSRF token in X-CSRF-Token (403 otherwise). Switches the request to the user's language.
http::Handler authed(Auth auth, AuthedHandler handler);

// A module's routes: named handler functions, each given the module's services and, for
// staff routes, the signed-in caller. `Deps` is a small struct of references to the
// module's own services, copied into every route:
//   struct Deps { units::Service& units; };
//   Routes<Deps> routes(router, auth, Deps{units});
//   routes.staff("GET", "/api/v1/units/{id}", get_unit);
template <typename Deps>
class Routes {
 public:
  using StaffHandler = http::Response (*)(const Deps&, http::Request&, const Caller&);
  using OpenHandler = http::Response (*)(const Deps&, http::Request&);

  Routes(http::Router& router, Auth auth, Deps deps) : router_(router), auth_(auth), deps_(deps) {}

  // Signed-in staff only (see authed()).
  void staff(std::string method, std::string pattern, StaffHandler handler, http::RouteOptions options = {}) {
    router_.add(
        std::move(method), std::move(pattern),
        authed(auth_, [deps = deps_, handler](http::Request& req, const Caller& c) { return handler(deps, req, c); }),
        options);
  }
  // Anyone: no session, no CSRF token.
  void open(std::string method, std::string pattern, OpenHandler handler, http::RouteOptions options = {}) {
    router_.add(
        std::move(method), std::move(pattern),
        [deps = deps_, handler](http::Request& req) { return handler(deps, req); }, options);
  }

 private:
  http::Router& router_;
  Auth auth_;
  Deps deps_;
};

// The JSON object in the body; 415 when the body is not declared JSON.
boost::json::object json_body(const http::Request& req);
// Integer query parameter within [min, max]; `fallback` when absent.
int int_param(const http::Request& req, std::string_view name, int fallback, int min, int max);
std::optional<std::int64_t> optional_id_param(const http::Request& req, std::string_view name);
// A decimal number query parameter ("21.80561") within [min, max]; `fallback` when absent
// (else "required"), errors go to `errors`.
std::optional<double> number_param(const http::Request& req, const std::string& name, double min, double max,
                                   FieldErrors& errors, std::optional<double> fallback = std::nullopt);
std::optional<std::string> text_param(const http::Request& req, std::string_view name);
bool flag_param(const http::Request& req, std::string_view name);
// The {id} path parameter; 404 when it is not a positive integer.
std::int64_t path_id(const http::Request& req, const std::string& name = "id");
// The {year} of a path: 404 when it is not a number, as for an id.
int path_year(const http::Request& req);

// A body shared between callers with its ETag: 304 when the client has it already. The
// client revalidates every time (private, no-cache).
http::Response cached_response(const http::Request& req, const std::string& etag,
                               std::shared_ptr<const std::string> body, std::string_view content_type);

// Sheets officers upload and download: CSV or an .xlsx workbook. `require_sheet_body`
// answers 415 for any other body; `sheet_download` is the file, named `name` plus the
// extension, never cached (it may hold personal data).
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
void require_sheet_body(const http::Request& req);
http::Response sheet_download(std::string bytes, bool xlsx, std::string_view name);
// A .docx as an attachment named `filename` (ASCII), never cached.
http::Response docx_download(std::string bytes, const std::string& filename);

// The fields every offline record's PUT carries (community/offline.hpp): `base_version`
// (required, not negative) and `device_at` (the phone's clock in ms, optional).
struct OfflineFields {
  std::int64_t base_version = 0;
  std::optional<std::int64_t> device_at;
};
OfflineFields offline_fields(json::Reader& r);

// A change's JSON body: `read(reader, body)` takes the input, which gets the body's
// `version` (required); a missing version, an unknown member or any field error is one 422.
template <typename Read>
auto versioned_input(const http::Request& req, Read read) {
  auto body = json_body(req);
  json::Reader r(body);
  auto version = r.required_integer("version");
  auto in = read(r, body);
  r.finish();
  in.version = *version;
  return in;
}

// A value, or null when there is none.
template <class T>
boost::json::value optional_value(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value(*v);
}
// A yes/no query parameter as links and checkboxes send it: "1" or "0"; none when absent.
std::optional<bool> yes_no_param(const http::Request& req, std::string_view name);
// A date field; an empty one (a cleared date input) is no date. The service checks it.
std::optional<std::string> date_field(json::Reader& r, std::string_view key);
// A whole-number field for a service's int, `fallback` when absent. Saturated, not
// checked: the range is the service's rule, and it names the field out_of_range.
int int_field(json::Reader& r, std::string_view key, int fallback);
// A line of points (a route): an array of points, each `[lat, lon]` (a click on the map) or
// a text as people type it; absent or null: none, no error. More than `max_points` is
// `too_long`; a point neither way is `wrong_type`, a text that is no point its problem.
std::vector<geo::Point> line_field(const boost::json::object& body, std::string_view key, std::size_t max_points,
                                   FieldErrors& errors);

// An instant as ISO-8601 UTC, or null.
boost::json::value optional_instant(const std::optional<std::int64_t>& instant);
// A JSON field in Vietnam's local time as a datetime-local input sends it
// ('YYYY-MM-DDTHH:MM'): nullopt when absent or empty; invalid_date on `field` otherwise.
std::optional<std::int64_t> local_time_field(const std::optional<std::string>& text, const char* field,
                                             FieldErrors& errors);

boost::json::object unit_json(const units::Unit& unit, const std::string& today);
boost::json::object user_json(const accounts::User& user);
boost::json::object session_json(const accounts::Session& session);

}  // namespace antq::api
