// /api/v1/community/meetings/{uuid} and /teams/{id}/meetings: a security team's meetings
// (họp tổ), recorded online or from a phone's outbox by the id the phone made, under the
// offline rule (community/offline.hpp: sent twice, stored once; a stale base version is a
// 409), as patrols are. Dates are 'YYYY-MM-DD', checked by the service.
#include <boost/json.hpp>

#include <algorithm>
#include <limits>

#include "api/community_files.hpp"
#include "api/community_json.hpp"
#include "api/teams_api.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::Teams& teams;
};

std::string meeting_id(const http::Request& req) { return record_id(req, "meeting"); }

community::MeetingInput read_meeting(const boost::json::object& body) {
  json::Reader r(body);
  community::MeetingInput in;
  in.team_id = r.required_integer("team_id").value_or(0);
  in.held_on = r.required_text("held_on", 40).value_or("");
  constexpr std::int64_t kAnyInt = std::numeric_limits<int>::max();
  in.attendees =
      static_cast<int>(std::clamp<std::int64_t>(r.required_integer("attendees").value_or(0), -kAnyInt, kAnyInt));
  in.content = r.text("content", 4001).value_or("");  // required by the service, with the other fields
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

// 201 inserted; 200 replayed (nothing written) or updated; 409 from the service when stale.
http::Response put_meeting(const Deps& d, http::Request& req, const Caller& c) {
  auto id = meeting_id(req);
  auto body = json_body(req);
  auto written = d.teams.record_meeting(c.actor, id, read_meeting(body));
  return written_response(written, "meeting", meeting_json);
}

http::Response get_meeting(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, meeting_json(d.teams.meeting(c.actor, meeting_id(req))));
}

// From `from` to `to` (default the last year), newest first.
http::Response team_meetings(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  return items_response(d.teams.meetings(c.actor, id, text_param(req, "from"), text_param(req, "to")), meeting_json);
}

}  // namespace

void add_meeting_routes(http::Router& router, const Auth& auth, const community::Teams& teams) {
  Routes<Deps> routes(router, auth, Deps{teams});
  routes.staff("GET", "/api/v1/community/teams/{id}/meetings", team_meetings);
  routes.staff("PUT", "/api/v1/community/meetings/{id}", put_meeting);
  routes.staff("GET", "/api/v1/community/meetings/{id}", get_meeting);
}

}  // namespace antq::api
