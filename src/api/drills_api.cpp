// /api/v1/community/drills/{uuid}: a fire-safety group's drill, recorded online or from a
// phone's outbox by the id the phone made, under the offline rule (community/offline.hpp:
// sent twice, stored once; a stale base version is a 409, nothing written; the client
// GETs the drill and lets the member choose); and a group's drills. A drill's photos:
// one at a time as multipart/form-data (a part named "file"), listed, and each shown by
// /api/v1/community/files/{id}.
#include <boost/json.hpp>

#include <algorithm>

#include "api/community_files.hpp"
#include "api/community_json.hpp"
#include "api/fire_api.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::FireGroups& fire;
};

std::string drill_id(const http::Request& req) { return record_id(req, "drill"); }

community::DrillInput read_drill(const boost::json::object& body) {
  json::Reader r(body);
  community::DrillInput in;
  in.group_id = r.required_integer("group_id").value_or(0);
  in.held_on = r.required_text("held_on", 40).value_or("");
  in.scenario = r.required_text("scenario", 2001).value_or("");
  in.participants = int_field(r, "participants", 0);
  in.observers = r.text("observers", 2001).value_or("");
  in.evaluation = r.required_text("evaluation", 20).value_or("");
  in.evaluation_note = r.text("evaluation_note", 2001).value_or("");
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

// 201 inserted; 200 replayed (nothing written) or updated; 409 from the service when stale.
http::Response put_drill(const Deps& d, http::Request& req, const Caller& c) {
  auto id = drill_id(req);
  auto written = d.fire.record_drill(c.actor, id, read_drill(json_body(req)));
  int status = written.outcome == community::Outcome::inserted ? 201 : 200;
  return http::Response::json(status, boost::json::object{{"drill", drill_json(written.drill)},
                                                          {"outcome", std::string(code_of(written.outcome))}});
}

http::Response get_drill(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, drill_json(d.fire.drill(c.actor, drill_id(req))));
}

http::Response group_drills(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& drill : d.fire.drills(c.actor, path_id(req))) items.push_back(drill_json(drill));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

// One photo as multipart/form-data: the part "file" with its file name. The bytes past the
// service's limit are not kept (it answers file: file_too_large); a body past the route's
// upload limit is a 413 before it is read.
http::Response add_photo(const Deps& d, http::Request& req, const Caller& c) {
  auto id = drill_id(req);
  auto upload = read_upload(req, community::FireGroups::kMaxPhotoBytes + 1);
  return http::Response::json(201, community_file_json(d.fire.add_drill_photo(c.actor, id, upload.bytes, upload.name)));
}

http::Response drill_photos(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& f : d.fire.drill_photos(c.actor, drill_id(req))) items.push_back(community_file_json(f));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

// A photo as stored (without its metadata), shown in the page; named in ASCII by its id
// (the uploaded name is in the JSON, never in a header), never cached, sandboxed as the
// tips' files are.
http::Response get_file(const Deps& d, http::Request& req, const Caller& c) {
  auto [file, bytes] = d.fire.file(c.actor, path_id(req));
  auto ext = file.mime.substr(file.mime.find('/') + 1);
  if (ext == "jpeg") ext = "jpg";
  auto res = http::Response::text(200, std::move(bytes), file.mime);
  res.set("Content-Disposition", "inline; filename=\"anh-" + std::to_string(file.id) + "." + ext + "\"");
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");
  return res;
}

}  // namespace

void add_drill_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups) {
  Routes<Deps> routes(router, auth, Deps{fire_groups});
  routes.staff("PUT", "/api/v1/community/drills/{id}", put_drill);
  routes.staff("GET", "/api/v1/community/drills/{id}", get_drill);
  routes.staff("GET", "/api/v1/community/fire-groups/{id}/drills", group_drills);
  // Room for the multipart headers; a photo over the limit that fits is the service's 422.
  routes.staff("POST", "/api/v1/community/drills/{id}/photos", add_photo,
               {.upload_limit = community::FireGroups::kMaxPhotoBytes + std::size_t{1024} * 1024});
  routes.staff("GET", "/api/v1/community/drills/{id}/photos", drill_photos);
  routes.staff("GET", "/api/v1/community/files/{id}", get_file);
}

}  // namespace antq::api
