// /api/v1/cameras/…: list, register, change, status, checks, reconfirmation, an owner's
// registration confirmed, the status at an instant, and "who could have seen it". Times
// in requests are Vietnam's local time as a datetime-local field sends it
// ('YYYY-MM-DDTHH:MM'); answers give UTC instants.
#include "api/cameras_api.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "platform/error.hpp"
#include "platform/geo/point_text.hpp"
#include "platform/i18n/catalog.hpp"

namespace antq::api {
namespace {

using cameras::Camera;
using cameras::CameraView;

struct Deps {
  const cameras::Service& cameras;
};

boost::json::object camera_json(const CameraView& v) {
  const Camera& c = v.camera;
  return boost::json::object{
      {"id", c.id},
      {"code", c.code},
      {"unit_id", c.unit_id},
      {"unit_name", v.unit_name},
      {"village_id", optional_value(c.village_id)},
      {"village_name", v.village_name},
      {"owner_kind", std::string(code_of(c.owner_kind))},
      {"place", c.place},
      {"lat", c.point.lat},
      {"lon", c.point.lon},
      {"bearing", optional_value(c.mounting.bearing_deg)},
      {"fov", c.mounting.fov_deg},
      {"range_m", c.mounting.range_m},
      {"camera_type", c.camera_type},
      {"resolution", c.resolution},
      {"night_vision", c.night_vision},
      {"retention_days", c.retention_days},
      {"storage", std::string(code_of(c.storage))},
      {"funding", std::string(code_of(c.funding))},
      {"cost_vnd", optional_value(c.cost_vnd)},
      {"installed_on", optional_value(c.installed_on)},
      {"sharing", std::string(code_of(c.sharing))},
      {"commitment_signed_on", optional_value(c.commitment_signed_on)},
      {"status", std::string(code_of(c.status))},
      {"last_check_at", optional_instant(c.last_check_at)},
      {"last_check_result", optional_value(c.last_check_result)},
      {"reconfirm_due", optional_value(c.reconfirm_due)},
      {"note", c.note},
      {"demo", c.demo},
      {"confirmed", c.confirmed},
      {"version", c.version},
  };
}

boost::json::object detail_json(const cameras::CameraDetail& d) {
  auto o = camera_json(d.view);
  boost::json::array history;
  for (const auto& h : d.history) {
    history.push_back(boost::json::object{{"since", time::format_iso_utc(h.since)},
                                          {"until", optional_instant(h.until)},
                                          {"status", std::string(code_of(h.status))},
                                          {"reason", h.reason}});
  }
  boost::json::array checks;
  for (const auto& k : d.checks) {
    checks.push_back(boost::json::object{{"id", k.id},
                                         {"checked_at", time::format_iso_utc(k.checked_at)},
                                         {"result", k.result},
                                         {"note", k.note},
                                         {"checked_by", k.checked_by}});
  }
  o["history"] = std::move(history);
  o["checks"] = std::move(checks);
  o["consent"] = d.consent
                     ? boost::json::value(boost::json::object{{"given_at", time::format_iso_utc(d.consent->given_at)},
                                                              {"channel", d.consent->channel},
                                                              {"text_version", d.consent->text_version}})
                     : boost::json::value(nullptr);
  return o;
}

boost::json::object sighting_json(const cameras::Sighting& s) {
  boost::json::array reasons;
  for (auto r : s.reasons) reasons.emplace_back(std::string(code_of(r)));
  return boost::json::object{
      {"camera", camera_json(s.camera)},
      {"distance_m", std::round(s.distance_m * 10) / 10},
      {"bearing_deg", std::round(s.bearing_deg * 10) / 10},
      {"off_axis_deg", std::round(s.off_axis_deg * 10) / 10},
      {"status_then", s.status_then ? boost::json::value(std::string(code_of(*s.status_then))) : nullptr},
      {"footage_kept_until", time::format_iso_utc(s.footage_kept_until)},
      {"reasons", std::move(reasons)},
  };
}

// An integer the service range-checks: values beyond an int become the nearest int.
int small_int(const std::optional<std::int64_t>& v, int fallback) {
  if (!v) return fallback;
  return static_cast<int>(
      std::clamp<std::int64_t>(*v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

cameras::OwnerContact read_owner(const boost::json::object& body) {
  json::Reader r(body);
  cameras::OwnerContact c{r.text("name", 201).value_or(""), r.text("phone", 40).value_or(""),
                          r.text("address", 301).value_or("")};
  r.finish();
  return c;
}

boost::json::object owner_json(const cameras::OwnerContact& c) {
  return boost::json::object{{"name", c.name}, {"phone", c.phone}, {"address", c.address}};
}

cameras::CameraInput read_camera(const boost::json::object& body) {
  json::Reader r(body);
  cameras::CameraInput in;
  in.code = r.text("code", 41).value_or("");
  in.unit_id = r.required_integer("unit_id");
  in.village_id = r.integer("village_id");
  in.owner_kind = r.required_text("owner_kind", 40).value_or("");
  in.place = r.text("place", 301).value_or("");
  in.point = r.required_text("point", 100).value_or("");
  if (auto bearing = r.integer("bearing")) in.bearing_deg = small_int(bearing, 0);
  in.fov_deg = small_int(r.integer("fov"), in.fov_deg);
  in.range_m = small_int(r.integer("range_m"), in.range_m);
  in.camera_type = r.text("camera_type", 101).value_or("");
  in.resolution = r.text("resolution", 51).value_or("");
  in.night_vision = r.boolean("night_vision").value_or(false);
  in.retention_days = small_int(r.integer("retention_days"), in.retention_days);
  in.storage = r.text("storage", 40).value_or(in.storage);
  in.funding = r.text("funding", 40).value_or(in.funding);
  in.cost_vnd = r.integer("cost_vnd");
  in.installed_on = r.text("installed_on", 10);
  in.sharing = r.text("sharing", 40).value_or(in.sharing);
  in.commitment_signed_on = r.text("commitment_signed_on", 10);
  in.note = r.text("note", 2001).value_or("");
  in.confirm_location = r.boolean("confirm_location").value_or(false);
  if (auto it = body.find("owner"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_object()) throw Error::field("owner", "wrong_type");
    in.owner = read_owner(it->value().get_object());
  }
  r.finish();
  return in;
}

http::Response list_cameras(const Deps& d, http::Request& req, const Caller& c) {
  cameras::ListFilter f;
  f.unit_id = optional_id_param(req, "unit_id");
  f.status = text_param(req, "status");
  f.sharing = text_param(req, "sharing");
  f.owner_kind = text_param(req, "owner_kind");
  f.q = text_param(req, "q").value_or("");
  f.due = text_param(req, "due").value_or("");
  if (auto confirmed = text_param(req, "confirmed")) {
    if (*confirmed != "0" && *confirmed != "1") throw Error::field("confirmed", "unknown_value");
    f.confirmed = *confirmed == "1";
  }
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.cameras.list(c.actor, f);
  boost::json::array items;
  for (const auto& v : page.items) items.push_back(camera_json(v));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response maintenance(const Deps& d, http::Request& req, const Caller& c) {
  auto m = d.cameras.maintenance(c.actor, optional_id_param(req, "unit_id"));
  return http::Response::json(
      200, boost::json::object{{"faulty", m.faulty}, {"check_due", m.check_due}, {"reconfirm_due", m.reconfirm_due}});
}

http::Response create_camera(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(201, camera_json(d.cameras.create(c.actor, read_camera(json_body(req)))));
}

http::Response get_camera(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, detail_json(d.cameras.get(c.actor, path_id(req))));
}

http::Response update_camera(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  auto version = json::Reader(body).required_integer("version");
  if (!version) throw Error::field("version", "required");
  body.erase("version");
  auto in = read_camera(body);
  return http::Response::json(200, camera_json(d.cameras.update(c.actor, path_id(req), small_int(version, 0), in)));
}

http::Response change_status(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  cameras::StatusChange change;
  change.status = r.required_text("status", 40).value_or("");
  change.since = local_time_field(r.text("since", 40), "since", r.errors());
  change.reason = r.text("reason", 501).value_or("");
  r.finish();
  auto id = path_id(req);
  d.cameras.change_status(c.actor, id, change);
  return http::Response::json(200, detail_json(d.cameras.get(c.actor, id)));
}

http::Response record_check(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  cameras::NewCheck check;
  check.result = r.required_text("result", 40).value_or("");
  check.checked_at = local_time_field(r.text("checked_at", 40), "checked_at", r.errors());
  check.note = r.text("note", 1001).value_or("");
  r.finish();
  auto id = path_id(req);
  d.cameras.record_check(c.actor, id, check);
  return http::Response::json(201, detail_json(d.cameras.get(c.actor, id)));
}

http::Response reconfirm(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, camera_json(d.cameras.reconfirm(c.actor, path_id(req))));
}

http::Response confirm(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto version = r.required_integer("version");
  r.finish();
  return http::Response::json(200, camera_json(d.cameras.confirm(c.actor, path_id(req), small_int(version, 0))));
}

http::Response get_owner(const Deps& d, http::Request& req, const Caller& c) {
  auto contact = d.cameras.owner(c.actor, path_id(req), text_param(req, "reason").value_or(""));
  auto res = http::Response::json(200, owner_json(contact));
  res.set("Cache-Control", "no-store");
  return res;
}

http::Response set_owner(const Deps& d, http::Request& req, const Caller& c) {
  d.cameras.set_owner(c.actor, path_id(req), read_owner(json_body(req)));
  return http::Response::empty(204);
}

http::Response erase_camera(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto reason = r.required_text("reason", 501).value_or("");
  r.finish();
  d.cameras.erase(c.actor, path_id(req), reason);
  return http::Response::empty(204);
}

http::Response route_search(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  cameras::RouteQuery q;
  if (!body.contains("line") || body.at("line").is_null()) r.errors().add("line", "required");
  q.line = line_field(body, "line", static_cast<std::size_t>(cameras::Service::kMaxRoutePoints), r.errors());
  q.width_m = small_int(r.integer("width"), q.width_m);
  auto from = local_time_field(r.required_text("from", 40), "from", r.errors());
  q.to = local_time_field(r.text("to", 40), "to", r.errors());
  if (auto it = body.find("speed_kmh"); it != body.end() && !it->value().is_null()) {
    if (it->value().is_number()) {
      q.speed_kmh = it->value().to_number<double>();
    } else {
      r.errors().add("speed_kmh", "wrong_type");
    }
  }
  q.with_excluded = r.boolean("excluded").value_or(false);
  q.reason = r.text("reason", 501).value_or("");
  r.finish();
  q.from = from.value_or(0);
  auto result = d.cameras.search_route(c.actor, q);
  auto list = [](const std::vector<cameras::RouteSighting>& items) {
    boost::json::array out;
    for (const auto& s : items) {
      auto o = sighting_json(s.sighting);
      o["along_m"] = std::round(s.along_m);
      o["enters_at"] = s.enters_at ? boost::json::value(time::format_iso_utc(s.enters_at)) : nullptr;
      o["leaves_at"] = s.leaves_at ? boost::json::value(time::format_iso_utc(s.leaves_at)) : nullptr;
      out.push_back(std::move(o));
    }
    return out;
  };
  boost::json::array line;
  for (const auto& p : q.line) line.push_back(boost::json::array{p.lat, p.lon});
  return http::Response::json(200, boost::json::object{{"line", std::move(line)},
                                                       {"length_m", std::round(result.length_m)},
                                                       {"speed_kmh", std::round(result.speed_kmh * 10) / 10},
                                                       {"seen", list(result.seen)},
                                                       {"excluded", list(result.excluded)}});
}

http::Response import_cameras(const Deps& d, http::Request& req, const Caller& c) {
  require_sheet_body(req);
  cameras::ImportOptions options;
  options.unit_id = optional_id_param(req, "unit_id");
  options.dry_run = flag_param(req, "dry_run");
  options.confirm_locations = flag_param(req, "confirm_locations");
  auto r = d.cameras.import_sheet(c.actor, req.body, options);
  return http::Response::json(200, boost::json::object{{"created", r.created},
                                                       {"updated", r.updated},
                                                       {"unchanged", r.unchanged},
                                                       {"dry_run", r.dry_run},
                                                       {"encoding", r.encoding}});
}

// The cones as GeoJSON: each camera's cone (computed on the ellipsoid) with what a map
// colours and labels it by.
http::Response cones(const Deps& d, http::Request& req, const Caller& c) {
  auto unit_id = optional_id_param(req, "unit_id");
  if (!unit_id) throw Error::field("unit_id", "required");
  auto layer = d.cameras.cones(c.actor, *unit_id);
  std::string out = R"({"type":"FeatureCollection","truncated":)";
  out += layer.truncated ? "true" : "false";
  out += R"(,"features":[)";
  bool first = true;
  for (const auto& cone : layer.cones) {
    const auto& cam = cone.camera.camera;
    boost::json::object props{{"id", cam.id},
                              {"code", cam.code},
                              {"place", cam.place},
                              {"village_name", cone.camera.village_name},
                              {"status", std::string(code_of(cam.status))},
                              {"sharing", std::string(code_of(cam.sharing))},
                              {"bearing", optional_value(cam.mounting.bearing_deg)},
                              {"fov", cam.mounting.fov_deg},
                              {"range_m", cam.mounting.range_m},
                              {"lat", cam.point.lat},
                              {"lon", cam.point.lon}};
    geo::MultiPolygon shape{{geo::Polygon{{cone.ring}}}};
    auto geometry = geo::to_geojson_text(shape);
    out += first ? "" : ",";
    first = false;
    out += R"({"type":"Feature","properties":)" + boost::json::serialize(props) + R"(,"geometry":)" + geometry + "}";
  }
  out += "]}";
  return http::Response::text(200, std::move(out), "application/geo+json");
}

http::Response export_sheet(const Deps& d, http::Request& req, const Caller& c, cameras::SheetFormat format) {
  cameras::ExportOptions options{optional_id_param(req, "unit_id"), format, flag_param(req, "contacts"),
                                 text_param(req, "reason").value_or("")};
  return sheet_download(d.cameras.export_sheet(c.actor, options), format == cameras::SheetFormat::xlsx,
                        "camera-an-ninh");
}

http::Response export_csv(const Deps& d, http::Request& req, const Caller& c) {
  return export_sheet(d, req, c, cameras::SheetFormat::csv);
}

http::Response export_xlsx(const Deps& d, http::Request& req, const Caller& c) {
  return export_sheet(d, req, c, cameras::SheetFormat::xlsx);
}

// The required local time query parameter `at`.
time::Millis at_param(const http::Request& req) {
  auto text = text_param(req, "at");
  if (!text || text->empty()) throw Error::field("at", "required");
  auto at = time::parse_local_datetime(*text);
  if (!at) throw Error::field("at", "invalid_date");
  return *at;
}

http::Response status_at(const Deps& d, http::Request& req, const Caller& c) {
  auto at = at_param(req);
  auto status = d.cameras.status_at(c.actor, path_id(req), at);
  return http::Response::json(
      200, boost::json::object{{"at", time::format_iso_utc(at)},
                               {"status", status ? boost::json::value(std::string(code_of(*status))) : nullptr}});
}

// The point of a search: `point` as people type it ("21.8056, 105.4516", DMS…), or `lat`
// and `lon`.
geo::Point search_point(const http::Request& req) {
  if (auto text = text_param(req, "point"); text && !text->empty()) {
    auto parsed = geo::parse_point(*text);
    if (!parsed.point) throw Error::field("point", parsed.problem);
    return *parsed.point;
  }
  FieldErrors errors;
  auto lat = number_param(req, "lat", -90, 90, errors);
  auto lon = number_param(req, "lon", -180, 180, errors);
  errors.throw_if_any();
  return geo::Point{*lon, *lat};
}

boost::json::object search_json(const cameras::SearchQuery& q, const cameras::SearchResult& result) {
  boost::json::array seen;
  for (const auto& s : result.seen) seen.push_back(sighting_json(s));
  boost::json::array excluded;
  for (const auto& s : result.excluded) excluded.push_back(sighting_json(s));
  return boost::json::object{{"lat", q.point.lat},   {"lon", q.point.lon},      {"at", time::format_iso_utc(q.at)},
                             {"radius", q.radius_m}, {"seen", std::move(seen)}, {"excluded", std::move(excluded)}};
}

http::Response search(const Deps& d, http::Request& req, const Caller& c) {
  cameras::SearchQuery q;
  q.point = search_point(req);
  q.at = at_param(req);
  q.radius_m = int_param(req, "radius", cameras::Service::kDefaultRadius, std::numeric_limits<int>::min(),
                         std::numeric_limits<int>::max());
  q.with_excluded = flag_param(req, "excluded");
  q.reason = text_param(req, "reason").value_or("");
  if (!d.cameras.lists_later()) {
    auto [result, audit] = d.cameras.search_pending(c.actor, q);
    auto res = http::Response::json(200, search_json(q, result));
    // The answer leaves once its audit entry is durable; no worker waits for that.
    res.wait_for = std::move(audit);
    return res;
  }
  // PostgreSQL: nor for the rows of the cameras it lists. The body is written before the
  // audit entry is asked for, and the answer leaves when that entry is durable; a refusal
  // or bad input thrown by the search becomes its problem answer all the same.
  auto body = std::make_shared<std::string>();
  auto res = http::Response::text(200, "", "application/json; charset=utf-8");
  res.shared_body = body;
  res.wait_for = [&cameras = d.cameras, actor = c.actor, q, body](const http::Response::Settled& done) {
    cameras.search_then(actor, q, [q, body, done](cameras::Service::PendingSearch found, std::exception_ptr error) {
      if (error) return done(error);
      try {
        *body = boost::json::serialize(search_json(q, found.result));
        found.audit(done);
      } catch (...) {
        done(std::current_exception());
      }
    });
  };
  return res;
}

// The codes of one camera taxonomy in the order forms offer them, each with its labels
// from the one catalog ("web.camera_status.faulty").
boost::json::array labelled(const std::vector<std::string_view>& codes, const std::string& group) {
  const auto& catalog = i18n::Catalog::embedded();
  boost::json::array out;
  for (auto code : codes) {
    std::string key = "web." + group + "." + std::string(code);
    out.push_back(boost::json::object{{"code", code},
                                      {"label", boost::json::object{{"vi", catalog.get(i18n::Locale::vi, key)},
                                                                    {"en", catalog.get(i18n::Locale::en, key)}}}});
  }
  return out;
}

// Owner kinds, statuses, sharing levels, storage, funding and check results: what a client
// needs to offer choices without a copy of the registry's lists.
http::Response taxonomies(const Deps&, http::Request&, const Caller&) {
  static const std::string body = boost::json::serialize(boost::json::object{
      {"owner_kinds", labelled(cameras::owner_kind_codes(), "camera_owner")},
      {"statuses", labelled(cameras::status_codes(), "camera_status")},
      {"sharings", labelled(cameras::sharing_codes(), "camera_sharing")},
      {"storages", labelled(cameras::storage_codes(), "camera_storage")},
      {"fundings", labelled(cameras::funding_codes(), "camera_funding")},
      {"check_results", labelled(cameras::check_result_codes(), "camera_check")},
  });
  auto res = http::Response::text(200, body, "application/json; charset=utf-8");
  res.set("Cache-Control", "private, max-age=3600");
  return res;
}

}  // namespace

void add_cameras_routes(http::Router& router, const Auth& auth, const cameras::Service& cameras) {
  Routes<Deps> routes(router, auth, Deps{cameras});
  routes.staff("GET", "/api/v1/cameras", list_cameras);
  routes.staff("POST", "/api/v1/cameras", create_camera);
  // Answered where the request was read: a search decides in memory, and on PostgreSQL
  // reads the rows it lists without holding this thread (Service::search_then).
  routes.staff("GET", "/api/v1/cameras/search", search, http::RouteOptions{.blocking = false});
  routes.staff("GET", "/api/v1/cameras/cones", cones);
  routes.staff("GET", "/api/v1/cameras/maintenance", maintenance);
  routes.staff("GET", "/api/v1/cameras/taxonomies", taxonomies);
  routes.staff("POST", "/api/v1/cameras/route-search", route_search);
  routes.staff("POST", "/api/v1/cameras/import", import_cameras);
  routes.staff("GET", "/api/v1/cameras/export.csv", export_csv);
  routes.staff("GET", "/api/v1/cameras/export.xlsx", export_xlsx);
  routes.staff("GET", "/api/v1/cameras/{id}", get_camera);
  routes.staff("PUT", "/api/v1/cameras/{id}", update_camera);
  routes.staff("POST", "/api/v1/cameras/{id}/status", change_status);
  routes.staff("POST", "/api/v1/cameras/{id}/checks", record_check);
  routes.staff("POST", "/api/v1/cameras/{id}/reconfirm", reconfirm);
  routes.staff("POST", "/api/v1/cameras/{id}/confirm", confirm);
  routes.staff("GET", "/api/v1/cameras/{id}/status-at", status_at);
  routes.staff("DELETE", "/api/v1/cameras/{id}", erase_camera);
  routes.staff("GET", "/api/v1/cameras/{id}/owner", get_owner);
  routes.staff("PUT", "/api/v1/cameras/{id}/owner", set_owner);
  add_camera_coverage_routes(router, auth, cameras);
}

}  // namespace antq::api
