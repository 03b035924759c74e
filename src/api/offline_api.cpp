#include "api/offline_api.hpp"

#include <boost/json.hpp>

#include "api/community_json.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  const community::OfflinePacks& packs;
};

boost::json::object household_json(const community::PackHousehold& h) {
  const community::Household& x = h.household;
  return boost::json::object{
      {"id", x.id},
      {"code", x.code},
      {"head_name", x.head_name},
      {"address", x.address},
      {"members", x.members},
      {"fire_group_id", optional_value(h.fire_group_id)},
      {"version", x.version},
      {"registration", h.registration ? boost::json::value(registration_json(*h.registration)) : nullptr},
  };
}

boost::json::object group_json(const community::PackGroup& g) {
  return boost::json::object{
      {"id", g.group.id},
      {"code", g.group.code},
      {"name", g.group.name},
      {"leader_household_id", optional_value(g.group.leader_household_id)},
      {"last_drill_on", optional_value(g.group.last_drill_on)},
      {"household_ids", boost::json::array(g.household_ids.begin(), g.household_ids.end())},
      {"version", g.group.version},
  };
}

// A member as the phone needs them to name a patrol's members: no birth date, no phone.
boost::json::object team_json(const community::PackTeam& t) {
  boost::json::array members;
  for (const auto& m : t.members) {
    members.push_back(boost::json::object{
        {"id", m.id}, {"full_name", m.full_name}, {"position", m.position}, {"joined_on", m.joined_on}});
  }
  return boost::json::object{{"id", t.team.id},
                             {"code", t.team.code},
                             {"name", t.team.name},
                             {"founded_on", optional_value(t.team.founded_on)},
                             {"members", std::move(members)},
                             {"version", t.team.version}};
}

template <class T, class Render>
boost::json::array array_of(const std::vector<T>& items, Render render) {
  boost::json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(render(item));
  return out;
}

std::string render_pack(const community::OfflinePack& p) {
  boost::json::value boundary = nullptr;
  if (p.boundary) boundary = boost::json::parse(*p.boundary);
  boost::json::object body{
      {"village", unit_json(p.village, p.today)},
      {"commune", boost::json::object{{"id", p.commune.id}, {"code", p.commune.code}, {"name", p.commune.name}}},
      {"today", p.today},
      {"year", p.year},
      {"recent_from", p.recent_from},
      {"boundary", std::move(boundary)},
      {"boundary_of", p.boundary_of.empty() ? boost::json::value(nullptr) : boost::json::value(p.boundary_of)},
      {"households", array_of(p.households, household_json)},
      {"fire_groups", array_of(p.groups, group_json)},
      {"extinguishers", array_of(p.extinguishers, extinguisher_json)},
      {"gear", array_of(p.gear, gear_json)},
      {"teams", array_of(p.teams, team_json)},
      {"patrols", array_of(p.patrols, patrol_json)},
      {"drills", array_of(p.drills, drill_json)},
      {"meetings", array_of(p.meetings, meeting_json)},
      {"extinguisher_checks", array_of(p.checks, extinguisher_check_json)},
  };
  return boost::json::serialize(body);
}

http::Response offline_pack(const Deps& d, http::Request& req, const Caller& c) {
  auto village_id = optional_id_param(req, "village_id");
  if (!village_id) throw Error::field("village_id", "required");
  auto pack = d.packs.pack(c.actor, *village_id, render_pack, req.header("if-none-match").value_or(""));
  return cached_response(req, pack.etag, pack.body, "application/json");
}

}  // namespace

void add_offline_routes(http::Router& router, const Auth& auth, const community::OfflinePacks& packs) {
  Routes<Deps> routes(router, auth, Deps{packs});
  routes.staff("GET", "/api/v1/community/offline-pack", offline_pack);
}

}  // namespace antq::api
