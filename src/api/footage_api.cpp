// /api/v1/footage-requests/…, /api/v1/footage-tasks/…: footage requests for commune
// officers. Times in requests are Vietnam's local time ('YYYY-MM-DDTHH:MM').
#include "api/footage_api.hpp"

#include <boost/json.hpp>

#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const cameras::Requests& requests;
};

boost::json::object task_json(const cameras::Task& t) {
  return boost::json::object{
      {"id", t.id},
      {"camera_id", t.camera_id ? boost::json::value(*t.camera_id) : nullptr},
      {"camera_code", t.camera_code},
      {"camera_place", t.camera_place},
      {"deadline_at", time::format_iso_utc(t.deadline_at)},
      {"status", t.status},
      {"reference", t.reference},
      {"sha256", t.sha256 ? boost::json::value(*t.sha256) : nullptr},
      {"note", t.note},
      {"answered_by", t.answered_by ? boost::json::value(*t.answered_by) : nullptr},
      {"answered_at", optional_instant(t.answered_at)},
      {"link_active", t.link_active},
      {"link_expires_at", optional_instant(t.link_active ? t.link_expires_at : std::nullopt)},
  };
}

boost::json::object request_json(const cameras::Request& r, bool with_tasks) {
  boost::json::object o{
      {"id", r.id},
      {"unit_id", r.unit_id},
      {"unit_name", r.unit_name},
      {"number", r.number},
      {"origin", r.origin},
      {"source_ref", r.source_ref},
      {"lat", r.point ? boost::json::value(r.point->lat) : nullptr},
      {"lon", r.point ? boost::json::value(r.point->lon) : nullptr},
      {"from", time::format_iso_utc(r.from)},
      {"to", time::format_iso_utc(r.to)},
      {"reason", r.reason},
      {"case_ref", r.case_ref},
      {"status", r.status},
      {"created_by", r.created_by},
      {"created_at", time::format_iso_utc(r.created_at)},
      {"closed_at", optional_instant(r.closed_at)},
  };
  if (with_tasks) {
    boost::json::array tasks;
    for (const auto& t : r.tasks) tasks.push_back(task_json(t));
    o["tasks"] = std::move(tasks);
  }
  return o;
}

http::Response create_request(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  cameras::NewRequest in;
  in.origin = r.text("origin", 20).value_or("search");
  in.source_ref = r.text("source_ref", 201).value_or("");
  in.from = local_time_field(r.required_text("from", 40), "from", r.errors());
  in.to = local_time_field(r.required_text("to", 40), "to", r.errors());
  in.reason = r.text("reason", 501).value_or("");
  in.case_ref = r.text("case_ref", 101).value_or("");
  in.camera_ids = r.integers("camera_ids").value_or(std::vector<std::int64_t>{});
  for (const char* key : {"lat", "lon"}) {
    if (auto it = body.find(key); it != body.end() && !it->value().is_null() && !it->value().is_number()) {
      r.errors().add(key, "wrong_type");
    }
  }
  const auto* lat = body.if_contains("lat");
  const auto* lon = body.if_contains("lon");
  bool has_lat = lat && lat->is_number();
  bool has_lon = lon && lon->is_number();
  if (has_lat && has_lon) {
    in.point = geo::Point{lon->to_number<double>(), lat->to_number<double>()};
  } else if (has_lat != has_lon) {
    r.errors().add(has_lat ? "lon" : "lat", "required");  // half a point
  }
  r.finish();
  return http::Response::json(201, request_json(d.requests.create(c.actor, in), true));
}

http::Response list_requests(const Deps& d, http::Request& req, const Caller& c) {
  auto page = d.requests.list(c.actor, text_param(req, "status"), int_param(req, "page", 1, 1, 1000000),
                              int_param(req, "page_size", 50, 1, 200));
  boost::json::array items;
  for (const auto& r : page.items) items.push_back(request_json(r, false));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response get_request(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, request_json(d.requests.get(c.actor, path_id(req)), true));
}

http::Response close_request(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, request_json(d.requests.close(c.actor, path_id(req)), true));
}

http::Response issue_link(const Deps& d, http::Request& req, const Caller& c) {
  auto link = d.requests.issue_link(c.actor, path_id(req));
  auto res = http::Response::json(201, boost::json::object{{"token", link.token},
                                                           {"path", "/camera/yeu-cau?ma=" + link.token},
                                                           {"expires_at", time::format_iso_utc(link.expires_at)}});
  res.set("Cache-Control", "no-store");
  return res;
}

http::Response record_outcome(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  cameras::Outcome o;
  o.status = r.required_text("status", 20).value_or("");
  o.reference = r.text("reference", 501).value_or("");
  o.sha256 = r.text("sha256", 64 + 1).value_or("");
  o.note = r.text("note", 1001).value_or("");
  r.finish();
  return http::Response::json(200, request_json(d.requests.record_outcome(c.actor, path_id(req), o), true));
}

}  // namespace

void add_footage_routes(http::Router& router, const Auth& auth, const cameras::Requests& requests) {
  Routes<Deps> routes(router, auth, Deps{requests});
  routes.staff("GET", "/api/v1/footage-requests", list_requests);
  routes.staff("POST", "/api/v1/footage-requests", create_request);
  routes.staff("GET", "/api/v1/footage-requests/{id}", get_request);
  routes.staff("POST", "/api/v1/footage-requests/{id}/close", close_request);
  routes.staff("POST", "/api/v1/footage-tasks/{id}/link", issue_link);
  routes.staff("POST", "/api/v1/footage-tasks/{id}/outcome", record_outcome);
}

}  // namespace antq::api
