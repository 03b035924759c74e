// What hangs on a model site: /model-sites/{id}/board, /teams, /assessments/{year},
// /regulation and /activities, /model-teams/{id}, and /model-activities/{uuid} (the log,
// recorded online or from a phone's outbox under the offline rule, as patrols are). Each
// change answers the site with all that hangs on it. Dates are 'YYYY-MM-DD', checked by
// the service.
#include <boost/json.hpp>

#include <algorithm>
#include <limits>

#include "api/community_files.hpp"
#include "api/model_json.hpp"
#include "api/models_api.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::Models& models;
};

constexpr std::size_t kMaxListed = 200;  // the service's own limits are lower and named

// A list of objects under `key`, each read by `read`; absent or null: none; `key:
// wrong_type` when it is not a list of objects with values of the right types.
template <class Read>
auto read_list(json::Reader& r, const boost::json::object& body, const char* key, Read read) {
  std::vector<decltype(read(std::declval<json::Reader&>()))> out;
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_array() || it->value().as_array().size() > kMaxListed) {
    r.errors().add(key, it->value().is_array() ? "too_long" : "wrong_type");
    return out;
  }
  for (const auto& item : it->value().as_array()) {
    if (!item.is_object()) {
      r.errors().add(key, "wrong_type");
      return decltype(out){};
    }
    json::Reader inner(item.as_object());
    out.push_back(read(inner));
    // A value of the wrong type inside; what is missing or wrong is the service's to name.
    if (!inner.errors().empty()) {
      r.errors().add(key, "wrong_type");
      return decltype(out){};
    }
  }
  return out;
}

community::BoardMember read_board_member(json::Reader& r) {
  community::BoardMember m;
  m.full_name = r.text("full_name", 201).value_or("");
  m.title = r.text("title", 201).value_or("");
  m.role = r.text("role", 20).value_or("");
  return m;
}

community::ModelTeamMember read_team_member(json::Reader& r) {
  community::ModelTeamMember m;
  m.full_name = r.text("full_name", 201).value_or("");
  m.role = r.text("role", 20).value_or("");
  m.joined_on = r.text("joined_on", 40).value_or("");
  m.left_on = date_field(r, "left_on");
  return m;
}

community::ModelTeamInput read_team(json::Reader& r, const boost::json::object& body) {
  community::ModelTeamInput in;
  in.name = r.text("name", 201).value_or("");
  in.founded_on = r.text("founded_on", 40).value_or("");
  in.ended_on = date_field(r, "ended_on");
  in.members = read_list(r, body, "members", read_team_member);
  return in;
}

// PUT /model-sites/{id}/board {version, members: [{full_name, title, role}]}
http::Response put_board(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto version = r.required_integer("version");
  auto members = read_list(r, body, "members", read_board_member);
  r.finish();
  return http::Response::json(200, model_site_detail_json(d.models.set_board(c.actor, id, *version, members)));
}

http::Response add_team(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_team(r, body);
  r.finish();
  return http::Response::json(201, model_site_detail_json(d.models.add_team(c.actor, id, in)));
}

http::Response update_team(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, read_team);
  return http::Response::json(200, model_site_detail_json(d.models.update_team(c.actor, id, in)));
}

// DELETE /model-teams/{id}?version=: a team entered by mistake, with its members.
http::Response delete_team(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto version = optional_id_param(req, "version");
  if (!version) throw Error::field("version", "required");
  return http::Response::json(200, model_site_detail_json(d.models.delete_team(c.actor, id, *version)));
}

// PUT /model-sites/{id}/assessments/{year} {version, rating, note, assessed_on}: `version`
// is the site's, as the page saw it.
http::Response put_assessment(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto year = path_year(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto version = r.required_integer("version");
  community::Assessment in;
  in.rating = r.required_text("rating", 40).value_or("");
  in.note = r.text("note", 2001).value_or("");
  in.assessed_on = r.text("assessed_on", 40).value_or("");
  r.finish();
  return http::Response::json(200, model_site_detail_json(d.models.assess(c.actor, id, year, *version, in)));
}

http::Response put_regulation(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto upload = read_upload(req, community::Models::kMaxRegulationBytes + 1);
  return http::Response::json(200,
                              model_site_detail_json(d.models.set_regulation(c.actor, id, upload.bytes, upload.name)));
}

// The document as kept, to save (never shown inline), named in ASCII by the site's id.
http::Response get_regulation(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto [file, bytes] = d.models.regulation(c.actor, id);
  auto ext = file.mime == "application/pdf"                            ? std::string("pdf")
             : file.mime.find("wordprocessingml") != std::string::npos ? std::string("docx")
                                                                       : file.mime.substr(file.mime.find('/') + 1);
  if (ext == "jpeg") ext = "jpg";
  auto res = http::Response::text(200, std::move(bytes), file.mime);
  res.set("Content-Disposition", "attachment; filename=\"quy-che-" + std::to_string(id) + "." + ext + "\"");
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");
  return res;
}

std::string activity_id(const http::Request& req) { return record_id(req, "model activity"); }

community::ModelActivityInput read_activity(const boost::json::object& body) {
  json::Reader r(body);
  community::ModelActivityInput in;
  in.site_id = r.required_integer("site_id").value_or(0);
  in.held_on = r.required_text("held_on", 40).value_or("");
  in.kind = r.required_text("kind", 20).value_or("");
  in.participants = int_field(r, "participants", 0);
  in.content = r.text("content", 4001).value_or("");  // required by the service, with the other fields
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

// 201 inserted; 200 replayed (nothing written) or updated; 409 from the service when stale.
http::Response put_activity(const Deps& d, http::Request& req, const Caller& c) {
  auto id = activity_id(req);
  auto body = json_body(req);
  auto written = d.models.record_activity(c.actor, id, read_activity(body));
  return written_response(written, "activity", model_activity_json);
}

http::Response get_activity(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, model_activity_json(d.models.activity(c.actor, activity_id(req))));
}

http::Response site_activities(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  return items_response(d.models.activities(c.actor, id, text_param(req, "from"), text_param(req, "to")),
                        model_activity_json);
}

}  // namespace

void add_model_part_routes(http::Router& router, const Auth& auth, const community::Models& models) {
  Routes<Deps> routes(router, auth, Deps{models});
  routes.staff("PUT", "/api/v1/community/model-sites/{id}/board", put_board);
  routes.staff("POST", "/api/v1/community/model-sites/{id}/teams", add_team);
  routes.staff("PUT", "/api/v1/community/model-teams/{id}", update_team);
  routes.staff("DELETE", "/api/v1/community/model-teams/{id}", delete_team);
  routes.staff("PUT", "/api/v1/community/model-sites/{id}/assessments/{year}", put_assessment);
  // Room for the multipart headers; a document over the limit that fits is the service's 422.
  routes.staff("PUT", "/api/v1/community/model-sites/{id}/regulation", put_regulation,
               {.upload_limit = community::Models::kMaxRegulationBytes + std::size_t{1024} * 1024});
  routes.staff("GET", "/api/v1/community/model-sites/{id}/regulation", get_regulation);
  routes.staff("GET", "/api/v1/community/model-sites/{id}/activities", site_activities);
  routes.staff("PUT", "/api/v1/community/model-activities/{id}", put_activity);
  routes.staff("GET", "/api/v1/community/model-activities/{id}", get_activity);
}

}  // namespace antq::api
