// /api/v1/community/fire-groups…: list, read, found and change the fire-safety groups of
// the villages and set their members at once (outside 5–15 households a 422
// `members: group_size` until the page resends with a `size_reason`); the extinguishers
// and gear of a household; the groups' firefighting points, typed as people type a point
// (a point outside the commune waits for `confirm_location`); the due lists and the share
// of households in a group per village; the fires and incidents a group attended (when, as
// Vietnam's local 'YYYY-MM-DDTHH:MM'). Dates are 'YYYY-MM-DD', checked by the service; no
// answer carries a phone.
#include "api/fire_api.hpp"

#include "api/community_json.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "platform/error.hpp"

namespace antq::api {
namespace {

using community::FireGroupView;

struct Deps {
  const community::FireGroups& fire;
};

// The households one member list may name: far above a group's 15, far below what would
// keep a write transaction busy.
constexpr std::size_t kMaxHouseholdIds = 200;

// A group as every list and page shows it, with its number of member households.
boost::json::object group_json(const FireGroupView& v) {
  const community::FireGroup& g = v.group;
  return boost::json::object{
      {"id", g.id},
      {"code", g.code},
      {"village_id", g.village_id},
      {"village_name", v.village_name},
      {"name", g.name},
      {"leader_household_id", optional_value(g.leader_household_id)},
      {"founded_on", optional_value(g.founded_on)},
      {"dissolved_on", optional_value(g.dissolved_on)},
      {"size_reason", g.size_reason},
      {"last_drill_on", optional_value(g.last_drill_on)},
      {"note", g.note},
      {"demo", g.demo},
      {"version", g.version},
      {"members", v.members},
  };
}

boost::json::object point_json(const community::FirePoint& p) {
  return boost::json::object{{"id", p.id},   {"group_id", p.group_id},   {"name", p.name}, {"lat", p.lat},
                             {"lon", p.lon}, {"equipment", p.equipment}, {"note", p.note}};
}

boost::json::object incident_json(const community::Incident& i) {
  return boost::json::object{
      {"id", i.id},         {"group_id", i.group_id}, {"occurred_at", time::format_iso_utc(i.occurred_at)},
      {"place", i.place},   {"kind", i.kind},         {"description", i.description},
      {"damage", i.damage}, {"response", i.response},
  };
}

boost::json::object detail_json(const community::FireGroupDetail& d) {
  auto o = group_json(d.view);
  boost::json::array houses;
  for (const auto& h : d.houses) {
    boost::json::array extinguishers;
    for (const auto& e : h.extinguishers) extinguishers.push_back(extinguisher_json(e));
    houses.push_back(boost::json::object{
        {"household_id", h.household_id},
        {"code", h.code},
        {"head_name", h.head_name},
        {"address", h.address},
        {"members", h.members},
        {"extinguishers", std::move(extinguishers)},
        {"gear", h.gear ? boost::json::value(gear_json(*h.gear)) : nullptr},
    });
  }
  o["houses"] = std::move(houses);
  boost::json::array points;
  for (const auto& p : d.points) points.push_back(point_json(p));
  o["points"] = std::move(points);
  return o;
}

boost::json::object due_extinguishers_json(const Page<community::DueExtinguisher>& page) {
  boost::json::array items;
  for (const auto& d : page.items) {
    const community::Extinguisher& e = d.extinguisher;
    items.push_back(boost::json::object{{"id", e.id},
                                        {"household_id", e.household_id},
                                        {"household_code", d.household_code},
                                        {"head_name", d.head_name},
                                        {"group_id", optional_value(d.group_id)},
                                        {"kind", e.kind},
                                        {"capacity_kg", optional_value(e.capacity_kg)},
                                        {"count", e.count},
                                        {"expires_on", e.expires_on}});
  }
  return boost::json::object{{"total", page.total}, {"items", std::move(items)}};
}

boost::json::object due_json(const community::FireDue& due) {
  boost::json::array groups;
  for (const auto& g : due.without_drill.items) {
    groups.push_back(boost::json::object{{"id", g.id},
                                         {"code", g.code},
                                         {"name", g.name},
                                         {"village_id", g.village_id},
                                         {"last_drill_on", optional_value(g.last_drill_on)}});
  }
  boost::json::array houses;
  for (const auto& h : due.without_extinguisher.items) {
    houses.push_back(boost::json::object{{"household_id", h.household_id},
                                         {"code", h.code},
                                         {"head_name", h.head_name},
                                         {"village_id", h.village_id},
                                         {"group_id", h.group_id}});
  }
  return boost::json::object{
      {"day", due.day},
      {"expiring_until", due.expiring_until},
      {"expired", due_extinguishers_json(due.expired)},
      {"expiring", due_extinguishers_json(due.expiring)},
      {"without_drill", boost::json::object{{"total", due.without_drill.total}, {"items", std::move(groups)}}},
      {"without_extinguisher",
       boost::json::object{{"total", due.without_extinguisher.total}, {"items", std::move(houses)}}},
  };
}

boost::json::object coverage_json(const community::FireCoverage& coverage) {
  boost::json::array villages;
  for (const auto& v : coverage.villages) {
    villages.push_back(boost::json::object{{"village_id", v.village_id},
                                           {"village_name", v.village_name},
                                           {"historic", v.historic},
                                           {"households", v.households},
                                           {"in_group", v.in_group},
                                           {"share", optional_value(v.share)}});
  }
  return boost::json::object{{"households", coverage.households},
                             {"in_group", coverage.in_group},
                             {"share", optional_value(coverage.share)},
                             {"villages", std::move(villages)}};
}

// A decimal number field ("capacity_kg": 4 or 4.5); absent or null: none.
std::optional<double> number_field(json::Reader& r, const boost::json::object& body, std::string_view key) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_number()) {
    r.errors().add(std::string(key), "wrong_type");
    return std::nullopt;
  }
  return it->value().to_number<double>();
}

// The whole member list, `household_ids` (required; [] empties the group).
std::vector<std::int64_t> read_household_ids(json::Reader& r, const boost::json::object& body) {
  auto it = body.find("household_ids");
  if (it == body.end() || it->value().is_null()) {
    r.errors().add("household_ids", "required");
    return {};
  }
  auto ids = r.integers("household_ids").value_or(std::vector<std::int64_t>{});
  if (ids.size() > kMaxHouseholdIds) r.errors().add("household_ids", "too_long");
  return ids;
}

// The group's own fields of a POST or PUT body; the caller finishes `r`.
community::FireGroupInput read_group(json::Reader& r) {
  community::FireGroupInput in;
  in.village_id = r.integer("village_id");
  in.name = r.text("name", 201).value_or("");
  in.leader_household_id = r.integer("leader_household_id");
  in.founded_on = date_field(r, "founded_on");
  in.dissolved_on = date_field(r, "dissolved_on");
  in.note = r.text("note", 2001).value_or("");
  return in;
}

// An extinguisher line of a POST or PUT body; the caller finishes `r`.
community::ExtinguisherInput read_extinguisher(json::Reader& r, const boost::json::object& body) {
  community::ExtinguisherInput in;
  in.kind = r.required_text("kind", 40).value_or("");
  in.kind_note = r.text("kind_note", 201).value_or("");
  in.capacity_kg = number_field(r, body, "capacity_kg");
  in.count = int_field(r, "count", 1);
  in.manufactured_on = date_field(r, "manufactured_on");
  in.last_refill_on = date_field(r, "last_refill_on");
  in.expires_on = r.required_text("expires_on", 40).value_or("");
  return in;
}

community::FirePointInput read_point(const boost::json::object& body) {
  json::Reader r(body);
  community::FirePointInput in;
  in.name = r.text("name", 201).value_or("");
  in.point = r.required_text("point", 100).value_or("");
  in.equipment = r.text("equipment", 2001).value_or("");
  in.note = r.text("note", 2001).value_or("");
  in.confirm_location = r.boolean("confirm_location").value_or(false);
  r.finish();
  return in;
}

http::Response list_groups(const Deps& d, http::Request& req, const Caller& c) {
  community::FireGroupFilter f;
  f.unit_id = optional_id_param(req, "unit_id");
  f.q = text_param(req, "q").value_or("");
  f.include_dissolved = yes_no_param(req, "include_dissolved").value_or(false);
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.fire.list(c.actor, f);
  boost::json::array items;
  for (const auto& v : page.items) items.push_back(group_json(v));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response get_group(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, detail_json(d.fire.get(c.actor, path_id(req))));
}

http::Response create_group(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_group(r);
  in.household_ids = read_household_ids(r, body);
  in.size_reason = r.text("size_reason", 2001).value_or("");
  r.finish();
  return http::Response::json(201, group_json(d.fire.create(c.actor, in)));
}

http::Response update_group(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, [](json::Reader& r, const boost::json::object&) { return read_group(r); });
  return http::Response::json(200, group_json(d.fire.update(c.actor, id, in)));
}

http::Response set_members(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto version = r.required_integer("version");
  auto ids = read_household_ids(r, body);
  auto reason = r.text("size_reason", 2001).value_or("");
  r.finish();
  return http::Response::json(200, group_json(d.fire.set_members(c.actor, id, ids, reason, *version)));
}

http::Response add_extinguisher(const Deps& d, http::Request& req, const Caller& c) {
  auto household_id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_extinguisher(r, body);
  r.finish();
  return http::Response::json(201, extinguisher_json(d.fire.add_extinguisher(c.actor, household_id, in)));
}

http::Response update_extinguisher(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, read_extinguisher);
  return http::Response::json(200, extinguisher_json(d.fire.update_extinguisher(c.actor, id, in)));
}

// Out of service on `retired_on` (default today): it leaves the due lists, stays on the page.
http::Response retire_extinguisher(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto on = date_field(r, "retired_on");
  auto version = r.required_integer("version");
  r.finish();
  return http::Response::json(200, extinguisher_json(d.fire.retire_extinguisher(c.actor, id, on, *version)));
}

// The house's other gear, the whole of it at once (what is left out is none).
http::Response put_gear(const Deps& d, http::Request& req, const Caller& c) {
  auto household_id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  community::HouseholdGear gear;
  gear.forcing_tools = r.text("forcing_tools", 201).value_or("");
  gear.forcing_tool_count = int_field(r, "forcing_tool_count", 0);
  gear.bell = r.boolean("bell").value_or(false);
  gear.push_buttons = int_field(r, "push_buttons", 0);
  gear.interlinked = r.boolean("interlinked").value_or(false);
  gear.checked_on = date_field(r, "checked_on");
  r.finish();
  return http::Response::json(200, gear_json(d.fire.put_gear(c.actor, household_id, gear)));
}

http::Response add_point(const Deps& d, http::Request& req, const Caller& c) {
  auto group_id = path_id(req);
  auto in = read_point(json_body(req));
  return http::Response::json(201, point_json(d.fire.add_point(c.actor, group_id, in)));
}

http::Response update_point(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = read_point(json_body(req));
  return http::Response::json(200, point_json(d.fire.update_point(c.actor, id, in)));
}

http::Response delete_point(const Deps& d, http::Request& req, const Caller& c) {
  d.fire.delete_point(c.actor, path_id(req));
  return http::Response::empty(204);
}

http::Response fire_due(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, due_json(d.fire.due(c.actor, optional_id_param(req, "unit_id"))));
}

http::Response fire_coverage(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, coverage_json(d.fire.coverage(c.actor, optional_id_param(req, "unit_id"))));
}

http::Response record_incident(const Deps& d, http::Request& req, const Caller& c) {
  auto group_id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  community::IncidentInput in;
  in.occurred_at = local_time_field(r.required_text("occurred_at", 40), "occurred_at", r.errors());
  in.place = r.text("place", 301).value_or("");
  in.kind = r.required_text("kind", 20).value_or("");
  in.description = r.text("description", 2001).value_or("");
  in.damage = r.text("damage", 2001).value_or("");
  in.response = r.text("response", 2001).value_or("");
  r.finish();
  return http::Response::json(201, incident_json(d.fire.record_incident(c.actor, group_id, in)));
}

// Newest first.
http::Response group_incidents(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& i : d.fire.incidents(c.actor, path_id(req))) items.push_back(incident_json(i));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void add_fire_routes(http::Router& router, const Auth& auth, const community::FireGroups& fire_groups) {
  Routes<Deps> routes(router, auth, Deps{fire_groups});
  routes.staff("GET", "/api/v1/community/fire-groups", list_groups);
  routes.staff("POST", "/api/v1/community/fire-groups", create_group);
  routes.staff("GET", "/api/v1/community/fire-groups/{id}", get_group);
  routes.staff("PUT", "/api/v1/community/fire-groups/{id}", update_group);
  routes.staff("PUT", "/api/v1/community/fire-groups/{id}/members", set_members);
  routes.staff("POST", "/api/v1/community/fire-groups/{id}/points", add_point);
  routes.staff("POST", "/api/v1/community/fire-groups/{id}/incidents", record_incident);
  routes.staff("GET", "/api/v1/community/fire-groups/{id}/incidents", group_incidents);
  routes.staff("PUT", "/api/v1/community/fire-points/{id}", update_point);
  routes.staff("DELETE", "/api/v1/community/fire-points/{id}", delete_point);
  routes.staff("POST", "/api/v1/community/households/{id}/extinguishers", add_extinguisher);
  routes.staff("PUT", "/api/v1/community/households/{id}/gear", put_gear);
  routes.staff("PUT", "/api/v1/community/extinguishers/{id}", update_extinguisher);
  routes.staff("POST", "/api/v1/community/extinguishers/{id}/retire", retire_extinguisher);
  routes.staff("GET", "/api/v1/community/fire-due", fire_due);
  routes.staff("GET", "/api/v1/community/fire-coverage", fire_coverage);
}

}  // namespace antq::api
