#include "api/model_json.hpp"

#include "api/community_files.hpp"
#include "api/support.hpp"

namespace antq::api {

boost::json::object model_type_json(const community::ModelType& t) {
  return boost::json::object{{"id", t.id},
                             {"code", t.code},
                             {"name", t.name},
                             {"description", t.description},
                             {"source", optional_value(t.source)},
                             {"automatic", t.source.has_value()},
                             {"linked", t.linked},
                             {"builtin", t.builtin},
                             {"active", t.active},
                             {"sort", t.sort},
                             {"version", t.version}};
}

boost::json::object model_site_json(const community::ModelSiteView& v) {
  const auto& s = v.site;
  boost::json::array participants;
  for (const auto& p : v.participants) {
    participants.push_back(
        boost::json::object{{"unit_id", p.unit_id}, {"unit_name", p.unit_name}, {"joined_on", p.joined_on}});
  }
  boost::json::array standing;
  for (const auto& st : v.standing) {
    standing.push_back(boost::json::object{{"year", st.year}, {"unit_id", st.unit_id}, {"unit_name", st.unit_name}});
  }
  return boost::json::object{{"id", s.id},
                             {"code", s.code},
                             {"type_id", s.type_id},
                             {"type_name", v.type_name},
                             {"linked", v.linked},
                             {"unit_id", s.unit_id},
                             {"unit_name", v.unit_name},
                             {"name", s.name},
                             {"launched_on", s.launched_on},
                             {"ended_on", optional_value(s.ended_on)},
                             {"note", s.note},
                             {"demo", s.demo},
                             {"participants", std::move(participants)},
                             {"standing", std::move(standing)},
                             {"version", s.version}};
}

namespace {

boost::json::array board_json(const std::vector<community::BoardMember>& board) {
  boost::json::array out;
  for (const auto& m : board) {
    out.push_back(boost::json::object{{"id", m.id}, {"full_name", m.full_name}, {"title", m.title}, {"role", m.role}});
  }
  return out;
}

boost::json::object team_json(const community::ModelTeam& t) {
  boost::json::array members;
  for (const auto& m : t.members) {
    members.push_back(boost::json::object{{"id", m.id},
                                          {"full_name", m.full_name},
                                          {"role", m.role},
                                          {"joined_on", m.joined_on},
                                          {"left_on", optional_value(m.left_on)}});
  }
  return boost::json::object{{"id", t.id},
                             {"site_id", t.site_id},
                             {"name", t.name},
                             {"founded_on", t.founded_on},
                             {"ended_on", optional_value(t.ended_on)},
                             {"version", t.version},
                             {"members", std::move(members)}};
}

}  // namespace

boost::json::object model_site_detail_json(const community::ModelSiteDetail& d) {
  auto out = model_site_json(d);
  boost::json::array teams;
  for (const auto& t : d.teams) teams.push_back(team_json(t));
  boost::json::array assessments;
  for (const auto& a : d.assessments) {
    assessments.push_back(
        boost::json::object{{"year", a.year}, {"rating", a.rating}, {"note", a.note}, {"assessed_on", a.assessed_on}});
  }
  out["board"] = board_json(d.board);
  out["teams"] = std::move(teams);
  out["assessments"] = std::move(assessments);
  out["regulation"] = d.regulation ? boost::json::value(community_file_json(*d.regulation)) : nullptr;
  out["standing_years"] = boost::json::value_from(d.standing_years);
  out["assessable_years"] = boost::json::value_from(d.assessable_years);
  out["limits"] = boost::json::object{{"board", community::Models::kMaxBoard},
                                      {"team_members", community::Models::kMaxTeamMembers},
                                      {"participants", community::Models::kMaxParticipants},
                                      {"regulation_bytes", community::Models::kMaxRegulationBytes}};
  out["may_keep"] = d.may_keep;
  out["may_record"] = d.may_record;
  return out;
}

boost::json::object model_activity_json(const community::ModelActivity& a) {
  return boost::json::object{{"id", a.id},
                             {"site_id", a.site_id},
                             {"held_on", a.held_on},
                             {"kind", a.kind},
                             {"participants", a.participants},
                             {"content", a.content},
                             {"version", a.version},
                             {"recorded_by", optional_value(a.recorded_by)},
                             {"device_at", optional_value(a.device_at)},
                             {"received_at", optional_instant(a.received_at)}};
}

}  // namespace antq::api
