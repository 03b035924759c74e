// /api/v1/community/teams…: list, read, found and change the village security teams (Tổ
// bảo vệ an ninh, trật tự ở cơ sở) over one or more villages of a commune; add and change
// their members (a person in one team at a time, one leader at a time; whether a member has
// a phone, never the phone); and their patrols, recorded online or from a phone's outbox by
// the id the phone made, under the offline rule (community/offline.hpp: sent twice, stored
// once; a stale base version is a 409), with the route walked as [lat, lon] points (a route
// outside the commune waits for `confirm_route`). Dates are 'YYYY-MM-DD', checked by the
// service.
//
// A team is the same object everywhere, `members` being how many are in it today; its page
// (GET /teams/{id}) adds `member_list`, every member in and out.
#include "api/teams_api.hpp"

#include "api/community_json.hpp"

#include <boost/json.hpp>

#include "api/community_files.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::Teams& teams;
};

// The villages one team may name and the members one patrol may name: far above a
// commune's villages and a team's members, far below what would keep a write busy.
constexpr std::size_t kMaxVillageIds = 100;
constexpr std::size_t kMaxMemberIds = 200;

boost::json::object team_json(const community::TeamView& v) {
  const community::SecurityTeam& t = v.team;
  boost::json::array villages;
  for (const auto& village : v.villages) {
    villages.push_back(boost::json::object{{"id", village.id}, {"name", village.name}});
  }
  return boost::json::object{
      {"id", t.id},
      {"code", t.code},
      {"commune_id", t.commune_id},
      {"commune_name", v.commune_name},
      {"name", t.name},
      {"decision_number", t.decision_number},
      {"decision_on", optional_value(t.decision_on)},
      {"decision_signer", t.decision_signer},
      {"founded_on", optional_value(t.founded_on)},
      {"dissolved_on", optional_value(t.dissolved_on)},
      {"note", t.note},
      {"demo", t.demo},
      {"version", t.version},
      {"villages", std::move(villages)},
      {"members", v.members},
  };
}

// A member: whether they have a phone, never the phone.
boost::json::object member_json(const community::TeamMember& m) {
  return boost::json::object{
      {"id", m.id},
      {"team_id", m.team_id},
      {"full_name", m.full_name},
      {"birth_date", m.birth_date.empty() ? boost::json::value() : boost::json::value(m.birth_date)},
      {"birth_year", m.birth_year},
      {"position", m.position},
      {"residence", m.residence},
      {"has_phone", m.has_phone},
      {"phone_public", m.phone_public},
      {"joined_on", m.joined_on},
      {"left_on", optional_value(m.left_on)},
      {"note", m.note},
      {"version", m.version},
  };
}

boost::json::object detail_json(const community::TeamDetail& d) {
  auto o = team_json(d.view);
  boost::json::array members;
  for (const auto& m : d.members) members.push_back(member_json(m));
  o["member_list"] = std::move(members);
  return o;
}

std::string patrol_id(const http::Request& req) { return record_id(req, "patrol"); }

// A required list of ids ([] is the service's `required`), at most `max` long.
std::vector<std::int64_t> ids_field(json::Reader& r, const boost::json::object& body, std::string_view key,
                                    std::size_t max) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) {
    r.errors().add(std::string(key), "required");
    return {};
  }
  auto ids = r.integers(key).value_or(std::vector<std::int64_t>{});
  if (ids.size() > max) r.errors().add(std::string(key), "too_long");
  return ids;
}

// The team's fields of a POST or PUT body; the caller finishes `r`.
community::TeamInput read_team(json::Reader& r, const boost::json::object& body) {
  community::TeamInput in;
  in.village_ids = ids_field(r, body, "village_ids", kMaxVillageIds);
  in.name = r.text("name", 201).value_or("");
  in.decision_number = r.text("decision_number", 51).value_or("");
  in.decision_on = date_field(r, "decision_on");
  in.decision_signer = r.text("decision_signer", 201).value_or("");
  in.founded_on = date_field(r, "founded_on");
  in.dissolved_on = date_field(r, "dissolved_on");
  in.note = r.text("note", 2001).value_or("");
  return in;
}

// A member's fields of a POST or PUT body; the caller finishes `r`. `phone` absent or
// null: none (on a change: kept); "" removes it.
community::MemberInput read_member(json::Reader& r) {
  community::MemberInput in;
  in.full_name = r.required_text("full_name", 201).value_or("");
  in.birth_date = date_field(r, "birth_date").value_or("");
  in.position = r.required_text("position", 20).value_or("");
  in.residence = r.text("residence", 301).value_or("");
  in.phone = r.text("phone", 41);
  in.phone_public = r.boolean("phone_public").value_or(false);
  in.joined_on = date_field(r, "joined_on").value_or("");
  in.left_on = date_field(r, "left_on");
  in.note = r.text("note", 2001).value_or("");
  return in;
}

community::PatrolInput read_patrol(const boost::json::object& body) {
  json::Reader r(body);
  community::PatrolInput in;
  in.team_id = r.required_integer("team_id").value_or(0);
  in.patrol_on = r.required_text("patrol_on", 40).value_or("");
  in.shift = r.required_text("shift", 20).value_or("");
  in.member_ids = ids_field(r, body, "member_ids", kMaxMemberIds);
  in.route = line_field(body, "route", static_cast<std::size_t>(community::Teams::kMaxRoutePoints), r.errors());
  in.confirm_route = r.boolean("confirm_route").value_or(false);
  in.findings = r.text("findings", 2001).value_or("");
  in.tip_refs = r.text("tip_refs", 2001).value_or("");
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

http::Response list_teams(const Deps& d, http::Request& req, const Caller& c) {
  community::TeamFilter f;
  f.unit_id = optional_id_param(req, "unit_id");
  f.q = text_param(req, "q").value_or("");
  f.include_dissolved = yes_no_param(req, "include_dissolved").value_or(false);
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.teams.list(c.actor, f);
  boost::json::array items;
  for (const auto& v : page.items) items.push_back(team_json(v));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response get_team(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, detail_json(d.teams.get(c.actor, path_id(req))));
}

http::Response create_team(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_team(r, body);
  r.finish();
  return http::Response::json(201, team_json(d.teams.create(c.actor, in)));
}

http::Response update_team(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, read_team);
  return http::Response::json(200, team_json(d.teams.update(c.actor, id, in)));
}

http::Response add_member(const Deps& d, http::Request& req, const Caller& c) {
  auto team_id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_member(r);
  r.finish();
  return http::Response::json(201, member_json(d.teams.add_member(c.actor, team_id, in)));
}

http::Response update_member(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, [](json::Reader& r, const boost::json::object&) { return read_member(r); });
  return http::Response::json(200, member_json(d.teams.update_member(c.actor, id, in)));
}

// 201 inserted; 200 replayed (nothing written) or updated; 409 from the service when stale.
http::Response put_patrol(const Deps& d, http::Request& req, const Caller& c) {
  auto id = patrol_id(req);
  auto written = d.teams.record_patrol(c.actor, id, read_patrol(json_body(req)));
  return written_response(written, "patrol", patrol_json);
}

http::Response get_patrol(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, patrol_json(d.teams.patrol(c.actor, patrol_id(req))));
}

// From `from` to `to` (default the last 90 days), newest first.
http::Response team_patrols(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  boost::json::array items;
  for (const auto& p : d.teams.patrols(c.actor, id, text_param(req, "from"), text_param(req, "to"))) {
    items.push_back(patrol_json(p));
  }
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

// The public member list (Decree 30), named by the team's code.
http::Response member_list(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  return docx_download(d.teams.member_list_docx(c.actor, id),
                       "danh-sach-thanh-vien-to-bao-ve-" + std::to_string(id) + ".docx");
}

}  // namespace

void add_team_routes(http::Router& router, const Auth& auth, const community::Teams& teams) {
  Routes<Deps> routes(router, auth, Deps{teams});
  routes.staff("GET", "/api/v1/community/teams", list_teams);
  routes.staff("POST", "/api/v1/community/teams", create_team);
  routes.staff("GET", "/api/v1/community/teams/{id}", get_team);
  routes.staff("PUT", "/api/v1/community/teams/{id}", update_team);
  routes.staff("POST", "/api/v1/community/teams/{id}/members", add_member);
  routes.staff("GET", "/api/v1/community/teams/{id}/patrols", team_patrols);
  routes.staff("GET", "/api/v1/community/teams/{id}/members.docx", member_list);
  routes.staff("PUT", "/api/v1/community/team-members/{id}", update_member);
  routes.staff("PUT", "/api/v1/community/patrols/{id}", put_patrol);
  routes.staff("GET", "/api/v1/community/patrols/{id}", get_patrol);
}

}  // namespace antq::api
