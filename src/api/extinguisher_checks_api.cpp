// /api/v1/community/extinguisher-checks/{uuid} and /extinguishers/{id}/checks: checks of a
// household's extinguishers, recorded online or from a phone's outbox by the id the phone
// made, under the offline rule (community/offline.hpp: sent twice, stored once; a stale
// base version is a 409), as drills are. The answer carries the extinguisher as it stands
// after the check, so that a phone updates its copy. Dates are 'YYYY-MM-DD', checked by
// the service.
#include <boost/json.hpp>

#include "api/community_files.hpp"
#include "api/community_json.hpp"
#include "api/fire_api.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::FireGroups& fire;
};

std::string check_id(const http::Request& req) { return record_id(req, "extinguisher check"); }

community::ExtinguisherCheckInput read_check(const boost::json::object& body) {
  json::Reader r(body);
  community::ExtinguisherCheckInput in;
  in.extinguisher_id = r.required_integer("extinguisher_id").value_or(0);
  in.checked_on = r.required_text("checked_on", 40).value_or("");
  in.result = r.required_text("result", 20).value_or("");
  in.new_expires_on = r.text("new_expires_on", 40);
  in.note = r.text("note", 2001).value_or("");
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

// 201 inserted; 200 replayed (nothing written) or updated; 409 from the service when stale.
http::Response put_check(const Deps& d, http::Request& req, const Caller& c) {
  auto written = d.fire.record_check(c.actor, check_id(req), read_check(json_body(req)));
  int status = written.outcome == community::Outcome::inserted ? 201 : 200;
  return http::Response::json(status, boost::json::object{{"check", extinguisher_check_json(written.check)},
                                                          {"extinguisher", extinguisher_json(written.extinguisher)},
                                                          {"outcome", std::string(code_of(written.outcome))}});
}

http::Response get_check(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, extinguisher_check_json(d.fire.check(c.actor, check_id(req))));
}

http::Response extinguisher_checks(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& check : d.fire.checks(c.actor, path_id(req))) items.push_back(extinguisher_check_json(check));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void add_extinguisher_check_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups) {
  Routes<Deps> routes(router, auth, Deps{fire_groups});
  routes.staff("PUT", "/api/v1/community/extinguisher-checks/{id}", put_check);
  routes.staff("GET", "/api/v1/community/extinguisher-checks/{id}", get_check);
  routes.staff("GET", "/api/v1/community/extinguishers/{id}/checks", extinguisher_checks);
}

}  // namespace antq::api
