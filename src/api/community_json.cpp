#include "api/community_json.hpp"

#include "api/support.hpp"

namespace antq::api {

boost::json::object registration_json(const community::Registration& r) {
  return boost::json::object{{"year", r.year},
                             {"registered_on", r.registered_on},
                             {"signed", r.signed_form},
                             {"note", r.note},
                             {"version", r.version}};
}

boost::json::object extinguisher_json(const community::Extinguisher& e) {
  return boost::json::object{
      {"id", e.id},
      {"household_id", e.household_id},
      {"kind", e.kind},
      {"kind_note", e.kind_note},
      {"capacity_kg", optional_value(e.capacity_kg)},
      {"count", e.count},
      {"manufactured_on", optional_value(e.manufactured_on)},
      {"last_refill_on", optional_value(e.last_refill_on)},
      {"expires_on", e.expires_on},
      {"retired_on", optional_value(e.retired_on)},
      {"last_check_on", optional_value(e.last_check_on)},
      {"version", e.version},
  };
}

boost::json::object gear_json(const community::HouseholdGear& g) {
  return boost::json::object{
      {"household_id", g.household_id},
      {"forcing_tools", g.forcing_tools},
      {"forcing_tool_count", g.forcing_tool_count},
      {"bell", g.bell},
      {"push_buttons", g.push_buttons},
      {"interlinked", g.interlinked},
      {"checked_on", optional_value(g.checked_on)},
  };
}

boost::json::object patrol_json(const community::Patrol& p) {
  boost::json::array route;
  for (const auto& point : p.route) route.push_back(boost::json::array{point.lat, point.lon});
  return boost::json::object{{"id", p.id},
                             {"team_id", p.team_id},
                             {"patrol_on", p.patrol_on},
                             {"shift", p.shift},
                             {"member_ids", boost::json::array(p.member_ids.begin(), p.member_ids.end())},
                             {"route", std::move(route)},
                             {"findings", p.findings},
                             {"tip_refs", p.tip_refs},
                             {"version", p.version}};
}

boost::json::object drill_json(const community::Drill& d) {
  return boost::json::object{{"id", d.id},
                             {"group_id", d.group_id},
                             {"held_on", d.held_on},
                             {"scenario", d.scenario},
                             {"participants", d.participants},
                             {"observers", d.observers},
                             {"evaluation", d.evaluation},
                             {"evaluation_note", d.evaluation_note},
                             {"version", d.version}};
}

boost::json::object meeting_json(const community::Meeting& m) {
  return boost::json::object{{"id", m.id},           {"team_id", m.team_id},
                             {"held_on", m.held_on}, {"attendees", m.attendees},
                             {"content", m.content}, {"version", m.version}};
}

boost::json::object extinguisher_check_json(const community::ExtinguisherCheck& c) {
  return boost::json::object{{"id", c.id},
                             {"extinguisher_id", c.extinguisher_id},
                             {"checked_on", c.checked_on},
                             {"result", c.result},
                             {"new_expires_on", optional_value(c.new_expires_on)},
                             {"note", c.note},
                             {"version", c.version}};
}

}  // namespace antq::api
